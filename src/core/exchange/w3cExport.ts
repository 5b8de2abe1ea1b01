import type { Lang } from '../../shared/domain'
import { verdictLabel } from '../../shared/scales'
import { activeScale } from '../scales/scales'
import type { ReviewStore } from '../review/store'
import { readEssayUrl } from '../republish/settings'
import { CONTEXT, digestOfJson as digestOfJsonText, documentIri, X } from './w3cShared'
import { originsByClaim } from './w3cOrigin'
import { w3cThreadExport } from './w3cThread'
import { exportedArchiveUrl, httpUrl } from '../../shared/url'
import { flat, indented, inner as innerText, pad, stringList } from './w3cText'

/**
 * The export is written as the text `JSON.stringify(collection, null, 2)` would make, straight from the
 * rows: 10,000 claims would otherwise be some 80,000 small objects, stringified after. The text is one
 * list of pieces joined once, mostly fixed text made once and the rows' own strings, so the export
 * allocates little besides the result. The rarer parts (tags, replies) stay objects, stringified and
 * indented for where they sit. test/w3cText.test.ts holds it byte for byte to the object builder.
 */

const q = JSON.stringify
// The two imported functions called for every value, held as constants: where the code runs from its
// sources (tsx: the team server, the CLI from a checkout, tests, the benchmark) an imported name is a
// getter on the other module, called anew at each use: some 25 calls a claim.
const inner = innerText
const digestOfJson = digestOfJsonText
// Where the lines of a claim's annotation start: the annotation is an item of the page (depth 3).
const A = pad(3)
const P = pad(4)
const B = pad(5)
const S = pad(6)
const F = pad(7)
const historyAt = { P: stringList(P), S: stringList(S) }

/** The fixed text between a claim annotation's values; a string value's quotes are part of it. */
const T = flat({
  first: `{${P}"@context": ${indented(CONTEXT, P)},${P}"id": "urn:uuid:`,
  next: `,${A}{${P}"@context": ${indented(CONTEXT, P)},${P}"id": "urn:uuid:`,
  via: `",${P}"via": "`,
  canonical: `",${P}"canonical": "`,
  created: `",${P}"type": "Annotation",${P}"motivation": "assessing",${P}"created": "`,
  modified: `",${P}"modified": "`,
  creator: `",${P}"creator": {${B}"type": "Person",${B}"name": "`,
  creatorBody: `"${P}},${P}"body": [${B}`,
  body: `",${P}"body": [${B}`,
  note: `{${B}  "type": "TextualBody",${B}  "purpose": "commenting",${B}  "value": "`,
  noteEnd: `",${B}  "format": "text/plain"${B}},${B}`,
  item: `,${B}`,
  prefix: `",${F}"prefix": "`,
  suffix: `",${F}"suffix": "`,
  start: `"${S}},${S}{${F}"type": "TextPositionSelector",${F}"start": `,
  end: `,${F}"end": `,
  status: `${S}}${B}]${P}},${P}"${X.status}": "`,
  modifiedBy: `",${P}"${X.modifiedBy}": "`,
  revision: `",${P}"${X.revision}": `,
  version: `,${P}"${X.version}": "`,
  history: `",${P}"${X.history}": `,
  digest: `,${P}"${X.digest}": "`,
  close: `"${A}}`,
})

/** The fixed text of a link body: a SpecificResource in the claim's body list. */
const L = flat({
  id: `,${B}{${S}"id": "urn:uuid:`,
  source: `",${S}"type": "SpecificResource",${S}"purpose": "linking",${S}"source": "`,
  url: `",${S}"${X.url}": "`,
  title: `",${S}"${X.title}": "`,
  publisher: `",${S}"${X.publisher}": "`,
  published: `",${S}"${X.published}": "`,
  accessed: `",${S}"${X.accessed}": "`,
  excerpt: `",${S}"${X.excerpt}": "`,
  archiveUrl: `",${S}"${X.archiveUrl}": "`,
  created: `",${S}"${X.created}": "`,
  modified: `",${S}"${X.modified}": "`,
  revision: `",${S}"${X.revision}": `,
  version: `,${S}"${X.version}": "`,
  history: `",${S}"${X.history}": `,
  digest: `,${S}"${X.digest}": "`,
  close: `"${B}}`,
})

/**
 * A row's version history (`store.versionHistories`: its seen versions in order) as a JSON list, or
 * null when it is just the row's own version, as nearly every one is. Read with the rows, it spares
 * the export a map of every version of every entity in the review, made and kept to the end.
 */
const historyOf = (row: string): string => `(SELECT CASE WHEN count(*) = 1 AND max(h.version) = ${row}.version THEN NULL
  ELSE json_group_array(h.version ORDER BY h.version) END FROM version_seen h WHERE h.entity_id = ${row}.id)`

/** The history `historyOf` read: no version seen at all reads as the row's own version, as before. */
function historyList(json: string | null, version: string): readonly string[] {
  if (json === null) return [version]
  const list = JSON.parse(json) as string[]
  return list.length ? list : [version]
}

/** Live http(s) sources in `allSourceRows`' order, the columns a link body carries. */
const LIVE_SOURCES = `SELECT id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created,
  modified, revision, version, ${historyOf('s')} FROM source s WHERE deleted = 0 ORDER BY claim_id, created, id`

/**
 * Every live source by claim, as rows (raw arrays) with the `source` IRI of their link body. A link
 * that is not http(s) is left out and a stored archive link that is not is written empty, as
 * `allSourceRows` does; the address is parsed once, for both the check and the IRI.
 */
function sourcesByClaim(store: ReviewStore): Map<string, unknown[][]> {
  const byClaim = new Map<string, unknown[][]>()
  for (const r of store.db.prepare(LIVE_SOURCES).raw().all() as unknown[][]) {
    const url = httpUrl(r[2] as string)
    if (!url) continue
    r[8] = exportedArchiveUrl(r[8] as string)
    // The row carries its IRI in place of its claim id, which the map key holds.
    const claimId = r[1] as string
    r[1] = url.href
    const list = byClaim.get(claimId)
    if (list) list.push(r)
    else byClaim.set(claimId, [r])
  }
  return byClaim
}

/** A source row (`sourcesByClaim`) as a link body. A SpecificResource, not the bare URL: the W3C MUSTs forbid `purpose` on an External Web Resource. */
function linkText(out: string[], r: unknown[]): void {
  const source = r[1] as string
  const url = inner(r[2] as string)
  out.push(L.id, inner(r[0] as string), L.source, inner(source))
  if (source !== r[2]) out.push(L.url, url)
  // `sourceDigest`'s JSON of the seven strings, made of the escaped text written anyway.
  let json = `["${url}"`
  for (let i = 0; i < OPTIONAL_TEXT.length; i++) {
    const value = r[3 + i] as string
    const e = inner(value)
    if (value) out.push(OPTIONAL_TEXT[i], e)
    json += `,"${e}"`
  }
  out.push(L.created, inner(r[9] as string), L.modified, inner(r[10] as string), L.revision, q(r[11]))
  const version = r[12] as string
  out.push(L.version, inner(version), L.history)
  if (r[13] === null) historyAt.S.one(out, version)
  else historyAt.S(out, historyList(r[13] as string, version))
  out.push(L.digest, digestOfJson(`${json}]`), L.close)
}

/** The fixed text before each optional column of a source row, columns 3–8 (title to archive link), written when not empty. */
const OPTIONAL_TEXT = [L.title, L.publisher, L.published, L.accessed, L.excerpt, L.archiveUrl]

/** Live claims in position order (the order of `allClaimRows`), the columns an annotation carries. */
const LIVE_CLAIMS = `SELECT id, exact, verdict, status, note, author, created, modified, prefix, suffix, start, end,
  modified_by, version, revision, ${historyOf('c')} FROM claim c WHERE deleted = 0 ORDER BY start, end, created, id`

/** Version histories of the live tags and replies, the rarer rows that are read as objects. */
function threadHistories(store: ReviewStore): (id: string, version: string) => string[] {
  const rows = store.db
    .prepare(
      `SELECT entity_id, version FROM version_seen WHERE entity_id IN
        (SELECT id FROM claim_tag WHERE deleted = 0 UNION ALL SELECT id FROM reply WHERE deleted = 0)
        ORDER BY entity_id, version`,
    )
    .raw()
    .all() as string[][]
  const map = new Map<string, string[]>()
  for (const [id, version] of rows) {
    const list = map.get(id)
    if (list) list.push(version)
    else map.set(id, [version])
  }
  return (id, version) => map.get(id) ?? [version]
}

/** What every claim's annotation is written with: the review's lookups and the text made once. */
interface ClaimsText {
  origins: Map<string, Record<string, string>>
  sources: Map<string, unknown[][]>
  tagBodies: (claimId: string) => readonly Record<string, unknown>[]
  assessingBody: (verdict: string) => string
  /** The fixed text from the end of the body list to the quote, with the essay's address and hash. */
  target: string
}

/**
 * A `LIVE_CLAIMS` row as its annotation's pieces onto `out`, after `start` (the text before its id).
 * A function of its own rather than the body of the export's loop: the compiler then optimises this
 * alone, not the whole export entered mid-loop, which on the first export cost some 20 ms more.
 */
function claimText(out: string[], r: unknown[], start: string, claims: ClaimsText): void {
  const id = r[0] as string
  const exact = r[1] as string
  const verdict = r[2] as string
  const status = r[3] as string
  const note = r[4] as string
  const author = r[5] as string
  const version = r[13] as string
  // The strings as they read in JSON, used again for the digest (claimDigest's JSON of the four).
  const e = inner(exact)
  const v = inner(verdict)
  const st = inner(status)
  const n = inner(note)
  out.push(start, inner(id))
  const origin = claims.origins.get(id)
  if (origin?.via) out.push(T.via, inner(origin.via))
  if (origin?.canonical) out.push(T.canonical, inner(origin.canonical))
  out.push(T.created, inner(r[6] as string), T.modified, inner(r[7] as string))
  if (author) out.push(T.creator, inner(author), T.creatorBody)
  else out.push(T.body)
  if (note) out.push(T.note, n, T.noteEnd)
  out.push(claims.assessingBody(verdict))
  const links = claims.sources.get(id)
  if (links) for (const s of links) linkText(out, s)
  for (const t of claims.tagBodies(id)) out.push(T.item, indented(t, B))
  out.push(claims.target, e, T.prefix, inner(r[8] as string), T.suffix, inner(r[9] as string))
  out.push(T.start, q(r[10]), T.end, q(r[11]), T.status, st, T.modifiedBy, inner(r[12] as string))
  out.push(T.revision, q(r[14]), T.version, inner(version), T.history)
  if (r[15] === null) historyAt.P.one(out, version)
  else historyAt.P(out, historyList(r[15] as string, version))
  out.push(T.digest, digestOfJson(`["${e}","${v}","${st}","${n}"]`), T.close)
}

/** Pieces of text joined at a time: some 150 claims' worth. */
export const PIECES_PER_PART = 8192

/** Every live claim as a W3C Web Annotation, in one AnnotationCollection with its page embedded, as JSON text. */
export function exportW3cText(store: ReviewStore): string {
  // The essay's id, title and hash only: its blocks are the largest thing in the file to parse.
  const doc = store.db.prepare(`SELECT id, title, content_hash AS hash, language FROM document LIMIT 1`).get() as {
    id: string
    title: string
    hash: string
    language: string
  }
  const lang: Lang = /^en\b/i.test(doc.language) ? 'en' : 'ko'
  const scale = activeScale(store)
  const essay = documentIri({ id: doc.id, sourceUrl: readEssayUrl(store) })
  const sources = sourcesByClaim(store)
  const thread = w3cThreadExport(store, threadHistories(store))
  const origins = originsByClaim(store.db)
  // The assessing body is the same text for every claim with the same verdict.
  const assessing = new Map<string, string>()
  const assessingBody = (verdict: string): string => {
    let text = assessing.get(verdict)
    if (text === undefined) {
      const body = {
        type: 'TextualBody',
        purpose: 'assessing',
        value: verdictLabel(scale, verdict, lang),
        language: lang,
        [X.verdict]: verdict,
      }
      assessing.set(verdict, (text = indented(body, B)))
    }
    return text
  }
  const { target } = flat({
    target: `${P}],${P}"target": {${B}"source": ${q(essay)},${B}"${X.textHash}": ${q(doc.hash)},${B}"selector": [${S}{${F}"type": "TextQuoteSelector",${F}"exact": "`,
  })
  // Arrays, not row objects (better-sqlite3's raw mode). Every text column is TEXT NOT NULL in a STRICT
  // table, so a string between quotes; start, end and revision are integers. The rows are read one at
  // a time and their pieces joined every few hundred claims: the rows' strings then die young, where
  // all of them held to the end were copied by every minor collection on the way (≈ 3× the GC time).
  const rows = store.db.prepare(LIVE_CLAIMS).raw().iterate() as IterableIterator<unknown[]>
  const chunks: string[] = []
  let out: string[] = []
  let count = 0
  const claims: ClaimsText = { origins, sources, tagBodies: thread.tagBodies, assessingBody, target }
  for (const r of rows) {
    claimText(out, r, count++ ? T.next : T.first, claims)
    if (out.length >= PIECES_PER_PART) {
      chunks.push(out.join(''))
      out = []
    }
  }
  chunks.push(out.join(''))
  out = chunks
  const total = count + thread.replies.length
  // Replies follow the claims, each a `replying` annotation targeting its claim's annotation.
  for (const reply of thread.replies) out.push(count++ ? `,${A}` : '', indented(reply, A))
  const head =
    `{${pad(1)}"@context": ${indented(CONTEXT, pad(1))},${pad(1)}"id": ${q(`urn:uuid:${doc.id}`)},` +
    `${pad(1)}"type": "AnnotationCollection",${pad(1)}"label": ${q(doc.title)},${pad(1)}"total": ${total},` +
    `${pad(1)}"first": {${pad(2)}"id": ${q(`urn:uuid:${doc.id}#page-1`)},${pad(2)}"type": "AnnotationPage",` +
    `${pad(2)}"startIndex": 0,${pad(2)}"items": `
  if (total === 0) return `${head}[]${pad(1)}}\n}`
  out.unshift(head, `[${A}`)
  out.push(`${pad(2)}]${pad(1)}}\n}`)
  return out.join('')
}

/** The export as an object, for readers of its content (tests, validators): the text parsed back. */
export const exportW3c = (store: ReviewStore): object => JSON.parse(exportW3cText(store)) as object

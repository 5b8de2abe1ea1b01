/**
 * The W3C export as the object builder wrote it before the export wrote its text directly: kept as the
 * reference the text must equal byte for byte once stringified with two-space indentation.
 */
import type { Lang } from '../../src/shared/domain'
import { verdictLabel } from '../../src/shared/scales'
import { activeScale } from '../../src/core/scales/scales'
import type { SourceRow } from '../../src/core/db/rows'
import type { ReviewStore } from '../../src/core/review/store'
import { readSettings } from '../../src/core/republish/settings'
import { claimDigest, CONTEXT, documentIri, sourceDigest, toIri, X } from '../../src/core/exchange/w3cShared'
import { originsByClaim } from '../../src/core/exchange/w3cOrigin'
import { w3cThreadExport } from '../../src/core/exchange/w3cThread'
import { allSourceRows } from '../../src/core/claims/queries'

function documentMeta(store: ReviewStore): { sourceUrl: string; lang: Lang } {
  const row = store.db.prepare(`SELECT source_url, language FROM document LIMIT 1`).get() as {
    source_url: string
    language: string
  }
  return { sourceUrl: row.source_url, lang: /^en\b/i.test(row.language) ? 'en' : 'ko' }
}

function linkBody(s: SourceRow, history: string[]): Record<string, unknown> {
  const fields = {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    published: s.published,
    accessed: s.accessed,
    excerpt: s.excerpt,
    archiveUrl: s.archive_url,
  }
  // A SpecificResource, not the bare URL: the W3C MUSTs forbid `purpose` on an External Web Resource.
  const source = toIri(s.url)
  const body: Record<string, unknown> = { id: `urn:uuid:${s.id}`, type: 'SpecificResource', purpose: 'linking', source }
  if (source !== s.url) body[X.url] = s.url
  for (const key of ['title', 'publisher', 'published', 'accessed', 'excerpt', 'archiveUrl'] as const) {
    if (fields[key]) body[X[key]] = fields[key]
  }
  body[X.created] = s.created
  body[X.modified] = s.modified
  body[X.revision] = s.revision
  body[X.version] = s.version
  body[X.history] = history
  body[X.digest] = sourceDigest(fields)
  return body
}

/** Live claims in position order (the order of `allClaimRows`), the columns an annotation carries. */
const LIVE_CLAIMS = `SELECT id, exact, verdict, status, note, author, created, modified, prefix, suffix, start, end,
  modified_by, version, revision FROM claim WHERE deleted = 0 ORDER BY start, end, created, id`

/** Every live claim as a W3C Web Annotation, in one AnnotationCollection with its page embedded. */
export function referenceW3c(store: ReviewStore): object {
  // The essay's id, title and hash only: its blocks are the largest thing in the file to parse.
  const doc = store.db.prepare(`SELECT id, title, content_hash AS hash FROM document LIMIT 1`).get() as {
    id: string
    title: string
    hash: string
  }
  const { sourceUrl, lang } = documentMeta(store)
  const scale = activeScale(store)
  const essay = documentIri({ id: doc.id, sourceUrl: readSettings(store).essayUrl || sourceUrl })
  const histories = store.versionHistories()
  const history = (id: string, version: string) => histories.get(id) ?? [version]
  const sources = new Map<string, SourceRow[]>()
  for (const s of allSourceRows(store)) {
    if (s.deleted === 1) continue
    const list = sources.get(s.claim_id)
    if (list) list.push(s)
    else sources.set(s.claim_id, [s])
  }
  const thread = w3cThreadExport(store, history)
  const origins = originsByClaim(store.db)
  const labels = new Map<string, string>()
  const label = (verdict: string): string => {
    let text = labels.get(verdict)
    if (text === undefined) labels.set(verdict, (text = verdictLabel(scale, verdict, lang)))
    return text
  }
  // Arrays, not row objects (better-sqlite3's raw mode): each annotation is the only object built per claim.
  const rows = store.db.prepare(LIVE_CLAIMS).raw().all() as unknown[][]
  const claimItems = rows.map((r) => {
    const id = r[0] as string
    const exact = r[1] as string
    const verdict = r[2] as string
    const status = r[3] as string
    const note = r[4] as string
    const author = r[5] as string
    const version = r[13] as string
    const body: Record<string, unknown>[] = []
    if (note) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' })
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: label(verdict),
      language: lang,
      [X.verdict]: verdict,
    })
    for (const s of sources.get(id) ?? []) body.push(linkBody(s, history(s.id, s.version)))
    body.push(...thread.tagBodies(id))
    return {
      '@context': CONTEXT,
      id: `urn:uuid:${id}`,
      ...origins.get(id),
      type: 'Annotation',
      motivation: 'assessing',
      created: r[6] as string,
      modified: r[7] as string,
      ...(author ? { creator: { type: 'Person', name: author } } : {}),
      body,
      target: {
        source: essay,
        [X.textHash]: doc.hash,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: r[8] as string, suffix: r[9] as string },
          { type: 'TextPositionSelector', start: r[10] as number, end: r[11] as number },
        ],
      },
      [X.status]: status,
      [X.modifiedBy]: r[12] as string,
      [X.revision]: r[14] as number,
      [X.version]: version,
      [X.history]: history(id, version),
      [X.digest]: claimDigest({ exact, verdict, status, note }),
    }
  })
  // Replies follow the claims, each a `replying` annotation targeting its claim's annotation.
  const items = [...claimItems, ...thread.replies]
  return {
    '@context': CONTEXT,
    id: `urn:uuid:${doc.id}`,
    type: 'AnnotationCollection',
    label: doc.title,
    total: items.length,
    first: { id: `urn:uuid:${doc.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

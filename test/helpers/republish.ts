/** Helpers for the republication tests: reviews with claims and applied corrections, output readers. */
import { randomUUID } from 'node:crypto'
import { contentHash, ReviewStore } from '../../src/core/review/store'
import type { ParsedEssay } from '../../src/core/document/essayFormat'
import type { Claim, SourceFields } from '../../src/shared/domain'
import { blockText, essayText, essayTitle, type Block } from '../../src/shared/essay'
import { codePointLength, cpSlice, describeRange } from '../../src/shared/text'
import { openReview } from '../../src/core/review/open'
import { getClaim, listClaims } from '../../src/core/claims/queries'
import { addSource, createClaim, updateClaim } from '../../src/core/claims/commands'
import { readDocument } from '../../src/core/document/queries'

/** Both selectors of the `nth` occurrence of `needle` in the review's essay. */
function anchorOf(store: ReviewStore, needle: string, nth = 0) {
  const text = readDocument(store).text
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`)
  }
  const start = codePointLength(text.slice(0, at))
  return describeRange(text, start, start + codePointLength(needle))
}

export function source(url: string, title = '보도자료', extra: Partial<SourceFields> = {}): SourceFields {
  return { url, title, publisher: '', published: '', accessed: '', excerpt: '', archiveUrl: '', ...extra }
}

/** A claim on the `nth` occurrence of `needle`, rated, with a note and sources. */
export function claimOn(
  store: ReviewStore,
  needle: string,
  fields: { verdict?: Claim['verdict']; note?: string; sources?: SourceFields[]; author?: string; nth?: number } = {},
): Claim {
  const author = fields.author ?? '김검증'
  const claim = createClaim(store, anchorOf(store, needle, fields.nth ?? 0), author)
  updateClaim(store, claim.id, { verdict: fields.verdict ?? 'unrated', note: fields.note ?? '' }, author)
  for (const s of fields.sources ?? []) addSource(store, claim.id, s, author)
  return getClaim(store, claim.id)
}

/**
 * Applies a correction the way the review records one, written straight into the tables (the editor's
 * path goes through the corrections module): the claim's words become `replacement` in the essay's
 * blocks and text, every claim after it moves, and an applied correction row records both wordings.
 */
export function applyCorrectionDirectly(
  store: ReviewStore,
  claimId: string,
  replacement: string,
  explanation: string,
  actor = '이편집',
): void {
  const claim = getClaim(store, claimId)
  const doc = readDocument(store)
  const blocks: Block[] = JSON.parse(JSON.stringify(doc.blocks)) as Block[]
  // Find the block and inline holding the claim (a correction inside one run of text).
  let offset = 0
  let done = false
  for (const block of blocks) {
    const length = codePointLength(blockText(block))
    if (!done && claim.start >= offset && claim.end <= offset + length) {
      let at = offset
      for (const inline of block.inlines) {
        const n = codePointLength(inline.text)
        if (claim.start >= at && claim.end <= at + n) {
          inline.text = cpSlice(inline.text, 0, claim.start - at) + replacement + cpSlice(inline.text, claim.end - at)
          done = true
          break
        }
        at += n
      }
    }
    offset += length + 1
  }
  if (!done) throw new Error('the claim is not inside one run of text')
  const text = essayText(blocks)
  const delta = codePointLength(replacement) - (claim.end - claim.start)
  const now = new Date().toISOString()
  store.db.transaction(() => {
    store.db
      .prepare(`UPDATE document SET title = ?, blocks_json = ?, text = ?, content_hash = ?, modified = ?`)
      .run(essayTitle(blocks), JSON.stringify(blocks), text, contentHash(text), now)
    for (const c of listClaims(store)) {
      const start = c.id === claimId || c.start < claim.end ? c.start : c.start + delta
      const end = c.id === claimId || c.end >= claim.end ? c.end + delta : c.end
      const a = describeRange(text, start, end)
      store.db
        .prepare(`UPDATE claim SET exact = ?, prefix = ?, suffix = ?, start = ?, end = ? WHERE id = ?`)
        .run(a.exact, a.prefix, a.suffix, a.start, a.end, c.id)
    }
    store.db
      .prepare(
        `INSERT INTO correction (id, claim_id, original, replacement, explanation, state, proposed_by, proposed, applied_by, applied, modified, version)
         VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), claimId, claim.exact, replacement, explanation, actor, now, actor, now, now, randomUUID())
  })()
}

export function openEssay(essay: ParsedEssay): ReviewStore {
  return openReview(':memory:', essay)
}

/** Undoes the Markdown export's backslash escapes and numeric character references. */
export const mdUnescape = (s: string): string =>
  s.replace(
    /\\([\\`*_[\]<>&~|#>+=.)-])|&#(\d+);/g,
    (_m, ch: string | undefined, code: string | undefined) => ch ?? String.fromCodePoint(Number(code)),
  )

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" }
export const htmlDecode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, e: string) => ENTITIES[e])

/** The text of every element of the exported HTML that shows one essay block, by block index. */
export function htmlBlockTexts(html: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const m of html.matchAll(/<(h1|h2|p|span)\b[^>]*\bdata-block="(\d+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const inner = m[3].replace(/<[^>]+>/g, '')
    out.set(Number(m[2]), htmlDecode(inner))
  }
  return out
}

/** The essay part of a Markdown export (before the corrections and the footnotes). */
export function markdownBody(md: string): string {
  const cuts = [md.search(/^## (Corrections|정정)$/m), md.search(/^\[\^\d+\]:/m)].filter((i) => i >= 0)
  return md.slice(0, cuts.length ? Math.min(...cuts) : md.length).trimEnd()
}

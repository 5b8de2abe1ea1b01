import type { Claim } from '../../../shared/domain'
import type { ImportNote } from '../../../shared/exchange'
import { describeRange } from '../../../shared/text'
import type { WordNotFound, WordResolved, WordTextDiffers } from '../../../shared/wordReview'
import { uuidV5 } from '../../lib/names'
import type { BundleClaim } from '../bundle'
import type { BundleCorrection } from '../bundleExtras'
import type { BundleReply } from '../bundleThread'
import type { Alignment } from './align'

/** What the Word import reads and builds, shared by its steps (comments, then tracked changes). */
export interface WordContext {
  file: string
  reviewId: string
  importer: string
  acceptResolved: boolean
  /** The essay and the document's text before tracked changes, as code points. */
  essay: string[]
  doc: string[]
  align: Alignment
  /** This review's live claims, and the claims this import adds (by id). */
  claims: Claim[]
  added: BundleClaim[]
  histories: Map<string, string[]>
  out: {
    claims: BundleClaim[]
    replies: BundleReply[]
    corrections: BundleCorrection[]
    notes: ImportNote[]
    resolved: WordResolved[]
    notFound: WordNotFound[]
    textDiffers: WordTextDiffers[]
  }
}

/** Ids and versions derived from what the file says, so importing the same file twice adds nothing. */
export const derivedId = (ctx: WordContext, ...parts: (string | number)[]): string =>
  uuidV5(`factdesk:word:${ctx.reviewId}:${JSON.stringify(parts)}`)

/** Word writes `2024-05-01T09:30:00Z`; anything unreadable becomes the given fallback time. */
export function wordDate(raw: string, fallback: string): string {
  const t = Date.parse(raw)
  return raw !== '' && !Number.isNaN(t) ? new Date(t).toISOString() : fallback
}

export const slice = (cps: string[], start: number, end: number): string => cps.slice(start, end).join('')

/** Every occurrence of `needle` in `hay` (code points), as offsets. */
function occurrences(hay: string[], needle: string[]): number[] {
  const out: number[] = []
  if (needle.length === 0) return out
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    out.push(i)
  }
  return out
}

/**
 * The essay range of a range of the document: where the document agrees with the essay, the same
 * words; else the words found by their text, the occurrence nearest to where they stood. Never other
 * words: null when the text is nowhere in the essay.
 */
export function placeRange(
  ctx: WordContext,
  range: { start: number; end: number },
): { start: number; end: number } | null {
  if (range.end <= range.start) return null
  const quote = ctx.doc.slice(range.start, range.end)
  const s = ctx.align.toEssay(range.start, 'start')
  const e = ctx.align.toEssay(range.end, 'end')
  if (s !== null && e !== null && e - s === quote.length && slice(ctx.essay, s, e) === quote.join(''))
    return { start: s, end: e }
  const near = s ?? Math.round((range.start * ctx.essay.length) / Math.max(1, ctx.doc.length))
  const found = occurrences(ctx.essay, quote)
  if (found.length === 0) return null
  const at = found.reduce((best, x) => (Math.abs(x - near) < Math.abs(best - near) ? x : best))
  return { start: at, end: at + quote.length }
}

/** A new claim on essay words: not yet rated, open, its note and author from Word. */
export function newClaim(
  ctx: WordContext,
  id: string,
  range: { start: number; end: number },
  fields: { note: string; author: string; created: string },
): BundleClaim {
  const anchor = describeRange(ctx.essay.join(''), range.start, range.end)
  const version = derivedId(ctx, 'claim-version', id)
  const claim: BundleClaim = {
    id,
    ...anchor,
    anchored: true,
    verdict: 'unrated',
    status: 'open',
    note: fields.note,
    author: fields.author,
    created: fields.created,
    modified: fields.created,
    modifiedBy: fields.author,
    revision: 1,
    deleted: false,
    version,
    history: [version],
  }
  ctx.added.push(claim)
  ctx.out.claims.push(claim)
  return claim
}

/** Existing and just-added claims on exactly this range. */
export function claimsOnRange(
  ctx: WordContext,
  range: { start: number; end: number },
): { id: string; exact: string }[] {
  const live = ctx.claims.filter((c) => c.anchored && c.start === range.start && c.end === range.end)
  const added = ctx.added.filter((c) => c.start === range.start && c.end === range.end)
  return [...live, ...added]
}

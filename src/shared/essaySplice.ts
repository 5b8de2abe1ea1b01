import { z } from 'zod'
import { blockSchema, blockText, type Block } from './essay'
import { BLOCK_SEPARATOR, codePointLength, CONTEXT_LENGTH } from './text'
import type { EditRegion } from './textDiff'

/**
 * An essay save of only what changed: the saved blocks from `at`, `remove` of them, replaced by
 * `blocks`. A pause in typing changes a block or two of thousands; sending the whole essay each time
 * cost the page its serialisation (a book-length essay is over a megabyte) and the service its parse.
 */
export const essaySpliceSchema = z
  .object({
    at: z.number().int().min(0),
    remove: z.number().int().min(0),
    blocks: z.array(blockSchema).max(100_000),
  })
  .strict()
export type EssaySplice = z.infer<typeof essaySpliceSchema>

type Inline = Block['inlines'][number]

const sameRuns = (a: readonly Inline[], b: readonly Inline[]): boolean =>
  a.length === b.length && a.every((r, i) => r.text === b[i].text && !r.bold === !b[i].bold)

/** The runs with neighbours of the same weight joined: a highlight splits a run where the words do not change. */
function joined(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const r of runs) {
    const last = out.at(-1)
    if (r.text === '') continue
    if (last && !last.bold === !r.bold) out[out.length - 1] = { ...last, text: last.text + r.text }
    else out.push(r)
  }
  return out
}

const sameBlock = (a: Block, b: Block): boolean =>
  a.kind === b.kind && (sameRuns(a.inlines, b.inlines) || sameRuns(joined(a.inlines), joined(b.inlines)))

/** The smallest splice that makes `after` of `before`: what lies between their equal starts and ends. */
export function essaySplice(before: readonly Block[], after: readonly Block[]): EssaySplice {
  let start = 0
  while (start < before.length && start < after.length && sameBlock(before[start], after[start])) start++
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    sameBlock(before[before.length - 1 - end], after[after.length - 1 - end])
  )
    end++
  return { at: start, remove: before.length - start - end, blocks: after.slice(start, after.length - end) }
}

/** `blocks` with `splice` applied, or null when it does not fit them (they are not the blocks it was made for). */
export function applyEssaySplice(blocks: readonly Block[], splice: EssaySplice): Block[] | null {
  if (splice.at + splice.remove > blocks.length) return null
  const out = [...blocks.slice(0, splice.at), ...splice.blocks, ...blocks.slice(splice.at + splice.remove)]
  return out.length > 0 ? out : null
}

const SEPARATOR = codePointLength(BLOCK_SEPARATOR)

/** The code points of `blocks` in the essay's plain text, each with the separator after it. */
const spanOf = (blocks: readonly Block[]): number =>
  blocks.reduce((n, b) => n + codePointLength(blockText(b).normalize('NFC')) + SEPARATOR, 0)

/**
 * Where a splice changes the essay's plain text, in code points: its region in the text before (to
 * `oldEnd`) and after (to `newEnd`). The text before `start` is the same in both essays, and so is the
 * text after the region, moved by `newEnd - oldEnd`. The page and the service, each from the blocks it
 * last saved, find the same region, so a claim away from it follows the save by that move alone and
 * the page need not send its range.
 */
export function spliceRegion(before: readonly Block[], splice: EssaySplice): EditRegion {
  const removed = spanOf(before.slice(splice.at, splice.at + splice.remove))
  const inserted = spanOf(splice.blocks)
  const start = spanOf(before.slice(0, splice.at))
  // Blocks follow: each spliced block ends with its separator.
  if (splice.at + splice.remove < before.length) return { start, oldEnd: start + removed, newEnd: start + inserted }
  // It reaches the end: each spliced block starts with one instead (none before the first block), and
  // the region ends with each text (an essay without blocks has none).
  const end = (span: number) => Math.max(0, start + span - SEPARATOR)
  return { start: Math.max(0, start - SEPARATOR), oldEnd: end(removed), newEnd: end(inserted) }
}

/** How far from a splice's region a claim's words or context may reach into it (`nearSplice`). */
export const SPLICE_REACH = CONTEXT_LENGTH + SEPARATOR

/**
 * Whether a claim at `range` (in the essay as it is after the splice) is near enough to the splice's
 * region that its words or its context (the quote's prefix and suffix, CONTEXT_LENGTH code points each)
 * may change. The page sends the ranges of these claims only; the service reads the same claims by their
 * saved places (`$saveDocument`) and moves the rest.
 */
export function nearSplice(range: { start: number; end: number }, region: EditRegion): boolean {
  return range.end > region.start - SPLICE_REACH && range.start < region.newEnd + SPLICE_REACH
}

/** A stretch of the essay's plain text, in code points. */
export interface TextSpan {
  start: number
  end: number
}

/**
 * The stretch of text the edits so far touched, widened by one more edit: where it lies in the text
 * after that edit. A claim outside it moved by the edits' lengths alone.
 */
export function widenSpan(span: TextSpan | null, edit: EditRegion): TextSpan {
  if (!span) return { start: edit.start, end: edit.newEnd }
  const shift = edit.newEnd - edit.oldEnd
  const end = span.end < edit.start ? span.end : span.end >= edit.oldEnd ? span.end + shift : edit.newEnd
  return { start: Math.min(span.start, edit.start), end: Math.max(end, edit.newEnd) }
}

/**
 * Whether edits that touched `span` (the text after them) lie inside a splice's region: then every
 * claim away from the region moved as the service moves it (`nearSplice`), and only the ranges of the
 * claims near it need be sent.
 */
export function insideSplice(span: TextSpan, region: EditRegion): boolean {
  return span.start >= region.start && span.end <= region.newEnd
}

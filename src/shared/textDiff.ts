/**
 * How claim positions follow an edit of the essay. An edit is described by the one region in which
 * the old and new texts differ (common prefix and suffix removed), in code points.
 *
 * A claim's start stays outside text inserted right before it, and its end outside text typed right
 * after it (as a highlight behaves in a word processor); text replaced exactly at a claim's edges
 * (a correction) becomes the claim's text. A claim whose text is deleted entirely collapses (null).
 */
import { codePointIndex } from './text'

export interface EditRegion {
  start: number
  oldEnd: number
  newEnd: number
}

export function editRegion(before: string, after: string): EditRegion | null {
  if (before === after) return null
  // Compared by UTF-16 unit (no copy of either text as an array of characters), then taken back to
  // the start of a surrogate pair the prefix or suffix would split.
  const shorter = Math.min(before.length, after.length)
  let p = 0
  while (p < shorter && before.charCodeAt(p) === after.charCodeAt(p)) p++
  if (p > 0 && isHigh(before.charCodeAt(p - 1))) p--
  let s = 0
  while (s < shorter - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++
  if (s > 0 && isLow(before.charCodeAt(before.length - s))) s--
  return {
    start: codePointIndex(before, p),
    oldEnd: codePointIndex(before, before.length - s),
    newEnd: codePointIndex(after, after.length - s),
  }
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

export function mapRange(
  range: { start: number; end: number },
  edit: EditRegion | null,
): { start: number; end: number } | null {
  if (!edit) return range
  const { start: p, oldEnd, newEnd } = edit
  const delta = newEnd - oldEnd
  const mapStart = (x: number): number => {
    if (x < p) return x
    if (x === p) return p === oldEnd ? newEnd : p
    return x < oldEnd ? newEnd : x + delta
  }
  const mapEnd = (x: number): number => {
    if (x <= p) return x
    return x < oldEnd ? p : x + delta
  }
  const start = mapStart(range.start)
  const end = mapEnd(range.end)
  return end > start ? { start, end } : null
}

/**
 * How claim positions follow an edit of the essay. An edit is described by the one region in which
 * the old and new texts differ (common prefix and suffix removed), in code points.
 *
 * A claim's start stays outside text inserted right before it, and its end outside text typed right
 * after it (as a highlight behaves in a word processor); text replaced exactly at a claim's edges
 * (a correction) becomes the claim's text. A claim whose text is deleted entirely collapses (null).
 */
export interface EditRegion {
  start: number
  oldEnd: number
  newEnd: number
}

export function editRegion(before: string, after: string): EditRegion | null {
  if (before === after) return null
  const a = Array.from(before)
  const b = Array.from(after)
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s }
}

export function mapRange(range: { start: number; end: number }, edit: EditRegion | null): { start: number; end: number } | null {
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

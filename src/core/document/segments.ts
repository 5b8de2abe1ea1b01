/**
 * The segments a comparison of two versions of a text is made of (./textMap.ts), and how a changed
 * stretch is narrowed to the characters that differ. Offsets are UTF-16 indices of the two strings.
 */
export interface Segment {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
  equal: boolean
}

/** Changed stretches longer than this (both sides) are mapped proportionally, not diffed by character. */
const MAX_CHAR_DIFF = 20_000
/** Nor are stretches that differ in more characters than this. */
const MAX_CHAR_EDITS = 400
/** Equal runs shorter than this inside a changed stretch are taken as part of the change. */
const MIN_RUN = 3

/** Scratch for equalRuns, kept between calls: a comparison allocates nothing once these are grown. */
const front = new Int32Array(2 * MAX_CHAR_EDITS + 3)
let history = new Int32Array(1024)

/**
 * The runs that [a0, a0 + n) of `a` and [b0, b0 + m) of `b` share (Myers' O((N+M)D) diff), as
 * triples (start in a, start in b, length) from the last run to the first, or null if they differ in
 * more than MAX_CHAR_EDITS characters. Reads the two texts in place: no copies of either.
 */
function equalRuns(a: string, a0: number, n: number, b: string, b0: number, m: number): number[] | null {
  const max = Math.min(n + m, MAX_CHAR_EDITS)
  const off = max + 1
  const v = front
  for (let k = 0; k < 2 * max + 3; k++) v[k] = 0
  let end = -1
  let kept = 0
  for (let d = 0; d <= max && end < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + off] < v[k + 1 + off]) ? v[k + 1 + off] : v[k - 1 + off] + 1
      let y = x - k
      while (x < n && y < m && a.charCodeAt(a0 + x) === b.charCodeAt(b0 + y)) {
        x++
        y++
      }
      v[k + off] = x
      if (x >= n && y >= m) {
        end = d
        break
      }
    }
    // Only the diagonals step d + 1 can read (k in [-d - 1, d + 1]), one after another.
    if (kept + 2 * d + 3 > history.length) {
      const grown = new Int32Array(2 * (kept + 2 * d + 3))
      grown.set(history)
      history = grown
    }
    for (let k = -d - 1; k <= d + 1; k++) history[kept++] = v[k + off]
  }
  if (end < 0) return null
  const runs: number[] = []
  let x = n
  let y = m
  for (let d = end; d > 0; d--) {
    // Step d - 1 kept v[k] for k in [-d, d] at (d - 1)² + 2(d - 1) + k + d.
    const base = (d - 1) * (d + 1) + d
    const k = x - y
    const down = k === -d || (k !== d && history[base + k - 1] < history[base + k + 1])
    const pk = down ? k + 1 : k - 1
    const px = history[base + pk]
    const midX = down ? px : px + 1
    if (x - midX >= MIN_RUN) runs.push(a0 + midX, b0 + midX - k, x - midX)
    x = px
    y = px - pk
  }
  if (x >= MIN_RUN) runs.push(a0, b0, x)
  return runs
}

/**
 * Segments pushed in order: equal ones that touch are joined, and a changed stretch is narrowed to the
 * characters that differ (common start and end, then the runs Myers' diff finds inside).
 */
export class Segments {
  readonly list: Segment[] = []
  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {}

  push(oldStart: number, oldEnd: number, newStart: number, newEnd: number, equal: boolean): void {
    if (oldEnd === oldStart && newEnd === newStart) return
    const last = this.list[this.list.length - 1]
    if (last && last.equal && equal && last.oldEnd === oldStart && last.newEnd === newStart) {
      last.oldEnd = oldEnd
      last.newEnd = newEnd
    } else this.list.push({ oldStart, oldEnd, newStart, newEnd, equal })
  }

  changed(oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    const { oldText, newText } = this
    let p = 0
    while (
      oldStart + p < oldEnd &&
      newStart + p < newEnd &&
      oldText.charCodeAt(oldStart + p) === newText.charCodeAt(newStart + p)
    )
      p++
    let s = 0
    while (
      oldEnd - s > oldStart + p &&
      newEnd - s > newStart + p &&
      oldText.charCodeAt(oldEnd - 1 - s) === newText.charCodeAt(newEnd - 1 - s)
    )
      s++
    this.push(oldStart, oldStart + p, newStart, newStart + p, true)
    const a0 = oldStart + p
    const a1 = oldEnd - s
    const b0 = newStart + p
    const b1 = newEnd - s
    // Within a changed paragraph, the characters that stayed (so a claim beside an edit maps exactly).
    const runs =
      a0 < a1 && b0 < b1 && a1 - a0 + b1 - b0 <= MAX_CHAR_DIFF
        ? equalRuns(oldText, a0, a1 - a0, newText, b0, b1 - b0)
        : null
    let x = a0
    let y = b0
    for (let r = (runs?.length ?? 0) - 3; runs && r >= 0; r -= 3) {
      const ra = runs[r]
      const rb = runs[r + 1]
      const len = runs[r + 2]
      this.push(x, ra, y, rb, false)
      this.push(ra, ra + len, rb, rb + len, true)
      x = ra + len
      y = rb + len
    }
    this.push(x, a1, y, b1, false)
    this.push(oldEnd - s, oldEnd, newEnd - s, newEnd, true)
  }
}

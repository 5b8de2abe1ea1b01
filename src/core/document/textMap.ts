/**
 * Where a place in one version of the essay lies in another, for re-anchoring a file made on an
 * older (or newer) copy: the texts are compared block by block (lines), blocks that occur once in
 * both are matched in order (patience diff), the matches are grown over equal neighbours, and each
 * unmatched run is narrowed to the characters that differ. A place in an equal stretch maps exactly;
 * a place inside a changed stretch maps proportionally, with the stretch as its uncertainty.
 * Offsets here are UTF-16 indices of the two strings.
 */
export interface Segment {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
  equal: boolean
}

export interface MappedPlace {
  /** Best estimate of the place in the new text. */
  at: number
  /** The stretch of the new text the place may be in (equal to `at` where the text did not change). */
  from: number
  to: number
}

interface Line {
  start: number
  end: number
}

function lines(text: string): Line[] {
  const out: Line[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    out.push({ start, end: i + 1 })
    start = i + 1
  }
  out.push({ start, end: text.length })
  return out
}

/** Longest increasing subsequence of `b` over pairs sorted by `a`: the matches that keep their order. */
function increasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []
  const prev = new Int32Array(pairs.length).fill(-1)
  for (let i = 0; i < pairs.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]][1] < pairs[i][1]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]
    tails[lo] = i
  }
  const out: [number, number][] = []
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(pairs[i])
  return out.reverse()
}

function matchLines(oldText: string, newText: string, a: Line[], b: Line[]): Int32Array {
  const key = (t: string, l: Line) => t.slice(l.start, l.end)
  const count = new Map<string, { a: number; b: number; ai: number; bi: number }>()
  a.forEach((l, i) => {
    const k = key(oldText, l)
    const c = count.get(k) ?? { a: 0, b: 0, ai: i, bi: -1 }
    c.a++
    count.set(k, c)
  })
  b.forEach((l, j) => {
    const c = count.get(key(newText, l))
    if (c) {
      c.b++
      c.bi = j
    }
  })
  const pairs: [number, number][] = []
  for (const c of count.values()) if (c.a === 1 && c.b === 1) pairs.push([c.ai, c.bi])
  pairs.sort((x, y) => x[0] - y[0])
  const match = new Int32Array(a.length).fill(-1)
  const same = (i: number, j: number) => key(oldText, a[i]) === key(newText, b[j])
  for (const [i, j] of increasing(pairs)) match[i] = j
  // Grow each match over equal neighbours (repeated lines, the first and last lines), in order.
  const next = new Int32Array(a.length + 1).fill(b.length)
  for (let i = a.length - 1; i >= 0; i--) next[i] = match[i] >= 0 ? match[i] : next[i + 1]
  for (let i = 0, j = 0; i < a.length; i++) {
    if (match[i] >= 0) j = match[i] + 1
    else if (j < next[i] && same(i, j)) match[i] = j++
  }
  const prev = new Int32Array(a.length).fill(-1)
  for (let i = 0; i < a.length; i++) prev[i] = match[i] >= 0 ? match[i] : i > 0 ? prev[i - 1] : -1
  for (let i = a.length - 1, j = b.length - 1; i >= 0; i--) {
    if (match[i] >= 0) j = match[i] - 1
    else if (j >= 0 && j > (i > 0 ? prev[i - 1] : -1) && same(i, j)) match[i] = j--
  }
  return match
}

/** Changed stretches longer than this (both sides) are mapped proportionally, not diffed by character. */
const MAX_CHAR_DIFF = 20_000
/** Nor are stretches that differ in more characters than this. */
const MAX_CHAR_EDITS = 400
/** Equal runs shorter than this inside a changed stretch are taken as part of the change. */
const MIN_RUN = 3

/**
 * The runs `a` and `b` share, in order, as [start in a, start in b, length] (Myers' O((N+M)D) diff),
 * or null if they differ in more than MAX_CHAR_EDITS characters.
 */
function equalRuns(a: string, b: string): [number, number, number][] | null {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_CHAR_EDITS)
  const off = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let end = -1
  for (let d = 0; d <= max && end < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + off] < v[k + 1 + off]) ? v[k + 1 + off] : v[k - 1 + off] + 1
      let y = x - k
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++
        y++
      }
      v[k + off] = x
      if (x >= n && y >= m) {
        end = d
        break
      }
    }
    // Only the diagonals step d can reach: the whole array each step would be mostly copying.
    trace.push(v.slice(off - d - 1, off + d + 2))
  }
  if (end < 0) return null
  const runs: [number, number, number][] = []
  let x = n
  let y = m
  for (let d = end; d > 0; d--) {
    // trace[d - 1] holds v[k] for k in [-d, d], at index k + d.
    const prev = trace[d - 1]
    const k = x - y
    const down = k === -d || (k !== d && prev[k - 1 + d] < prev[k + 1 + d])
    const pk = down ? k + 1 : k - 1
    const px = prev[pk + d]
    const midX = down ? px : px + 1
    if (x - midX >= MIN_RUN) runs.push([midX, midX - k, x - midX])
    x = px
    y = px - pk
  }
  if (x >= MIN_RUN) runs.push([0, 0, x])
  return runs.reverse()
}

/** The segments of `oldText` and `newText`, in order, covering both texts. */
export function diffSegments(oldText: string, newText: string): Segment[] {
  const a = lines(oldText)
  const b = lines(newText)
  const match = matchLines(oldText, newText, a, b)
  const segments: Segment[] = []
  const push = (s: Segment) => {
    if (s.oldEnd === s.oldStart && s.newEnd === s.newStart) return
    const last = segments[segments.length - 1]
    if (last && last.equal && s.equal && last.oldEnd === s.oldStart && last.newEnd === s.newStart) {
      last.oldEnd = s.oldEnd
      last.newEnd = s.newEnd
    } else segments.push(s)
  }
  const changed = (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => {
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
    push({ oldStart, oldEnd: oldStart + p, newStart, newEnd: newStart + p, equal: true })
    const [a0, a1, b0, b1] = [oldStart + p, oldEnd - s, newStart + p, newEnd - s]
    // Within a changed paragraph, the characters that stayed (so a claim beside an edit maps exactly).
    const runs = a1 - a0 + b1 - b0 <= MAX_CHAR_DIFF ? equalRuns(oldText.slice(a0, a1), newText.slice(b0, b1)) : null
    let [x, y] = [a0, b0]
    for (const [ra, rb, len] of runs ?? []) {
      push({ oldStart: x, oldEnd: a0 + ra, newStart: y, newEnd: b0 + rb, equal: false })
      push({ oldStart: a0 + ra, oldEnd: a0 + ra + len, newStart: b0 + rb, newEnd: b0 + rb + len, equal: true })
      ;[x, y] = [a0 + ra + len, b0 + rb + len]
    }
    push({ oldStart: x, oldEnd: a1, newStart: y, newEnd: b1, equal: false })
    push({ oldStart: oldEnd - s, oldEnd, newStart: newEnd - s, newEnd, equal: true })
  }
  let oi = 0
  let nj = 0
  for (let i = 0; i <= a.length; i++) {
    if (i < a.length && match[i] < 0) continue
    const oldStart = oi < a.length ? a[oi].start : oldText.length
    const oldEnd = i < a.length ? a[i].start : oldText.length
    const newStart = nj < b.length ? b[nj].start : newText.length
    const newEnd = i < a.length ? b[match[i]].start : newText.length
    changed(oldStart, oldEnd, newStart, newEnd)
    if (i < a.length) {
      const j = match[i]
      push({ oldStart: a[i].start, oldEnd: a[i].end, newStart: b[j].start, newEnd: b[j].end, equal: true })
      oi = i + 1
      nj = j + 1
    }
  }
  return segments
}

/** Maps places of the old text into the new one. */
export class TextMap {
  private readonly segments: Segment[]
  constructor(oldText: string, newText: string) {
    this.segments =
      oldText === newText
        ? [{ oldStart: 0, oldEnd: oldText.length, newStart: 0, newEnd: newText.length, equal: true }]
        : diffSegments(oldText, newText)
  }

  map(x: number): MappedPlace {
    const segs = this.segments
    let lo = 0
    let hi = segs.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (segs[mid].oldStart <= x) lo = mid
      else hi = mid - 1
    }
    const s = segs[lo]
    if (!s) return { at: 0, from: 0, to: 0 }
    if (s.equal && x <= s.oldEnd) {
      const at = s.newStart + Math.min(x - s.oldStart, s.newEnd - s.newStart)
      return { at, from: at, to: at }
    }
    const span = s.oldEnd - s.oldStart
    const at = s.newStart + (span > 0 ? Math.round(((x - s.oldStart) / span) * (s.newEnd - s.newStart)) : 0)
    return { at, from: s.newStart, to: s.newEnd }
  }
}

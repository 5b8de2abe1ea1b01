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

/** The start of every line (each line ends after its '\n'; the last one at the end of the text), then the text's length. */
function lineStarts(text: string): number[] {
  const out = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1)
  out.push(text.length)
  return out
}

/**
 * Longest increasing subsequence of `js` (the new-text lines of pairs already in old-text order): the
 * matches that keep their order. Returns the chosen pairs' indices, ascending.
 */
function increasing(js: Int32Array, n: number): Int32Array {
  const tails = new Int32Array(n)
  const prev = new Int32Array(n).fill(-1)
  let len = 0
  for (let i = 0; i < n; i++) {
    let lo = 0
    let hi = len
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (js[tails[mid]] < js[i]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]
    tails[lo] = i
    if (lo === len) len++
  }
  const out = new Int32Array(len)
  for (let i = len ? tails[len - 1] : -1, k = len - 1; i >= 0; i = prev[i]) out[k--] = i
  return out
}

/**
 * For each old line, the new line it is matched to, or -1. Each distinct line gets a number once (one
 * native map look-up per line), so lines are compared by number, never by their characters again.
 */
function matchLines(oldText: string, newText: string, a: number[], b: number[]): Int32Array {
  const na = a.length - 1
  const nb = b.length - 1
  const ids = new Map<string, number>()
  const idA = new Int32Array(na)
  for (let i = 0; i < na; i++) {
    const k = oldText.slice(a[i], a[i + 1])
    let id = ids.get(k)
    if (id === undefined) ids.set(k, (id = ids.size))
    idA[i] = id
  }
  // A new line the old text does not have is -1: it equals no old line.
  const idB = new Int32Array(nb)
  for (let j = 0; j < nb; j++) idB[j] = ids.get(newText.slice(b[j], b[j + 1])) ?? -1
  const countA = new Int32Array(ids.size)
  const countB = new Int32Array(ids.size)
  const atB = new Int32Array(ids.size)
  for (let i = 0; i < na; i++) countA[idA[i]]++
  for (let j = 0; j < nb; j++) {
    const id = idB[j]
    if (id >= 0) {
      countB[id]++
      atB[id] = j
    }
  }
  // Lines that occur once in both, in old-text order (patience diff).
  const pi = new Int32Array(Math.min(na, nb))
  const pj = new Int32Array(Math.min(na, nb))
  let n = 0
  for (let i = 0; i < na; i++) {
    const id = idA[i]
    if (countA[id] === 1 && countB[id] === 1) {
      pi[n] = i
      pj[n++] = atB[id]
    }
  }
  const match = new Int32Array(na).fill(-1)
  for (const k of increasing(pj, n)) match[pi[k]] = pj[k]
  const same = (i: number, j: number) => idA[i] === idB[j]
  // Grow each match over equal neighbours (repeated lines, the first and last lines), in order.
  const next = new Int32Array(na + 1).fill(nb)
  for (let i = na - 1; i >= 0; i--) next[i] = match[i] >= 0 ? match[i] : next[i + 1]
  for (let i = 0, j = 0; i < na; i++) {
    if (match[i] >= 0) j = match[i] + 1
    else if (j < next[i] && same(i, j)) match[i] = j++
  }
  const prev = new Int32Array(na).fill(-1)
  for (let i = 0; i < na; i++) prev[i] = match[i] >= 0 ? match[i] : i > 0 ? prev[i - 1] : -1
  for (let i = na - 1, j = nb - 1; i >= 0; i--) {
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

/** The segments of `oldText` and `newText`, in order, covering both texts. */
export function diffSegments(oldText: string, newText: string): Segment[] {
  const a = lineStarts(oldText)
  const b = lineStarts(newText)
  const match = matchLines(oldText, newText, a, b)
  const segments: Segment[] = []
  const push = (oldStart: number, oldEnd: number, newStart: number, newEnd: number, equal: boolean) => {
    if (oldEnd === oldStart && newEnd === newStart) return
    const last = segments[segments.length - 1]
    if (last && last.equal && equal && last.oldEnd === oldStart && last.newEnd === newStart) {
      last.oldEnd = oldEnd
      last.newEnd = newEnd
    } else segments.push({ oldStart, oldEnd, newStart, newEnd, equal })
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
    push(oldStart, oldStart + p, newStart, newStart + p, true)
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
      const [ra, rb, len] = [runs[r], runs[r + 1], runs[r + 2]]
      push(x, ra, y, rb, false)
      push(ra, ra + len, rb, rb + len, true)
      x = ra + len
      y = rb + len
    }
    push(x, a1, y, b1, false)
    push(oldEnd - s, oldEnd, newEnd - s, newEnd, true)
  }
  const na = a.length - 1
  // Old lines before `oi` and new lines before `nj` are placed; matched lines that follow each other on
  // both sides make one equal segment, pushed when a change (or the end) interrupts it.
  let oi = 0
  let nj = 0
  let eqOld = 0
  let eqNew = 0
  for (let i = 0; i <= na; i++) {
    if (i < na && match[i] < 0) continue
    const j = i < na ? match[i] : b.length - 1
    if (i > oi || j > nj) {
      push(eqOld, a[oi], eqNew, b[nj], true)
      changed(a[oi], a[i], b[nj], b[j])
      eqOld = a[i]
      eqNew = b[j]
    }
    oi = i + 1
    nj = j + 1
  }
  push(eqOld, a[na], eqNew, b[b.length - 1], true)
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

  /** The segment `x` falls in (the last one starting at or before it), or -1 if there is none. */
  private segmentOf(x: number): number {
    const segs = this.segments
    let lo = 0
    let hi = segs.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (segs[mid].oldStart <= x) lo = mid
      else hi = mid - 1
    }
    return segs.length > 0 ? lo : -1
  }

  /** `map(x).at` without the object: what most look-ups need. */
  at(x: number): number {
    const i = this.segmentOf(x)
    return i < 0 ? 0 : this.estimate(this.segments[i], x)
  }

  private estimate(s: Segment, x: number): number {
    if (s.equal && x <= s.oldEnd) return s.newStart + Math.min(x - s.oldStart, s.newEnd - s.newStart)
    const span = s.oldEnd - s.oldStart
    return s.newStart + (span > 0 ? Math.round(((x - s.oldStart) / span) * (s.newEnd - s.newStart)) : 0)
  }

  map(x: number): MappedPlace {
    const i = this.segmentOf(x)
    if (i < 0) return { at: 0, from: 0, to: 0 }
    const s = this.segments[i]
    const at = this.estimate(s, x)
    return s.equal && x <= s.oldEnd ? { at, from: at, to: at } : { at, from: s.newStart, to: s.newEnd }
  }
}

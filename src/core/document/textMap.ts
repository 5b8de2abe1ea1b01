/**
 * Where a place in one version of the essay lies in another, for re-anchoring a file made on an
 * older (or newer) copy. Where the new text follows the old with local edits (./textAlign.ts), the
 * equal stretches are found by comparing long runs; otherwise the texts are compared block by block
 * (lines, ./lineMatch.ts): blocks that occur once in both are matched in order (patience diff) and the
 * matches grown over equal neighbours. Either way each changed stretch is narrowed to the characters
 * that differ (./segments.ts). A place in an equal stretch maps exactly; a place inside a changed
 * stretch maps proportionally, with the stretch as its uncertainty. Offsets here are UTF-16 indices of
 * the two strings.
 */
import { lineStarts, matchLines } from './lineMatch'
import { Segments, type Segment } from './segments'
import { alignInOrder } from './textAlign'

export type { Segment } from './segments'

export interface MappedPlace {
  /** Best estimate of the place in the new text. */
  at: number
  /** The stretch of the new text the place may be in (equal to `at` where the text did not change). */
  from: number
  to: number
}

/** The segments of `oldText` and `newText` by patience diff of their lines. */
export function patienceSegments(oldText: string, newText: string): Segment[] {
  const a = lineStarts(oldText)
  const b = lineStarts(newText)
  const match = matchLines(oldText, newText, a, b)
  const out = new Segments(oldText, newText)
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
      out.push(eqOld, a[oi], eqNew, b[nj], true)
      out.changed(a[oi], a[i], b[nj], b[j])
      eqOld = a[i]
      eqNew = b[j]
    }
    oi = i + 1
    nj = j + 1
  }
  out.push(eqOld, a[na], eqNew, b[b.length - 1], true)
  return out.list
}

/**
 * The segments of `oldText` and `newText`, in order, covering both texts: followed in order where the
 * second is the first with local edits (the usual case, without hashing every line), else by patience.
 */
export function diffSegments(oldText: string, newText: string): Segment[] {
  return alignInOrder(oldText, newText) ?? patienceSegments(oldText, newText)
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

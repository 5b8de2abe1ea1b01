/**
 * Properties of the comparison re-anchoring maps claims through (src/core/document/textMap.ts) and of
 * the short approximate searches beside a claim (src/core/document/textCompare.ts): the segments of
 * any two texts cover both in order and their equal segments are equal, whether the texts follow each
 * other (compared by long runs) or not (compared line by line); and the cell-by-cell search reports
 * exactly what approx-string-match reports.
 */
import search from 'approx-string-match'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closestMatches, distance } from '../src/core/document/textCompare'
import { diffSegments, patienceSegments, TextMap, type Segment } from '../src/core/document/textMap'
import { alignInOrder } from '../src/core/document/textAlign'

// Repeated words, lines and a long line make repeats and false starts (the hard cases) frequent.
const piece = fc.constantFrom(
  '서울 ',
  '지사 ',
  'AI ',
  '\n',
  'a',
  'b',
  '😀',
  '반도체와 생태계의 전략적 거점으로서 서울은\n',
)
const text = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''))

/** A text and an edited copy of it: a few pieces replaced, inserted or removed, in order. */
const edited = fc
  .tuple(
    fc.array(piece, { minLength: 1, maxLength: 60 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(piece, { maxLength: 3 })), { maxLength: 4 }),
  )
  .map(([ps, edits]) => {
    const after = [...ps]
    for (const [at, remove, insert] of edits) after.splice(at % (after.length + 1), remove, ...insert)
    return { before: ps.join(''), after: after.join('') }
  })

function expectCovering(before: string, after: string, segments: Segment[]): void {
  let o = 0
  let n = 0
  for (const s of segments) {
    expect([s.oldStart, s.newStart]).toEqual([o, n])
    expect(s.oldEnd).toBeGreaterThanOrEqual(s.oldStart)
    expect(s.newEnd).toBeGreaterThanOrEqual(s.newStart)
    if (s.equal) expect(after.slice(s.newStart, s.newEnd)).toBe(before.slice(s.oldStart, s.oldEnd))
    o = s.oldEnd
    n = s.newEnd
  }
  expect([o, n]).toEqual([before.length, after.length])
}

describe('comparing two versions of a text', () => {
  it('covers both texts in order, with equal segments equal, by either way of comparing', () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.record({ before: text, after: text })), ({ before, after }) => {
        expectCovering(before, after, diffSegments(before, after))
        expectCovering(before, after, patienceSegments(before, after))
        const inOrder = alignInOrder(before, after)
        if (inOrder) expectCovering(before, after, inOrder)
      }),
      { numRuns: 800 },
    )
  })

  it('maps a place outside every edit onto the same characters', () => {
    fc.assert(
      fc.property(edited, fc.nat(), ({ before, after }, x) => {
        const map = new TextMap(before, after)
        const segment = diffSegments(before, after).find(
          (s) => s.equal && s.oldStart <= x % (before.length + 1) && x % (before.length + 1) < s.oldEnd,
        )
        if (!segment) return
        const at = x % (before.length + 1)
        expect(map.map(at).at).toBe(segment.newStart + at - segment.oldStart)
        expect(map.at(at)).toBe(map.map(at).at)
        expect(after.charCodeAt(map.at(at))).toBe(before.charCodeAt(at))
      }),
      { numRuns: 1000 },
    )
  })
})

/** The whole table, as a textbook writes it. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length][b.length]
}

describe('approximate searches beside a claim', () => {
  const small = fc.string({ unit: fc.constantFrom('가', '나', 'a', 'b', ' '), maxLength: 50 })
  it('report the same matches as approx-string-match, and the edit distance is the full one', () => {
    fc.assert(
      fc.property(small, small, fc.nat(), fc.nat(), fc.nat({ max: 40 }), (hay, pattern, x, y, k) => {
        const from = x % (hay.length + 1)
        const to = from + (y % (hay.length - from + 1))
        const want = search(hay.slice(from, to), pattern, k).map((m) => ({
          ...m,
          start: m.start + from,
          end: m.end + from,
        }))
        expect(closestMatches(hay, from, to, pattern, k)).toEqual(want)
        const full = levenshtein(pattern, hay)
        expect(distance(pattern, hay, k)).toBe(full <= k ? full : -1)
      }),
      { numRuns: 3000 },
    )
  })
})

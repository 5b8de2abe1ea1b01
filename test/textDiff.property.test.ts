/** Properties of the edit region and of how claim ranges follow an edit (src/shared/textDiff.ts), over random texts with Hangul and astral characters. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editRegion, mapRange } from '../src/shared/textDiff'

// A small alphabet makes repeats (the hard case for a common prefix and suffix) frequent.
const char = fc.constantFrom('가', '나', '다', 'a', 'b', ' ', '\n', '😀', '𝐀')
const text = fc.string({ unit: char, maxLength: 40 })
const cps = (s: string): string[] => Array.from(s)
const slice = (s: string, start: number, end: number): string => cps(s).slice(start, end).join('')

/** A text, a claim range on it, and the text after replacing [at, to) with `insert`. */
const edited = fc
  .tuple(
    text.filter((t) => cps(t).length >= 2),
    text,
    fc.nat(),
    fc.nat(),
    fc.nat(),
    fc.nat(),
    fc.nat({ max: 6 }),
  )
  .map(([before, insert, a, b, c, d, width]) => {
    const n = cps(before).length
    const [start, end] = [a % n, (a % n) + 1 + (b % (n - (a % n)))]
    const at = c % (n + 1)
    const to = Math.min(n, at + (d % (width + 1)))
    const after = slice(before, 0, at) + insert + slice(before, to, n)
    return { before, after, range: { start, end } }
  })

describe('editRegion', () => {
  it('is null exactly when nothing changed, and rebuilds the new text from the old', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const region = editRegion(before, after)
        if (before === after) {
          expect(region).toBeNull()
          return
        }
        expect(region).not.toBeNull()
        const { start, oldEnd, newEnd } = region!
        expect(slice(before, 0, start) + slice(after, start, newEnd) + slice(before, oldEnd, cps(before).length)).toBe(
          after,
        )
        // The smallest such region: the common prefix and suffix cannot grow by one more character.
        const [a, b] = [cps(before), cps(after)]
        expect(start === a.length || start === b.length || a[start] !== b[start]).toBe(true)
        expect(oldEnd === start || newEnd === start || a[oldEnd - 1] !== b[newEnd - 1]).toBe(true)
      }),
    )
  })
})

describe('mapRange', () => {
  it('keeps a claim on the same words when the edit lies outside it', () => {
    fc.assert(
      fc.property(edited, ({ before, after, range }) => {
        const region = editRegion(before, after)
        fc.pre(region !== null && (region.oldEnd <= range.start || region.start >= range.end))
        const moved = mapRange(range, region)
        expect(moved).not.toBeNull()
        expect(slice(after, moved!.start, moved!.end)).toBe(slice(before, range.start, range.end))
      }),
    )
  })

  it('applies an edit inside a claim to the claim’s own words', () => {
    fc.assert(
      fc.property(edited, ({ before, after, range }) => {
        const region = editRegion(before, after)
        fc.pre(region !== null && region.start > range.start && region.oldEnd < range.end)
        const moved = mapRange(range, region)!
        const expected =
          slice(before, range.start, region!.start) +
          slice(after, region!.start, region!.newEnd) +
          slice(before, region!.oldEnd, range.end)
        expect(slice(after, moved.start, moved.end)).toBe(expected)
      }),
    )
  })

  it('always gives a non-empty range inside the new text, or null when the claim’s words are gone', () => {
    fc.assert(
      fc.property(edited, ({ before, after, range }) => {
        const moved = mapRange(range, editRegion(before, after))
        if (moved === null) return
        expect(0 <= moved.start && moved.start < moved.end && moved.end <= cps(after).length).toBe(true)
      }),
    )
  })

  it('collapses a claim only when the edit covered all of its words', () => {
    fc.assert(
      fc.property(edited, ({ before, after, range }) => {
        const region = editRegion(before, after)
        if (mapRange(range, region) !== null) return
        expect(region!.start <= range.start && region!.oldEnd >= range.end).toBe(true)
      }),
    )
  })
})

/**
 * Properties of re-anchoring (src/core/document/anchoring.ts) over generated essays and edits: text
 * changed outside a claim never changes its quote, a quote that survives is always found, and no claim
 * lands on other words without the words-changed record.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Anchorer } from '../src/core/document/anchoring'
import { QuoteIndex } from '../src/core/document/quoteIndex'
import { codePointLength, cpSlice, describeRange } from '../src/shared/text'
import { makeWorkload, placedRight } from '../scripts/bench/workload'
import { Reviewer } from './helpers/exchange'
import { createClaim, updateClaim } from '../src/core/claims/commands'

const WORDS = [
  '서울',
  '오픈AI',
  '지사',
  '반도체',
  '생태계의',
  '한국은',
  'AI',
  '2025년',
  '“챗GPT”',
  '😀',
  'CSO',
  '기술',
  '시장',
  '전략적',
  '거점',
]
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 60 })
const textOf = (ws: string[]): string => ws.map((w, i) => (i > 0 && i % 9 === 0 ? '\n' : i > 0 ? ' ' : '') + w).join('')

/** An essay, a claim on it (code points), and a place and a piece of text for an edit. */
const scene = fc.record({
  body: words,
  a: fc.nat(),
  b: fc.nat(),
  at: fc.nat(),
  cut: fc.nat({ max: 40 }),
  insert: words,
})

function setUp(s: { body: string[]; a: number; b: number }): {
  text: string
  start: number
  end: number
  length: number
} {
  const text = textOf(s.body)
  const length = codePointLength(text)
  const start = s.a % (length - 1)
  const end = start + 1 + (s.b % Math.min(40, length - start))
  return { text, start, end, length }
}

const occurrences = (text: string, quote: string): number => text.split(quote).length - 1

describe('re-anchoring properties', () => {
  it('text inserted or deleted outside a claim never changes its quote, and moves it by the edit', () => {
    fc.assert(
      fc.property(scene, fc.boolean(), fc.boolean(), (s, before, deleting) => {
        const { text, start, end, length } = setUp(s)
        const claim = describeRange(text, start, end)
        // The edit lies wholly before the claim's start or after its end.
        const [lo, hi] = before ? [0, start] : [end, length]
        const p = lo + (s.at % (hi - lo + 1))
        const q = deleting ? Math.min(hi, p + s.cut) : p
        const insert = deleting ? '' : textOf(s.insert) + ' '
        const edited = cpSlice(text, 0, p) + insert + cpSlice(text, q)
        const shift = before ? codePointLength(insert) - (q - p) : 0
        const found = new Anchorer(edited, text).find(claim)
        expect(found?.anchor.exact).toBe(claim.exact)
        expect(cpSlice(edited, found!.anchor.start, found!.anchor.end)).toBe(claim.exact)
        if (occurrences(edited, claim.exact) === 1) expect(found!.anchor.start).toBe(start + shift)
      }),
      { numRuns: 300 },
    )
  })

  it('a quote that is still in the text is always found, as exactly those words', () => {
    fc.assert(
      fc.property(scene, words, words, fc.boolean(), (s, head, tail, withPosition) => {
        const { text, start, end } = setUp(s)
        const claim = describeRange(text, start, end)
        // The rest of the essay rewritten around the quote: only the quote survives.
        const other = textOf(head) + ' ' + claim.exact + ' ' + textOf(tail)
        const sel = withPosition ? claim : { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix }
        const found = new Anchorer(other).find(sel)
        expect(found?.anchor.exact).toBe(claim.exact)
        expect(found?.method).not.toBe('fuzzy')
      }),
      { numRuns: 300 },
    )
  })

  it('a claim whose own words an edit did not touch is found on them, whatever changed elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const w = makeWorkload({ chars: 4000, claims: 40, editedShare: 0.4, seed })
        const anchorer = new Anchorer(w.editedText, w.text)
        w.claims.forEach((c, i) => {
          const truth = w.truth[i]
          if (!truth || w.editedText.slice(truth.start, truth.end) !== c.exact) return
          const found = anchorer.find(c)
          expect(found?.anchor).toMatchObject({ exact: c.exact, start: truth.start, end: truth.end })
        })
      }),
      { numRuns: 40 },
    )
  })

  it('the essay index finds exactly the occurrences a scan finds', () => {
    fc.assert(
      fc.property(scene, (s) => {
        const { text, start, end } = setUp(s)
        const quote = text.slice(start, end)
        const want: number[] = []
        for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) want.push(i)
        expect(new QuoteIndex(text).occurrences(quote)).toEqual(want)
      }),
      { numRuns: 300 },
    )
  })

  it('an import never puts a claim on other words without the words-changed record, nor anywhere but where its words went', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const w = makeWorkload({ chars: 3000, claims: 25, editedShare: 0.5, seed })
        const a = new Reviewer('김기자', w.essay)
        const e = new Reviewer('편집자', w.edited)
        try {
          const ids = w.claims.map((c, i) => {
            const id = createClaim(a.store, c, a.name).id
            if (i % 2) updateClaim(a.store, id, { verdict: 'mostly-true' }, a.name)
            return id
          })
          const summary = await e.receive(a)
          const changed = new Map((summary.changedClaims ?? []).map((c) => [c.id, c]))
          ids.forEach((id, i) => {
            const claim = e.claim(id)
            if (!claim.anchored) return
            expect(placedRight(claim, w.truth[i])).toBe(true)
            if (claim.exact === w.claims[i].exact) expect(changed.has(id)).toBe(false)
            else {
              expect(changed.get(id)).toEqual({ id, before: w.claims[i].exact, after: claim.exact })
              expect(
                e.store.db
                  .prepare(`SELECT count(*) FROM event WHERE claim_id = ? AND kind = 'text-changed'`)
                  .pluck()
                  .get(id),
              ).toBe(1)
            }
          })
        } finally {
          a.close()
          e.close()
        }
      }),
      { numRuns: 15 },
    )
  }, 120_000)
})

/**
 * An essay save of only what changed (src/shared/essaySplice.ts, `document-save` with a splice): the
 * splice of two block lists makes the second of the first, and the service saves from it exactly what a
 * save of the whole essay saves, or refuses it when the essay is no longer the save it was made of.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEssaySplice, essaySplice, spliceRegion } from '../src/shared/essaySplice'
import { blockText, type Block } from '../src/shared/essay'
import { openReview } from '../src/core/review/open'
import { bundledEssay } from './helpers/essay'
import { anchorOf } from './helpers/exchange'
import { openDesk } from './helpers/service'
import { movedRanges } from './helpers/review'
import type { Claim } from '../src/shared/domain'

// Few distinct blocks, so equal neighbours (the hard case for a common start and end) are frequent.
const block = fc.record({
  kind: fc.constantFrom('paragraph' as const, 'heading' as const),
  inlines: fc.array(
    fc.record(
      { text: fc.constantFrom('가', '나다', 'a'), bold: fc.constantFrom(true, undefined) },
      { requiredKeys: ['text'] },
    ),
    { maxLength: 2 },
  ),
})
const blocks = fc.array(block, { maxLength: 8 })
const textOf = (list: Block[]) => list.map(blockText).join('\n')
const plain = (list: Block[]) => list.map((b) => ({ kind: b.kind, inlines: b.inlines.map((r) => [r.text, !!r.bold]) }))

describe('the splice of two essays', () => {
  it('makes the second of the first, replacing only what lies between their equal start and end', () => {
    fc.assert(
      fc.property(
        blocks.filter((b) => b.length > 0),
        blocks.filter((b) => b.length > 0),
        (before, after) => {
          const splice = essaySplice(before, after)
          expect(plain(applyEssaySplice(before, splice)!)).toEqual(plain(after))
          // Nothing it sends is a block both have at the same place from either end.
          const same = (a: Block | undefined, b: Block | undefined) =>
            a !== undefined && b !== undefined && JSON.stringify(plain([a])) === JSON.stringify(plain([b]))
          if (splice.blocks.length > 0 && splice.remove > 0) {
            expect(same(before[splice.at], after[splice.at])).toBe(false)
            expect(same(before[splice.at + splice.remove - 1], splice.blocks.at(-1))).toBe(false)
          }
        },
      ),
    )
  })

  it('of one block changed among thousands is that block', () => {
    const before = Array.from({ length: 3000 }, (_, i): Block => ({
      kind: 'paragraph',
      inlines: [{ text: `문단 ${i}` }],
    }))
    const after = before.map((b, i) => (i === 1234 ? { ...b, inlines: [{ text: '가' }, ...b.inlines] } : b))
    expect(essaySplice(before, after)).toEqual({ at: 1234, remove: 1, blocks: [after[1234]] })
    expect(essaySplice(before, before)).toEqual({ at: 3000, remove: 0, blocks: [] })
    // A highlight drawn splits a run (the editor's blocks then have more of them): no change of the essay.
    const highlighted = before.map((b, i) =>
      i === 10 ? { ...b, inlines: [{ text: '문단' }, { text: '' }, { text: ' 10', bold: false }] } : b,
    )
    expect(essaySplice(before, highlighted).remove).toBe(0)
    const bolder = before.map((b, i) =>
      i === 10 ? { ...b, inlines: [{ text: '문단' }, { text: ' 10', bold: true }] } : b,
    )
    expect(essaySplice(before, bolder)).toEqual({ at: 10, remove: 1, blocks: [bolder[10]] })
  })

  it('changes the text only inside its region, and moves what follows by the region’s change of length', () => {
    fc.assert(
      fc.property(blocks, blocks, (before, after) => {
        const region = spliceRegion(before, essaySplice(before, after))
        const [a, b] = [textOf(before), textOf(after)]
        const cps = (t: string) => Array.from(t)
        // Within both texts: an essay without blocks has none.
        expect(0 <= region.start && region.start <= region.oldEnd && region.oldEnd <= cps(a).length).toBe(true)
        expect(region.start <= region.newEnd && region.newEnd <= cps(b).length).toBe(true)
        expect(cps(b).slice(0, region.start)).toEqual(cps(a).slice(0, region.start))
        expect(cps(b).slice(region.newEnd)).toEqual(cps(a).slice(region.oldEnd))
      }),
    )
  })

  it('does not fit blocks it was not made for', () => {
    const two: Block[] = [
      { kind: 'paragraph', inlines: [{ text: '가' }] },
      { kind: 'paragraph', inlines: [{ text: '나' }] },
    ]
    expect(applyEssaySplice(two, { at: 1, remove: 2, blocks: [] })).toBeNull()
    expect(applyEssaySplice(two, { at: 0, remove: 2, blocks: [] })).toBeNull()
  })
})

describe('an essay save of only what changed', () => {
  it('saves what the whole essay would, names the save, and is refused once the essay was saved from elsewhere', async () => {
    const essay = bundledEssay()
    const whole = openDesk(openReview(':memory:', essay))
    const spliced = openDesk(openReview(':memory:', essay))
    try {
      for (const desk of [whole, spliced])
        await desk.callOk('claim-create', { anchor: anchorOf(desk.session.store, '서울') })
      const first = await spliced.callOk('document-desk')
      const edited = first.blocks.map((b, i) => (i === 5 ? { ...b, inlines: [{ text: '[추가] ' }, ...b.inlines] } : b))
      const rangesFor = async (desk: typeof whole) =>
        movedRanges(textOf(first.blocks), textOf(edited), (await desk.callOk('claims-list')) as Claim[])
      const a = await whole.callOk('document-save', { blocks: edited, ranges: await rangesFor(whole) })
      const splice = essaySplice(first.blocks, edited)
      expect(splice.blocks).toHaveLength(1)
      const b = await spliced.callOk('document-save', {
        splice,
        savedAs: first.savedAs,
        ranges: await rangesFor(spliced),
      })
      expect(b.claims).toEqual(a.claims)
      const doc = await spliced.callOk('document-get')
      expect(doc.text).toBe((await whole.callOk('document-get')).text)
      expect(doc.blocks).toEqual(edited)
      expect((await spliced.callOk('claims-list')).map((c) => [c.start, c.exact])).toEqual(
        (await whole.callOk('claims-list')).map((c) => [c.start, c.exact]),
      )
      // The answer names the save the review now holds, as a fresh read of the essay does.
      expect(b.savedAs).not.toBe(first.savedAs)
      expect(b.savedAs).toBe((await spliced.callOk('document-desk')).savedAs)

      // Saved from elsewhere since: a splice of the older save is refused and changes nothing.
      const before = await spliced.callOk('document-get')
      const refused = await spliced.call('document-save', { splice, savedAs: first.savedAs, ranges: [] })
      expect(refused).toMatchObject({ ok: false, error: { code: 'essay-saved-since' } })
      expect(await spliced.callOk('document-get')).toEqual(before)
      // A splice that does not fit the saved blocks is refused too.
      const misfit = await spliced.call('document-save', {
        splice: { at: edited.length, remove: 1, blocks: [] },
        savedAs: b.savedAs,
        ranges: [],
      })
      expect(misfit).toMatchObject({ ok: false, error: { code: 'essay-saved-since' } })
      // Not both forms at once, nor a splice without the save it was made of.
      expect((await spliced.call('document-save', { blocks: edited, splice, savedAs: b.savedAs, ranges: [] })).ok).toBe(
        false,
      )
      expect((await spliced.call('document-save', { splice, ranges: [] })).ok).toBe(false)
    } finally {
      whole.session.close()
      spliced.session.close()
    }
  })
})

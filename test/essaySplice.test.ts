/**
 * An essay save of only what changed (src/shared/essaySplice.ts, `document-save` with a splice): the
 * splice of two block lists makes the second of the first, and the service saves from it exactly what a
 * save of the whole essay saves, or refuses it when the essay is no longer the save it was made of.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import {
  applyEssaySplice,
  essaySplice,
  insideSplice,
  nearSplice,
  spliceRegion,
  widenSpan,
  type TextSpan,
} from '../src/shared/essaySplice'
import { blockText, type Block } from '../src/shared/essay'
import { describeRange } from '../src/shared/text'
import { editRegion, mapRange, type EditRegion } from '../src/shared/textDiff'
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

/** A run of edits, each a region of the text as it was then (the editor reports one per key). */
const edits = fc.array(fc.record({ at: fc.nat({ max: 60 }), remove: fc.nat({ max: 6 }), insert: fc.nat({ max: 6 }) }), {
  minLength: 1,
  maxLength: 8,
})

describe('what the edits since a save touched', () => {
  it('bounds every claim that moved other than by the edits’ length', () => {
    // Every claim of up to 8 code points on a text of 80, followed through every run of edits.
    const claims = Array.from({ length: 80 * 8 }, (_, i) => ({
      start: i >> 3,
      end: Math.min(80, (i >> 3) + (i & 7) + 1),
    }))
    fc.assert(
      fc.property(edits, (list) => {
        let size = 80
        let span: TextSpan | null = null
        let moved: ({ start: number; end: number } | null)[] = claims
        for (const e of list) {
          const at = Math.min(e.at, size)
          const edit: EditRegion = { start: at, oldEnd: at + Math.min(e.remove, size - at), newEnd: at + e.insert }
          span = widenSpan(span, edit)
          moved = moved.map((c) => c && mapRange(c, edit))
          size += edit.newEnd - edit.oldEnd
        }
        const shift = size - 80
        claims.forEach((first, i) => {
          const claim = moved[i]
          // Wholly before or after what the edits touched: where no edit, or a shift alone, puts it.
          if (claim && span && claim.end < span.start) expect(claim).toEqual(first)
          if (claim && span && claim.start > span.end)
            expect(claim).toEqual({ start: first.start + shift, end: first.end + shift })
        })
      }),
      { numRuns: 300 },
    )
  })
})

/** An edit of the essay's blocks: words typed or deleted in one, or a block taken out or added. */
const blockEdit = fc.record({
  block: fc.nat(),
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom('', '가', '[속보] ', '오픈AI', '😀'),
  kind: fc.constantFrom('text', 'text', 'text', 'drop', 'add'),
})

function applyEdit(list: Block[], e: typeof blockEdit extends fc.Arbitrary<infer T> ? T : never): Block[] {
  const i = 1 + (e.block % (list.length - 1))
  if (e.kind === 'drop' && list.length > 3) return list.filter((_, k) => k !== i)
  if (e.kind === 'add')
    return [...list.slice(0, i), { kind: 'paragraph', inlines: [{ text: e.insert || '새 문단' }] }, ...list.slice(i)]
  const cps = Array.from(blockText(list[i]))
  const p = e.at % (cps.length + 1)
  const text = [...cps.slice(0, p), e.insert, ...cps.slice(p + e.remove)].join('')
  return list.map((b, k) => (k === i ? { ...b, inlines: [{ text }] } : b))
}

describe('a save of only what changed, with the ranges of the claims near it', () => {
  it('leaves every claim as a save of the whole essay with every range does', async () => {
    const essay = bundledEssay()
    let nearOnly = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(blockEdit, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({ at: fc.double({ min: 0, max: 0.98, noNaN: true }), length: fc.integer({ min: 2, max: 30 }) }),
          {
            minLength: 5,
            maxLength: 25,
          },
        ),
        async (changes, spots) => {
          const whole = openDesk(openReview(':memory:', essay))
          const spliced = openDesk(openReview(':memory:', essay))
          try {
            const first = await spliced.callOk('document-desk')
            const text = textOf(first.blocks)
            const length = Array.from(text).length
            for (const spot of spots) {
              const start = Math.floor(spot.at * length)
              const anchor = describeRange(text, start, Math.min(length, start + spot.length))
              const id = randomUUID()
              for (const desk of [whole, spliced]) await desk.callOk('claim-create', { id, anchor })
            }
            const edited = changes.reduce(applyEdit, first.blocks)
            const after = textOf(edited)
            // The page's ranges: every claim it still places, moved as the editor moved it.
            const ranges = movedRanges(text, after, (await whole.callOk('claims-list')) as Claim[]).map(
              ({ id, start, end }) => ({ id, start, end }),
            )
            const splice = essaySplice(first.blocks, edited)
            const region = spliceRegion(first.blocks, splice)
            const edit = editRegion(text, after)
            const near = edit === null || insideSplice(widenSpan(null, edit), region)
            if (near) nearOnly++
            const a = await whole.callOk('document-save', { blocks: edited, ranges })
            const b = await spliced.callOk('document-save', {
              splice,
              savedAs: first.savedAs,
              ranges: near ? ranges.filter((r) => nearSplice(r, region, 'new')) : ranges,
            })
            const ids = (list: { id: string }[]) => list.map((c) => c.id).sort()
            expect(ids(b.claims)).toEqual(ids(a.claims))
            const rows = async (desk: typeof whole) =>
              ((await desk.callOk('claims-list')) as Claim[])
                .map(({ id, start, end, exact, prefix, suffix, anchored, revision }) => ({
                  ...{ id, start, end, exact, prefix, suffix, anchored, revision },
                }))
                .sort((x, y) => x.id.localeCompare(y.id))
            expect(await rows(spliced)).toEqual(await rows(whole))
          } finally {
            whole.session.close()
            spliced.session.close()
          }
        },
      ),
      { numRuns: 40 },
    )
    // Most runs sent only the near ranges: the property is about them.
    expect(nearOnly).toBeGreaterThan(20)
  })
})

describe('a claim removed before the essay was edited', () => {
  it('comes back where its words now are, or as not found when they are gone', async () => {
    const desk = openDesk(openReview(':memory:', bundledEssay()))
    try {
      const store = desk.session.store
      const kept = await desk.callOk('claim-create', { anchor: anchorOf(store, '맺음말') })
      const cut = await desk.callOk('claim-create', { anchor: anchorOf(store, '챗GPT 유료 가입자 수 2위') })
      for (const c of [kept, cut]) await desk.callOk('claim-delete', { id: c.id })
      // Words typed near the start, and the second claim's words deleted; the page knows of no claim.
      const doc = await desk.callOk('document-desk')
      const edited = doc.blocks.map((b, i) =>
        i === 1
          ? { ...b, inlines: [{ text: '[속보] ' }, ...b.inlines] }
          : { ...b, inlines: b.inlines.map((r) => ({ ...r, text: r.text.replace('챗GPT 유료 가입자 수 2위', '') })) },
      )
      await desk.callOk('document-save', { splice: essaySplice(doc.blocks, edited), savedAs: doc.savedAs, ranges: [] })
      const text = (await desk.callOk('document-get')).text
      const back = await desk.callOk('claim-restore', { id: kept.id })
      expect(back).toMatchObject({ anchored: true, exact: '맺음말' })
      expect(describeRange(text, back.start, back.end)).toMatchObject({ exact: '맺음말', prefix: back.prefix })
      expect(back.start).not.toBe(kept.start)
      expect(await desk.callOk('claim-restore', { id: cut.id })).toMatchObject({ anchored: false })
    } finally {
      desk.session.close()
    }
  })
})

/**
 * A pause in typing sends the ranges of the claims near what it changed only (src/shared/essaySplice.ts:
 * spliceRegion, nearSplice, widenSpan): every other claim moved by the change's length alone, as the
 * service moves them in one statement (src/core/document/documentEdit.ts). And a claim removed before
 * an edit, which no save follows, is brought back on its words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import {
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

const textOf = (list: Block[]) => list.map(blockText).join('\n')

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
              ranges: near ? ranges.filter((r) => nearSplice(r, region)) : ranges,
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

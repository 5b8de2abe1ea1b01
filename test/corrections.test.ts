import { describe, expect, it } from 'vitest'
import {
  applyCorrection,
  deleteCorrection,
  listCorrections,
  proposeCorrection,
  updateCorrection,
} from '../src/core/document/corrections'
import type { Claim } from '../src/shared/domain'
import { codePointLength, cpSlice } from '../src/shared/text'
import { editRegion, mapRange } from '../src/shared/textDiff'
import { factdeskError } from './helpers/essay'
import { bundledReviewPerTest, markQuote, movedRanges, replacedBlocks, saveEssay, textOf } from './helpers/review'
import { getClaim } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'

const review = bundledReviewPerTest()
const mark = (quote: string): Claim => markQuote(review.store, quote)

describe('positions follow an edit', () => {
  it('keeps inserted text outside a claim at both edges and inside it in the middle', () => {
    const claim = { start: 10, end: 20 }
    expect(mapRange(claim, { start: 10, oldEnd: 10, newEnd: 13 })).toEqual({ start: 13, end: 23 })
    expect(mapRange(claim, { start: 20, oldEnd: 20, newEnd: 23 })).toEqual({ start: 10, end: 20 })
    expect(mapRange(claim, { start: 15, oldEnd: 15, newEnd: 18 })).toEqual({ start: 10, end: 23 })
    expect(mapRange(claim, { start: 12, oldEnd: 25, newEnd: 14 })).toEqual({ start: 10, end: 12 })
    expect(mapRange(claim, { start: 5, oldEnd: 25, newEnd: 8 })).toBeNull()
    expect(editRegion('가나다라', '가나X다라')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 })
  })
})

describe('editing the essay', () => {
  it('saves the text, moves claims and recomputes their selectors', () => {
    const claim = mark('챗GPT 유료 가입자 수 2위')
    const before = readDocument(review.store).text
    const blocks = replacedBlocks(review.store, '미국에 이어', '미국에 바로 이어')
    const after = textOf(blocks)
    saveEssay(review.store, blocks, movedRanges(before, after, [claim]), '박편집')
    const saved = getClaim(review.store, claim.id)
    expect(readDocument(review.store).text).toBe(after)
    expect(saved.start).toBe(claim.start + 3)
    expect(cpSlice(after, saved.start, saved.end)).toBe('챗GPT 유료 가입자 수 2위')
    expect(saved.prefix.endsWith('미국에 바로 이어 ')).toBe(true)
    expect(saved.version).toBe(claim.version)
  })

  it('unanchors a claim whose text was deleted, and refuses ranges outside the text', () => {
    const claim = mark('오픈AI는 그 가능성을 본 것이다.')
    const blocks = replacedBlocks(review.store, '오픈AI는 그 가능성을 본 것이다.', '')
    saveEssay(review.store, blocks, [], '박편집')
    expect(getClaim(review.store, claim.id).anchored).toBe(false)
    factdeskError(
      () => saveEssay(review.store, blocks, [{ id: claim.id, start: 0, end: 10 ** 6 }], 'x'),
      'claim-outside-essay',
    )
  })
})

describe('corrections', () => {
  it('records the original and new wording, who and when; undoing it in the essay reverts the record', () => {
    const claim = mark('유료 가입자 수 2위')
    const proposed = proposeCorrection(
      review.store,
      claim.id,
      '유료 가입자 수 상위권',
      '순위 근거가 확인되지 않았습니다.',
      '박편집',
    )
    expect(proposed).toMatchObject({ state: 'proposed', original: '유료 가입자 수 2위', proposedBy: '박편집' })
    expect(updateCorrection(review.store, proposed.id, '유료 가입자 수 최상위권', '순위 근거 없음').replacement).toBe(
      '유료 가입자 수 최상위권',
    )

    const before = readDocument(review.store).text
    const blocks = replacedBlocks(review.store, '유료 가입자 수 2위', '유료 가입자 수 최상위권')
    const after = textOf(blocks)
    const ranges = [{ id: claim.id, start: claim.start, end: claim.start + codePointLength('유료 가입자 수 최상위권') }]
    const applied = applyCorrection(review.store, proposed.id, blocks, ranges, '최데스크').correction
    expect(applied).toMatchObject({ state: 'applied', appliedBy: '최데스크', original: '유료 가입자 수 2위' })
    expect(getClaim(review.store, claim.id).exact).toBe('유료 가입자 수 최상위권')
    expect(readDocument(review.store).text).toBe(after)
    factdeskError(() => deleteCorrection(review.store, proposed.id, 'x'), 'correction-applied-kept')

    // Ctrl+Z in the editor brings the old wording back; the save notices and reverts the record.
    const undone = replacedBlocks(review.store, '유료 가입자 수 최상위권', '유료 가입자 수 2위')
    saveEssay(review.store, undone, [{ id: claim.id, start: claim.start, end: claim.end }], '최데스크')
    expect(readDocument(review.store).text).toBe(before)
    expect(listCorrections(review.store)[0]).toMatchObject({ state: 'proposed', appliedBy: '' })
    const kinds = review.store.db
      .prepare(`SELECT kind FROM event WHERE claim_id = ? ORDER BY at, rowid`)
      .pluck()
      .all(claim.id)
    expect(kinds).toEqual(expect.arrayContaining(['correction-proposed', 'correction-applied', 'correction-reverted']))
  })

  it('refuses to record a correction the essay does not read, and changes nothing', () => {
    const claim = mark('유료 가입자 수 2위')
    const k = proposeCorrection(review.store, claim.id, '유료 가입자 수 3위', '', '박편집')
    const text = readDocument(review.store).text
    factdeskError(
      () =>
        applyCorrection(
          review.store,
          k.id,
          readDocument(review.store).blocks,
          [{ id: claim.id, start: claim.start, end: claim.end }],
          'x',
        ),
      'correction-not-in-essay',
    )
    expect(readDocument(review.store).text).toBe(text)
    expect(listCorrections(review.store)[0].state).toBe('proposed')
  })

  it('survives reopening the review file', () => {
    const claim = mark('유료 가입자 수 2위')
    proposeCorrection(review.store, claim.id, '유료 가입자 수 3위', '오기', '박편집')
    review.reopen()
    expect(getClaim(review.store, claim.id).corrections).toMatchObject([
      { replacement: '유료 가입자 수 3위', explanation: '오기' },
    ])
  })
})

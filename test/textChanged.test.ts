import { strFromU8, unzipSync } from 'fflate'
import { beforeEach, describe, expect, it } from 'vitest'
import { applyCorrection, listCorrections, proposeCorrection } from '../src/core/document/corrections'
import { exportRepublication } from '../src/core/republish'
import { queryClaims } from '../src/core/search/search'
import { cli } from './helpers/cli'
import { claimHistory } from '../src/core/review/history'
import type { Claim } from '../src/shared/domain'
import { describeEvent } from '../src/shared/historyText'
import { codePointLength } from '../src/shared/text'
import { tally } from '../src/shared/claimQuery'
import { bundledReviewPerTest, markQuote, movedRanges, replacedBlocks, saveEssay, textOf } from './helpers/review'
import { updateClaim } from '../src/core/claims/commands'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'

const review = bundledReviewPerTest()

const RANK = '챗GPT 유료 가입자 수 2위'
const OFFICE = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다.'

const mark = (quote: string): Claim => markQuote(review.store, quote)

/** Saves the essay with `from` replaced by `to`, every claim moved through the edit, as the editor does. */
function typeOver(from: string, to: string, actor = '박편집'): void {
  const { store } = review
  const blocks = replacedBlocks(store, from, to)
  saveEssay(store, blocks, movedRanges(readDocument(store).text, textOf(blocks), listClaims(store)), actor)
}

/** The claim's history, oldest first. */
const listEvents = (id: string) => [...claimHistory(review.store, id)].reverse()
const textEvents = (id: string) => listEvents(id).filter((e) => e.kind === 'text-changed')

describe('an edit inside a claim', () => {
  it('of a rated, checked claim: recorded with the words before and after, marked, and back in review', () => {
    const claim = mark(RANK)
    updateClaim(review.store, claim.id, { verdict: 'true', status: 'checked' }, '김기자')
    const version = getClaim(review.store, claim.id).version
    typeOver('가입자 수 2위', '가입자 수 9위')

    const now = getClaim(review.store, claim.id)
    expect(now).toMatchObject({
      exact: '챗GPT 유료 가입자 수 9위',
      textChanged: true,
      status: 'in-review',
      verdict: 'true',
      modifiedBy: '박편집',
    })
    expect(now.version).not.toBe(version)
    const [entry] = textEvents(claim.id)
    expect(entry).toMatchObject({
      actor: '박편집',
      detail: { before: RANK, after: '챗GPT 유료 가입자 수 9위', via: 'edit' },
    })
    expect(Date.parse(entry.at)).toBeGreaterThan(0)
    expect(describeEvent(entry, 'en')).toBe(
      '박편집 edited the essay: the claim’s words changed from “챗GPT 유료 가입자 수 2위” to “챗GPT 유료 가입자 수 9위”.',
    )
    expect(describeEvent(entry, 'ko')).toBe(
      '박편집 님이 본문을 수정해 주장의 문구가 ‘챗GPT 유료 가입자 수 2위’에서 ‘챗GPT 유료 가입자 수 9위’로 바뀌었습니다.',
    )
    const status = listEvents(claim.id).find((e) => e.kind === 'status-changed' && e.actor === '박편집')
    expect(status?.detail).toMatchObject({ from: 'checked', to: 'in-review' })
    expect(describeEvent(status!, 'en')).toBe(
      '박편집 changed the status from Checked to In review (text changed since rated).',
    )

    // Typing on in the same claim extends the entry: one record from the first words to the last.
    typeOver('가입자 수 9위', '가입자 수 세계 9위')
    expect(textEvents(claim.id)).toHaveLength(1)
    expect(textEvents(claim.id)[0].detail).toMatchObject({ before: RANK, after: '챗GPT 유료 가입자 수 세계 9위' })
  })

  it('of a claim rated but still open is marked too; an edit outside every claim changes no record', () => {
    const claim = mark(RANK)
    updateClaim(review.store, claim.id, { verdict: 'false' }, '김기자')
    typeOver('미국에 이어', '미국에 바로 이어')
    expect(getClaim(review.store, claim.id)).toMatchObject({ textChanged: false, status: 'open' })
    expect(textEvents(claim.id)).toEqual([])
    typeOver('가입자 수 2위', '가입자 수 3위')
    expect(getClaim(review.store, claim.id)).toMatchObject({ textChanged: true, status: 'in-review' })
  })

  it('deleting all of a rated claim’s words is recorded and marked; the claim is listed as not found', () => {
    const claim = mark(OFFICE)
    updateClaim(review.store, claim.id, { verdict: 'true', status: 'checked' }, '김기자')
    saveEssay(review.store, replacedBlocks(review.store, OFFICE, ''), [], '박편집')
    expect(getClaim(review.store, claim.id)).toMatchObject({
      anchored: false,
      exact: OFFICE,
      textChanged: true,
      status: 'in-review',
    })
    const [entry] = textEvents(claim.id)
    expect(entry.detail).toMatchObject({ before: OFFICE, after: '' })
    expect(describeEvent(entry, 'en')).toBe(`박편집 deleted the claim’s words “${OFFICE}” from the essay.`)
    expect(describeEvent(entry, 'ko')).toBe(`박편집 님이 본문에서 주장의 문구를 모두 지웠습니다: ‘${OFFICE}’`)
  })

  it('of an unrated, open claim is recorded but not marked', () => {
    const claim = mark(RANK)
    typeOver('가입자 수 2위', '가입자 수 9위')
    expect(getClaim(review.store, claim.id)).toMatchObject({ textChanged: false, status: 'open', verdict: 'unrated' })
    expect(textEvents(claim.id)).toMatchObject([
      { detail: { before: RANK, after: '챗GPT 유료 가입자 수 9위', via: 'edit' } },
    ])
  })
})

describe('a correction', () => {
  it('applied and undone in the editor: recorded as the correction’s, never marked', () => {
    const claim = mark(RANK)
    updateClaim(review.store, claim.id, { verdict: 'mostly-false', status: 'checked' }, '김기자')
    const k = proposeCorrection(review.store, claim.id, '챗GPT 유료 가입자 수 상위권', '순위 근거 없음', '박편집')
    const blocks = replacedBlocks(review.store, RANK, '챗GPT 유료 가입자 수 상위권')
    applyCorrection(
      review.store,
      k.id,
      blocks,
      [{ id: claim.id, start: claim.start, end: claim.start + codePointLength('챗GPT 유료 가입자 수 상위권') }],
      '최데스크',
    )
    expect(getClaim(review.store, claim.id)).toMatchObject({
      textChanged: false,
      status: 'checked',
      exact: '챗GPT 유료 가입자 수 상위권',
    })
    expect(textEvents(claim.id)).toMatchObject([
      { actor: '최데스크', detail: { before: RANK, after: '챗GPT 유료 가입자 수 상위권', via: 'correction' } },
    ])

    // Ctrl+Z in the editor: the old words are back, the correction is a proposal again, still no mark.
    typeOver('챗GPT 유료 가입자 수 상위권', RANK, '최데스크')
    expect(listCorrections(review.store)[0].state).toBe('proposed')
    expect(getClaim(review.store, claim.id)).toMatchObject({ textChanged: false, status: 'checked', exact: RANK })
    expect(textEvents(claim.id).map((e) => e.detail)).toMatchObject([
      { via: 'correction' },
      { before: '챗GPT 유료 가입자 수 상위권', after: RANK, via: 'correction' },
    ])
    expect(describeEvent(textEvents(claim.id)[1], 'en')).toContain('by a correction')
  })
})

describe('re-confirming the verdict', () => {
  it('clears the mark with the same verdict or another; a note or status alone does not', () => {
    const a = mark(RANK)
    const b = mark(OFFICE)
    for (const c of [a, b]) updateClaim(review.store, c.id, { verdict: 'true', status: 'checked' }, '김기자')
    typeOver('가입자 수 2위', '가입자 수 9위')
    typeOver('공식적으로 서울에', '공식적으로 부산에')
    expect(
      listClaims(review.store)
        .filter((c) => c.textChanged)
        .map((c) => c.id)
        .sort(),
    ).toEqual([a.id, b.id].sort())

    updateClaim(review.store, a.id, { note: '다시 볼 것' }, '김기자')
    updateClaim(review.store, a.id, { status: 'checked' }, '김기자')
    expect(getClaim(review.store, a.id).textChanged).toBe(true)

    const version = getClaim(review.store, a.id).version
    const confirmed = updateClaim(review.store, a.id, { verdict: 'true' }, '김기자')
    expect(confirmed).toMatchObject({ textChanged: false, verdict: 'true' })
    expect(confirmed.version).not.toBe(version)
    const entry = listEvents(a.id).find((e) => e.kind === 'verdict-confirmed')
    expect(entry && describeEvent(entry, 'en')).toBe('김기자 confirmed the verdict True for the changed words.')
    expect(entry && describeEvent(entry, 'ko')).toBe('김기자 님이 바뀐 문구에 대한 판정 ‘사실’을 확인했습니다.')

    expect(updateClaim(review.store, b.id, { verdict: 'false' }, '김기자')).toMatchObject({
      textChanged: false,
      verdict: 'false',
    })
    // With no mark, the same verdict again is no change at all.
    expect(updateClaim(review.store, b.id, { verdict: 'false' }, '김기자').version).toBe(
      getClaim(review.store, b.id).version,
    )
  })

  it('the filter finds marked claims, with the search and the tally', () => {
    const a = mark(RANK)
    const b = mark(OFFICE)
    updateClaim(review.store, a.id, { verdict: 'true', status: 'checked' }, '김기자')
    updateClaim(review.store, b.id, { verdict: 'true', status: 'checked' }, '김기자')
    expect(queryClaims(review.store, { filters: { textChanged: true } }).ids).toEqual([])
    typeOver('가입자 수 2위', '가입자 수 9위')
    expect(queryClaims(review.store, { filters: { textChanged: true } }).ids).toEqual([a.id])
    expect(queryClaims(review.store, { query: '9위', filters: { textChanged: true } }).ids).toEqual([a.id])
    expect(queryClaims(review.store, { query: '서울', filters: { textChanged: true } }).ids).toEqual([])
    expect(tally(listClaims(review.store)).textChanged).toBe(1)
    updateClaim(review.store, a.id, { verdict: 'true' }, '김기자')
    expect(queryClaims(review.store, { filters: { textChanged: true } }).ids).toEqual([])
  })

  it('survives reopening the review file', () => {
    const a = mark(RANK)
    updateClaim(review.store, a.id, { verdict: 'true' }, '김기자')
    typeOver('가입자 수 2위', '가입자 수 9위')
    review.reopen()
    expect(getClaim(review.store, a.id).textChanged).toBe(true)
  })
})

describe('exports of a claim whose text changed since it was rated', () => {
  const URL = 'https://factcheck.example/openai-seoul'
  beforeEach(() => {
    const a = mark(RANK)
    const b = mark(OFFICE)
    updateClaim(review.store, a.id, { verdict: 'true', status: 'checked' }, '김기자')
    updateClaim(review.store, b.id, { verdict: 'false', status: 'checked' }, '김기자')
    typeOver('가입자 수 2위', '가입자 수 9위')
  })
  const LABEL = {
    en: 'Text changed since it was rated — verdict awaiting re-confirmation',
    ko: '판정 후 문구가 바뀜 — 판정 재확인 대기 중',
  }

  it('ClaimReview leaves it out and says so in its counts', async () => {
    const file = await exportRepublication(review.store, 'claimreview', { factcheckUrl: URL })
    const reviews = JSON.parse(file.data) as { claimReviewed: string }[]
    expect(reviews.map((r) => r.claimReviewed)).toEqual([OFFICE])
    expect(file.counts).toMatchObject({ claims: 1, rated: 1, textChanged: 1 })
    // Confirmed, it is published again.
    const a = listClaims(review.store).find((c) => c.textChanged)!
    updateClaim(review.store, a.id, { verdict: 'true' }, '김기자')
    const again = await exportRepublication(review.store, 'claimreview', { factcheckUrl: URL })
    expect(JSON.parse(again.data)).toHaveLength(2)
    expect(again.counts?.textChanged).toBeUndefined()
  })

  it('HTML, annotated Markdown and DOCX label it (and only it)', async () => {
    const html = (await exportRepublication(review.store, 'html')).data
    expect(html.split(LABEL.ko)).toHaveLength(2)
    expect(html).toMatch(/<li class="claim text-changed" id="claim-\d"/)
    const md = await exportRepublication(review.store, 'markdown-annotated')
    expect(md.data.split(LABEL.ko)).toHaveLength(2)
    expect(md.counts?.textChanged).toBe(1)
    const footnotes = md.data.slice(md.data.lastIndexOf('\n[^1]: ')).split(/\n(?=\[\^\d+\]: )/)
    const footnote = footnotes.find((f) => f.includes('9위'))
    expect(footnote).toContain(LABEL.ko)
    expect((await exportRepublication(review.store, 'markdown')).data).not.toContain(LABEL.ko)

    const docx = await exportRepublication(review.store, 'docx')
    const zip = unzipSync(new Uint8Array(Buffer.from(docx.data, 'base64')))
    const comments = strFromU8(zip['word/comments.xml'])
    expect(comments.split(LABEL.ko)).toHaveLength(2)
    expect(docx.counts?.textChanged).toBe(1)
    // CSV carries no label, so its counts do not claim one.
    expect((await exportRepublication(review.store, 'csv')).counts?.textChanged).toBeUndefined()
  })

  it('factdesk export says how many claims ClaimReview left out', async () => {
    const args = ['export', '--review', review.dir.file('r.factdesk'), '--format', 'claimreview', '--url', URL]
    const asJson = await cli(...args, '--out', review.dir.file('cr.jsonld'), '--json')
    expect(asJson.code).toBe(0)
    expect(asJson.json()).toMatchObject({ ok: true, claims: 1, textChanged: 1 })
    const asText = await cli(...args, '--out', review.dir.file('cr.jsonld'))
    expect(asText.code).toBe(0)
    expect(asText.stdout).toContain('Left out 1 rated claim whose text changed since it was rated')
  })

  it('in an English review the label is English', async () => {
    review.store.db.prepare(`UPDATE document SET language = 'en'`).run()
    expect((await exportRepublication(review.store, 'html')).data).toContain(LABEL.en)
  })
})

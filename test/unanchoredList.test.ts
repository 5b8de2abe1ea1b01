import { createElement } from 'react'
import { expect, it } from 'vitest'
import { listDeskClaims } from '../src/core/claims/queries'
import { proposeCorrection } from '../src/core/document/corrections'
import { UnanchoredList } from '../src/renderer/src/panel/UnanchoredList'
import type { Lang } from '../src/shared/domain'
import { bundledReviewPerTest, markQuote, replacedBlocks, saveEssay } from './helpers/review'
import { updateClaim } from '../src/core/claims/commands'
import { refuse, renderDesk } from './helpers/renderDesk'

const review = bundledReviewPerTest()
const QUOTE = '오픈AI는 그 가능성을 본 것이다.'

const shown = (lang: Lang) =>
  renderDesk(
    lang,
    createElement(UnanchoredList, {
      claims: listDeskClaims(review.store).filter((c) => !c.anchored),
      onAttach: refuse,
    }),
  )

it('shows a lost claim’s note and its proposed correction, saying it applies once the claim is attached', () => {
  const claim = markQuote(review.store, QUOTE)
  updateClaim(review.store, claim.id, { note: '발표문 원문과 다름 <b>확인</b>' }, '박편집')
  proposeCorrection(review.store, claim.id, '오픈AI는 그 가능성에 투자했다.', '발표문 표현으로 고침', '박편집')
  // The reviewer deletes the sentence: the claim is no longer found, its correction waits with it.
  saveEssay(review.store, replacedBlocks(review.store, QUOTE, ''), [], '박편집')
  const ko = shown('ko')
  expect(ko).toContain(`<q>${QUOTE}</q>`)
  expect(ko).toContain('발표문 원문과 다름 &lt;b&gt;확인&lt;/b&gt;')
  expect(ko).toContain(`<del>${QUOTE}</del> → <ins>오픈AI는 그 가능성에 투자했다.</ins>`)
  expect(ko).toContain('발표문 표현으로 고침')
  expect(ko).toContain('제안됨 · 박편집')
  expect(ko).toContain('주장을 본문에 연결하면 반영할 수 있습니다')
  expect(shown('en')).toContain('Proposed · 박편집')
  expect(shown('en')).toContain('attach the claim to apply it')
})

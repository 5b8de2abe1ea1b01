import { afterEach, beforeEach, expect, it } from 'vitest'
import { buildClaimReviews } from '../src/core/republish/claimReview'
import { gatherRepublishData } from '../src/core/republish/model'
import { setScale } from '../src/core/scales/scales'
import { ReviewStore } from '../src/core/review/store'
import { POLITIFACT_SCALE } from '../src/shared/scales'
import { bundledEssay } from './helpers/essay'
import { claimOn } from './helpers/republish'
import { openReview } from '../src/core/review/open'

let store: ReviewStore
beforeEach(() => {
  store = openReview(':memory:', bundledEssay())
})
afterEach(() => store.close())

it('exports rate claims on the review’s own scale', () => {
  setScale(store, POLITIFACT_SCALE, '데스크')
  store.db
    .prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('factcheck-url', 'https://factcheck.example/seoul')`)
    .run()
  claimOn(store, '챗GPT 유료 가입자 수 2위', { verdict: 'pants-on-fire' })
  claimOn(store, '공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
  const reviews = buildClaimReviews(gatherRepublishData(store, {}))
  const byClaim = new Map(reviews.map((r) => [r.claimReviewed, r.reviewRating]))
  const worst = byClaim.get('챗GPT 유료 가입자 수 2위')!
  const best = byClaim.get('공식적으로 서울에 지사를 설립했다고 발표한 것이다')!
  expect(worst).toMatchObject({
    ratingValue: 1,
    worstRating: 1,
    bestRating: POLITIFACT_SCALE.levels.filter((l) => l.position !== null).length,
  })
  expect(best.ratingValue).toBe(best.bestRating)
  expect(JSON.stringify(worst)).toMatch(/Pants on Fire|새빨간 거짓말|거짓/)
})

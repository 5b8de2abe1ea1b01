/**
 * The review the exports are checked against in the software that reads them: the bundled essay with
 * 11 claims — every verdict level (one unrated), overlaps, a claim across the title and subtitle, one
 * across two paragraphs, one from a list item into its sub-item, bold runs — and one applied correction.
 */
import type { ReviewStore } from '../../src/core/review/store'
import { bundledEssay } from './essay'
import { applyCorrectionDirectly, claimOn, openEssay, source } from './republish'

export const CORRECTED_TO = '가장 유망한 시장 중 하나'

export function elevenClaimReview(): ReviewStore {
  const store = openEssay(bundledEssay())
  claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', {
    verdict: 'true',
    note: '보도자료로 확인',
    sources: [source('https://openai.com/index/openai-korea/', 'OpenAI 서울 지사')],
  })
  // Overlaps the one before.
  claimOn(store, '서울에 지사를 설립했다고 발표한 것이다. 이로써 한국은', {
    verdict: 'undecidable',
    note: '겹치는 주장',
  })
  claimOn(store, '챗GPT 유료 가입자 수 2위', { verdict: 'mostly-false' })
  claimOn(store, '이 되다\n서울, 오픈AI', { verdict: 'half-true', note: '제목과 부제에 걸친 주장' })
  claimOn(store, '방증이다.\n‘풀스택 AI 생태계’라는 표현은', { verdict: 'mostly-false', note: '두 문단에 걸친 주장' })
  claimOn(store, '삼성전자, 하이닉스', { verdict: 'false' })
  claimOn(store, '카카오와 협력해', { verdict: 'unrated' })
  claimOn(store, '전략적 창의허브(Creative Hub)', { verdict: 'mostly-true' })
  claimOn(store, '현지화된 챗GPT 개발 및 피드백 센터\n→ 한국어', {
    verdict: 'false',
    note: '목록과 하위 항목에 걸친 주장',
  })
  claimOn(store, 'AI 기술 실험장, 교육장, 정책장(場)', { verdict: 'half-true' })
  const corrected = claimOn(store, '세계에서 가장 유망한 시장', { verdict: 'mostly-true', note: '정정된 주장' })
  applyCorrectionDirectly(store, corrected.id, CORRECTED_TO, '인용 확인')
  return store
}

import type { Catalogue } from '../catalogue'

export const textChanged: Catalogue['textChanged'] = {
  badge: '판정 후 문구 변경',
  badgeHelp: '판정한 뒤 이 주장의 문구가 바뀌었습니다. 지금 문구를 기준으로 판정을 다시 확인하거나 바꾸세요.',
  confirmVerdict: '판정 확인',
  confirmHelp: (verdict: string) => `지금 문구에 대해 ‘${verdict}’ 판정을 확인합니다`,
  filter: '판정 후 문구 변경',
  tally: '판정 후 문구 변경',
  highlight: '판정 후 문구 변경',
  changedTitle: '다른 문구에 연결된 주장',
  changedIntro:
    '아래 주장은 파일에 인용된 것과 다른 문구로 본문에 연결되었습니다. 판정한 주장은 판정을 다시 확인해야 합니다.',
  before: '파일의 인용',
  after: '지금 본문',
  exportLeftOut: (n: number) => `판정 후 문구가 바뀐 주장 ${n}건은 빠졌습니다. 판정을 다시 확인하면 포함됩니다.`,
  exportLabelled: (n: number) => `주장 ${n}건에 ‘판정 후 문구가 바뀜 — 판정 재확인 대기 중’ 표시가 붙습니다.`,
}

import { particle } from '../particles'
import type { Catalogue } from '../catalogue'

export const exportWords: Catalogue['exportWords'] = {
  factCheck: '팩트체크',
  claim: '주장',
  verdict: '판정',
  status: '진행 상태',
  note: '메모',
  sources: '출처',
  corrections: '정정',
  checkedBy: '검증',
  archived: '보관본',
  exported: '내보낸 때',
  by: '글',
  notAttached: '이 판본의 본문에서 찾지 못한 주장',
  correctedTo: '정정 후',
  textChanged: '판정 후 문구가 바뀜 — 판정 재확인 대기 중',
  unchecked: '미검증 — 아직 판정 전',
  sheetName: '주장',
  /** The spreadsheet's column headers. */
  columns: {
    quote: '인용',
    verdict_label: '판정',
    verdict: '판정 id',
    status: '상태',
    note: '메모',
    sources: '출처',
    source_titles: '출처 제목',
    tags: '태그',
    author: '표시한 사람',
    created: '만든 때',
    modified: '수정한 때',
    start: '시작',
    end: '끝',
    id: '주장 id',
  },
  correctionNotice: {
    before: '이 글의 이전 판에는 “',
    middle: '”라고 적혀 있었습니다. 이를 “',
    after: (p) => `”${particle(p.replacement, '로')} 바로잡았습니다.${p.why ? ' ' + p.why : ''}`,
  },
}

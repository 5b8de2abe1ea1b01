import type { Catalogue } from '../catalogue'

export const word: Catalogue['word'] = {
  exportForReview: '검토용 워드 문서 (.docx)…',
  forReview: '워드 검토용: 모든 주장을 담고, 검토받은 파일을 가져오면 메모가 돌아옵니다',
  fromWord: '워드에서 가져온 내용',
  repliesAdded: '추가된 답글',
  claimsAdded: '추가된 주장',
  correctionsProposed: '제안된 정정',
  resolved: '워드에서 해결됨',
  notFound: '찾지 못함',
  notOwnExport:
    '이 문서는 이 검토에서 검토용으로 내보낸 파일이 아닙니다. 메모는 글에서 해당 문구를 찾은 경우 새 주장으로 가져왔습니다.',
  resolvedExplained: '워드에서 해결(완료)로 표시된 메모입니다. 확인하기 전까지 주장은 그대로입니다:',
  resolvedAccepted: '확인 완료로 표시함(워드에서 해결됨):',
  markChecked: (n: number) => `주장 ${n}개를 확인 완료로 표시`,
  markedChecked: (n: number) => `주장 ${n}개를 확인 완료로 표시했습니다.`,
  resolvedBy: (author: string) => `${author}의 메모`,
  notFoundExplained: '이 글에서 찾지 못한 메모입니다(가져오지 않았으며 다른 문구에 붙이지 않았습니다):',
  reasons: {
    'marker-gone': '해당 주장을 문구로 찾지 못함',
    'text-not-found': '메모가 달린 문구가 글에 없음',
    'no-range': '어떤 문구도 가리키지 않음',
  },
  textDiffersExplained: '문서의 글이 여기서 다릅니다(변경 내용 추적 없이 고침, 글은 바뀌지 않았습니다):',
  essay: '글',
  document: '문서',
  proposedNote: '변경 내용 추적은 해당 주장의 정정 제안이 되었습니다. 카드에서 적용하세요.',
}

import type { Catalogue } from '../catalogue'

export const undo: Catalogue['undo'] = {
  sourceRemoved: '출처를 삭제했습니다.',
  replyRemoved: '답글을 삭제했습니다.',
  tagRemoved: '태그를 뗐습니다.',
  suggestionDismissed: '제안을 넘겼습니다. 다시 제안하지 않습니다.',
  importDone: '가져오기를 마쳤습니다.',
  importUndone: '가져오기를 되돌렸습니다. 검토 파일이 가져오기 전 상태로 돌아왔습니다.',
  undoImport: '가져오기 되돌리기',
  undoImportHint: '이번 가져오기 전과 똑같은 상태로 되돌립니다. 검토 파일이 다시 바뀌기 전까지만 할 수 있습니다.',
}

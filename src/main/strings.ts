import type { Lang } from '../shared/domain'

/** Menu and dialog text of the Electron shell; the renderer has its own catalogue. */
const en = {
  file: 'File',
  newReview: 'New Review…',
  openReview: 'Open Review…',
  saveReviewAs: 'Save Review As…',
  openEssay: 'Open Essay…',
  quit: 'Quit',
  edit: 'Edit',
  markClaim: 'Mark Claim',
  view: 'View',
  language: 'Language',
  help: 'Help',
  about: 'About Factdesk',
  reviewFiles: 'Factdesk reviews',
  essayFiles: 'Essays (Markdown or text)',
  allFiles: 'All files',
  newReviewTitle: 'Where should the new review be saved?',
  openReviewTitle: 'Open a review',
  saveAsTitle: 'Save the review as',
  openEssayTitle: 'Open an essay to review',
  saveEssayReviewTitle: 'Where should the review of this essay be saved?',
  cannotOpen: 'The review could not be opened.',
  cannotCreate: 'The new review could not be started.',
  cannotSave: 'The review could not be saved.',
  cannotOpenEssay: 'The essay could not be opened.',
  currentStaysOpen: 'The review you were working on is still open.',
  defaultUnreadable: 'Your last review could not be opened.',
  startedFresh: (path: string) => `A new review was started in ${path}. The old file was left as it was.`,
  ok: 'OK',
  aboutDetail: (version: string) => `Factdesk ${version}\nMark the claims in an essay, check them, hand the review on.`,
}

type Strings = typeof en

const ko: Strings = {
  file: '파일',
  newReview: '새 검토…',
  openReview: '검토 열기…',
  saveReviewAs: '다른 이름으로 검토 저장…',
  openEssay: '글 열기…',
  quit: '끝내기',
  edit: '편집',
  markClaim: '주장 표시',
  view: '보기',
  language: '언어',
  help: '도움말',
  about: 'Factdesk 정보',
  reviewFiles: 'Factdesk 검토 파일',
  essayFiles: '글 (Markdown 또는 텍스트)',
  allFiles: '모든 파일',
  newReviewTitle: '새 검토를 어디에 저장할까요?',
  openReviewTitle: '검토 열기',
  saveAsTitle: '다른 이름으로 검토 저장',
  openEssayTitle: '검토할 글 열기',
  saveEssayReviewTitle: '이 글의 검토를 어디에 저장할까요?',
  cannotOpen: '검토 파일을 열 수 없습니다.',
  cannotCreate: '새 검토를 시작할 수 없습니다.',
  cannotSave: '검토를 저장할 수 없습니다.',
  cannotOpenEssay: '글을 열 수 없습니다.',
  currentStaysOpen: '작업 중이던 검토는 그대로 열려 있습니다.',
  defaultUnreadable: '마지막 검토 파일을 열 수 없습니다.',
  startedFresh: (path: string) => `${path}에 새 검토를 시작했습니다. 이전 파일은 그대로 두었습니다.`,
  ok: '확인',
  aboutDetail: (version: string) => `Factdesk ${version}\n글 속 주장을 표시하고 검증해 검토 결과를 넘겨줍니다.`,
}

export function strings(lang: Lang): Strings {
  return lang === 'ko' ? ko : en
}

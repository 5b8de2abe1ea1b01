import { createContext, useContext } from 'react'
import type { Lang, Status, Verdict } from '../../shared/domain'
import { verdictLabels } from '../../shared/verdicts'
import { DEFAULT_SCALE, verdictColor, verdictIds, verdictLabel, type VerdictScale } from '../../shared/scales'
import { dialogTexts } from './dialogText'

/** The fields of a claim a search can match in (panel/searchMatch.ts). */
export type MatchField = 'quote' | 'note' | 'source' | 'reply' | 'tag'

export { verdictLabels }

const en = {
  appName: 'Factdesk',
  markClaim: 'Mark claim',
  markClaimHint: 'Select text in the essay, then mark it as a claim (Ctrl+Shift+M)',
  claims: 'Claims',
  noClaims: 'No claims yet. Select a sentence in the essay and press “Mark claim”.',
  verdict: 'Verdict',
  verdictCounts: 'Tally',
  status: 'Status',
  note: 'Note',
  notePlaceholder: 'What did you find? Write your reasoning here.',
  addSource: 'Add source',
  saveSource: 'Save source',
  cancel: 'Cancel',
  editSource: 'Edit source',
  removeSource: 'Remove source',
  removeClaim: 'Remove claim',
  undo: 'Undo',
  claimRemoved: 'Claim removed.',
  sources: 'Sources',
  url: 'URL',
  title: 'Title',
  publisher: 'Publisher',
  published: 'Date published',
  accessed: 'Date accessed',
  excerpt: 'Excerpt',
  archiveUrl: 'Archive URL',
  onlyHttp: 'Only http:// or https:// addresses can be saved as a source.',
  archiveOnlyHttp: 'The archive link must be an http:// or https:// address.',
  selectTextFirst: 'Select some text in the essay first.',
  author: 'By',
  created: 'Created',
  modified: 'Modified',
  preferences: 'Preferences',
  reviewerName: 'Reviewer name',
  reviewerNameHint: 'Shown as the author of the claims you mark.',
  language: 'Language',
  close: 'Close',
  save: 'Save',
  essay: 'Essay',
  context: 'Essay actions',
  copy: 'Copy',
  loading: 'Opening the review…',
  dismiss: 'Dismiss',
  reviewFile: 'Review file',
  sourceCount: (n: number) => (n === 1 ? '1 source' : `${n} sources`),
  corrections: 'Corrections',
  replies: 'Replies',
  proposeCorrection: 'Propose correction',
  correctedWording: 'Corrected wording',
  correctionExplanation: 'Explanation for readers',
  correctionExplanationHint: 'e.g. The ranking was misstated.',
  saveCorrection: 'Save correction',
  applyCorrection: 'Apply correction',
  editCorrection: 'Edit correction',
  removeCorrection: 'Remove correction',
  correctionApplied: 'Applied',
  correctionProposed: 'Proposed',
  importReview: 'Import…',
  exportReview: 'Export',
  exportBundle: 'Review bundle (.factdesk.json)',
  exportW3c: 'W3C Web Annotation (.jsonld)',
  exportSqlite: 'Copy of the review file (.factdesk)',
  importing: (name: string, i: number, n: number) =>
    n > 1 ? `Importing ${name} (${i} of ${n})…` : `Importing ${name}…`,
  importSummary: 'Import summary',
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Unchanged',
  deletedCount: 'Removed',
  conflicts: 'Conflicts',
  unanchoredCount: 'Not found in this essay',
  sourcesAdded: 'Sources added',
  sourcesUpdated: 'Sources updated',
  documentDiffers: 'The file was made on a different text of the essay; its claims were found again by their quotes.',
  unanchoredExplained:
    'These claims could not be found in this essay. They are listed in the Claims panel; attach each to a selection.',
  unanchoredHeading: 'Not found in this essay',
  unanchoredHint: 'Select the text in the essay, then attach the claim to it.',
  attachToSelection: 'Attach to selection',
  conflictBadge: 'Conflict',
  resolveConflict: 'Resolve conflict',
  conflictTitle: 'This claim was changed by you and in the imported file',
  sourceConflictTitle: 'This source was changed by you and in the imported file',
  fromFile: 'From',
  mine: 'This review',
  theirs: 'Imported',
  keepMine: 'Keep this review’s',
  takeTheirs: 'Take the imported',
  resolve: 'Resolve',
  later: 'Later',
  fieldDeleted: 'Claim',
  removedState: 'Removed',
  keptState: 'Kept',
  baseVersion: 'Both started from',
  baseUnknown: 'The version both sides started from is not known: this review file no longer has what it said.',
  authorUnknown: 'author not recorded',
  conflictsWaiting: (n: number) => (n === 1 ? '1 conflict to resolve' : `${n} conflicts to resolve`),
  // The Suggest claims dialog and the review settings: dialogText.ts.
  // The desk's layout, highlights, list and first run.
  more: 'More',
  moreHint: 'Commands that do not fit in the toolbar at this width',
  resizePanel: 'Resize the Claims panel',
  markClaimDisabled: 'Select text in the essay first, then mark it as a claim (Ctrl+Shift+M)',
  legend: 'Legend',
  legendVerdict: 'Verdict colour',
  legendEdges: 'Claim edges',
  legendOverlap: 'Overlap',
  legendSelected: 'Selected',
  legendChanged: 'Text changed',
  matchedIn: 'Matches in',
  matchFields: { quote: 'quote', note: 'note', source: 'source', reply: 'reply', tag: 'tag' } as Record<
    MatchField,
    string
  >,
  welcomeTitle: 'Welcome to Factdesk',
  welcomeIntro:
    'Your claims, notes and replies are signed with your reviewer name, and reader-facing exports show it as the checker. You can change all of this later in Preferences.',
  startReviewing: 'Start reviewing',
  nameRequired: 'Enter a reviewer name: every change is signed with it.',
  ...dialogTexts.en,
}

type Dict = typeof en

const ko: Dict = {
  appName: '팩트데스크',
  markClaim: '주장 표시',
  markClaimHint: '본문에서 글을 선택한 뒤 주장으로 표시하세요 (Ctrl+Shift+M)',
  claims: '주장 목록',
  noClaims: '아직 표시한 주장이 없습니다. 본문에서 문장을 선택하고 ‘주장 표시’를 누르세요.',
  verdict: '판정',
  verdictCounts: '판정 집계',
  status: '진행 상태',
  note: '메모',
  notePlaceholder: '확인한 내용과 판단 근거를 적으세요.',
  addSource: '출처 추가',
  saveSource: '출처 저장',
  cancel: '취소',
  editSource: '출처 수정',
  removeSource: '출처 삭제',
  removeClaim: '주장 삭제',
  undo: '되돌리기',
  claimRemoved: '주장을 삭제했습니다.',
  sources: '출처',
  url: '주소(URL)',
  title: '제목',
  publisher: '발행처',
  published: '발행일',
  accessed: '확인일',
  excerpt: '발췌',
  archiveUrl: '보관본 주소',
  onlyHttp: 'http:// 또는 https:// 주소만 출처로 저장할 수 있습니다.',
  archiveOnlyHttp: '보관본 주소는 http:// 또는 https:// 주소여야 합니다.',
  selectTextFirst: '먼저 본문에서 글을 선택하세요.',
  author: '작성',
  created: '만든 때',
  modified: '고친 때',
  preferences: '환경설정',
  reviewerName: '검토자 이름',
  reviewerNameHint: '표시한 주장의 작성자로 기록됩니다.',
  language: '언어',
  close: '닫기',
  save: '저장',
  essay: '본문',
  context: '본문 메뉴',
  copy: '복사',
  loading: '검토 파일을 여는 중…',
  dismiss: '닫기',
  reviewFile: '검토 파일',
  sourceCount: (n: number) => `출처 ${n}건`,
  corrections: '정정',
  replies: '답글',
  proposeCorrection: '정정 제안',
  correctedWording: '고친 문구',
  correctionExplanation: '독자에게 알릴 정정 사유',
  correctionExplanationHint: '예: 순위를 잘못 적었습니다.',
  saveCorrection: '정정 저장',
  applyCorrection: '정정 적용',
  editCorrection: '정정 수정',
  removeCorrection: '정정 삭제',
  correctionApplied: '적용됨',
  correctionProposed: '제안됨',
  importReview: '가져오기…',
  exportReview: '내보내기',
  exportBundle: '검토 묶음 (.factdesk.json)',
  exportW3c: 'W3C 웹 주석 (.jsonld)',
  exportSqlite: '검토 파일 사본 (.factdesk)',
  importing: (name: string, i: number, n: number) =>
    n > 1 ? `${name} 가져오는 중 (${i}/${n})…` : `${name} 가져오는 중…`,
  importSummary: '가져오기 결과',
  added: '추가',
  updated: '갱신',
  unchanged: '변경 없음',
  deletedCount: '삭제',
  conflicts: '충돌',
  unanchoredCount: '본문에서 찾지 못함',
  sourcesAdded: '추가된 출처',
  sourcesUpdated: '갱신된 출처',
  documentDiffers: '다른 판본의 본문에서 만든 파일입니다. 인용문으로 주장 위치를 다시 찾았습니다.',
  unanchoredExplained: '아래 주장은 이 본문에서 찾지 못했습니다. 주장 목록에서 본문의 글을 선택해 연결하세요.',
  unanchoredHeading: '본문에서 찾지 못한 주장',
  unanchoredHint: '본문에서 해당 글을 선택한 뒤 주장을 연결하세요.',
  attachToSelection: '선택한 글에 연결',
  conflictBadge: '충돌',
  resolveConflict: '충돌 해결',
  conflictTitle: '이 주장은 내 검토와 가져온 파일 양쪽에서 바뀌었습니다',
  sourceConflictTitle: '이 출처는 내 검토와 가져온 파일 양쪽에서 바뀌었습니다',
  fromFile: '가져온 파일',
  mine: '내 검토',
  theirs: '가져온 파일',
  keepMine: '내 것 유지',
  takeTheirs: '가져온 것 사용',
  resolve: '해결',
  later: '나중에',
  fieldDeleted: '주장',
  removedState: '삭제됨',
  keptState: '유지됨',
  baseVersion: '공통 원본',
  baseUnknown: '양쪽이 함께 출발한 원본은 알 수 없습니다. 이 검토 파일에 그 판본의 내용이 남아 있지 않습니다.',
  authorUnknown: '작성자 기록 없음',
  conflictsWaiting: (n: number) => `해결할 충돌 ${n}건`,
  more: '더 보기',
  moreHint: '이 너비에서 도구 모음에 들어가지 않는 명령',
  resizePanel: '주장 목록 너비 조절',
  markClaimDisabled: '먼저 본문에서 글을 선택한 뒤 주장으로 표시하세요 (Ctrl+Shift+M)',
  legend: '표시 안내',
  legendVerdict: '판정 색',
  legendEdges: '주장 경계',
  legendOverlap: '겹친 주장',
  legendSelected: '선택한 주장',
  legendChanged: '문구 변경',
  matchedIn: '일치한 곳',
  matchFields: { quote: '인용문', note: '메모', source: '출처', reply: '답글', tag: '태그' },
  welcomeTitle: '팩트데스크를 시작합니다',
  welcomeIntro:
    '주장·메모·답글에는 검토자 이름이 기록되고, 독자용 내보내기에는 검증자로 표시됩니다. 모두 나중에 환경설정에서 바꿀 수 있습니다.',
  startReviewing: '검토 시작',
  nameRequired: '검토자 이름을 입력하세요. 모든 변경에 이 이름이 기록됩니다.',
  ...dialogTexts.ko,
}

export const dictionaries: Record<Lang, Dict> = { en, ko }

export const statusLabels: Record<Lang, Record<Status, string>> = {
  ko: { open: '확인 전', 'in-review': '확인 중', checked: '확인 완료' },
  en: { open: 'Open', 'in-review': 'In review', checked: 'Checked' },
}

const errorMessages: Record<Lang, Record<string, string>> = {
  en: {
    'not-found': 'That item no longer exists in this review.',
    'cannot-undo': 'This can no longer be undone',
    'invalid-args': 'That input was refused',
    internal: 'Something went wrong',
  },
  ko: {
    'not-found': '이 검토 파일에 더 이상 없는 항목입니다.',
    'cannot-undo': '이제는 되돌릴 수 없습니다',
    'invalid-args': '입력을 받아들일 수 없습니다',
    internal: '문제가 생겼습니다',
  },
}

export interface I18n {
  lang: Lang
  t: Dict
  /** The label of a verdict id on the review's scale (`scale`). */
  verdict: (v: Verdict) => string
  /** The review's verdict scale; the verdict ids a claim can have, 'unrated' first; a verdict's colour. */
  scale: VerdictScale
  verdictIds: string[]
  verdictColor: (v: Verdict) => string
  status: (s: Status) => string
  error: (code: string, detail: string) => string
  dateTime: (iso: string) => string
}

export function makeI18n(lang: Lang, scale: VerdictScale = DEFAULT_SCALE): I18n {
  const fmt = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  return {
    lang,
    t: dictionaries[lang],
    verdict: (v) => verdictLabel(scale, v, lang),
    scale,
    verdictIds: verdictIds(scale),
    verdictColor: (v) => verdictColor(scale, v),
    status: (s) => statusLabels[lang][s],
    error: (code, detail) => {
      const known = errorMessages[lang][code]
      return known ? `${known}: ${detail}` : detail
    },
    dateTime: (iso) => fmt.format(new Date(iso)),
  }
}

export const I18nContext = createContext<I18n>(makeI18n('ko'))

export function useI18n(): I18n {
  return useContext(I18nContext)
}

import type { Lang } from '../../../shared/domain'
import type { RepublishFormat } from '../../../shared/republish'
import { useI18n } from '../i18n'

/** The words of the republication exports and their settings, in both interface languages. */
const en = {
  formats: {
    markdown: 'Markdown, clean (.md)…',
    'markdown-annotated': 'Markdown with fact-check notes (.md)…',
    html: 'Web page for print (.html)…',
    pdf: 'PDF…',
    docx: 'Word with comments (.docx)…',
    csv: 'Spreadsheet of claims (.csv)…',
    claimreview: 'ClaimReview for fact-check search (.jsonld)…',
  } as Record<RepublishFormat, string>,
  formatNames: {
    markdown: 'Markdown',
    'markdown-annotated': 'Markdown with fact-check notes',
    html: 'HTML',
    pdf: 'PDF',
    docx: 'Word document',
    csv: 'CSV',
    claimreview: 'ClaimReview',
  } as Record<RepublishFormat, string>,
  forRepublication: 'For republication',
  settings: 'Republication settings…',
  settingsTitle: 'Republication settings',
  settingsIntro: 'Used by the exports for republication; ClaimReview needs the fact-check page’s address.',
  organisationName: 'Fact-checking organisation',
  organisationUrl: 'Organisation’s website',
  factcheckUrl: 'Fact-check page address',
  essayUrl: 'Where the essay was published',
  essayAuthor: 'Author of the essay',
  essayPublished: 'Date the essay was published',
  defaultFromEssay: 'Empty: taken from the essay.',
  onlyHttp: 'Only an http:// or https:// address.',
  saved: 'Settings saved.',
  preparing: (what: string) => `Preparing the ${what}…`,
  exportTitle: (what: string) => `Export: ${what}`,
  preview: 'Preview',
  summary: 'What the file holds',
  claims: 'Claims',
  rated: 'Rated',
  sources: 'Sources',
  corrections: 'Corrections',
  fileName: 'File',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  failed: 'The export failed',
  exporting: (what: string) => `Exporting ${what}…`,
  includeUnrated: 'Include claims without a verdict (labelled unchecked)',
  unratedLeftOut: 'Left out: no verdict yet',
}

type Words = typeof en

const ko: Words = {
  formats: {
    markdown: '마크다운, 표시 없이 (.md)…',
    'markdown-annotated': '마크다운, 팩트체크 각주 포함 (.md)…',
    html: '인쇄용 웹 페이지 (.html)…',
    pdf: 'PDF…',
    docx: '메모 달린 워드 문서 (.docx)…',
    csv: '주장 목록 스프레드시트 (.csv)…',
    claimreview: '팩트체크 검색용 ClaimReview (.jsonld)…',
  },
  formatNames: {
    markdown: '마크다운',
    'markdown-annotated': '각주 포함 마크다운',
    html: 'HTML',
    pdf: 'PDF',
    docx: '워드 문서',
    csv: 'CSV',
    claimreview: 'ClaimReview',
  },
  forRepublication: '재발행용',
  settings: '재발행 설정…',
  settingsTitle: '재발행 설정',
  settingsIntro: '재발행용 내보내기에 쓰입니다. ClaimReview에는 팩트체크 페이지 주소가 필요합니다.',
  organisationName: '팩트체크 기관',
  organisationUrl: '기관 웹사이트',
  factcheckUrl: '팩트체크 페이지 주소',
  essayUrl: '글이 발행된 주소',
  essayAuthor: '글쓴이',
  essayPublished: '글 발행일',
  defaultFromEssay: '비워 두면 글에서 가져옵니다.',
  onlyHttp: 'http:// 또는 https:// 주소만 쓸 수 있습니다.',
  saved: '설정을 저장했습니다.',
  preparing: (what: string) => `${what} 만드는 중…`,
  exportTitle: (what: string) => `내보내기: ${what}`,
  preview: '미리 보기',
  summary: '파일에 담긴 것',
  claims: '주장',
  rated: '판정한 주장',
  sources: '출처',
  corrections: '정정',
  fileName: '파일',
  save: '저장',
  cancel: '취소',
  close: '닫기',
  failed: '내보내지 못했습니다',
  exporting: (what: string) => `${what} 내보내는 중…`,
  includeUnrated: '판정 전 주장도 넣기 (미검증으로 표시)',
  unratedLeftOut: '판정 전이라 뺀 주장',
}

const catalogue: Record<Lang, Words> = { en, ko }

export function useRepublishText(): Words {
  return catalogue[useI18n().lang]
}

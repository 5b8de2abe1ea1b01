import type { Lang } from '../../shared/domain'

/**
 * Text of the Suggest claims dialog and of the review settings (the verdict scale). Part of i18n.ts's
 * dictionaries (`t`), kept in its own file so that catalogue stays short.
 */
const en = {
  // Claim spotting (SuggestDialog)
  suggestClaims: 'Suggest claims',
  suggestClaimsHint: 'Sentences of the essay worth checking that are not claims yet',
  suggestionsTitle: 'Suggested claims',
  suggestionsIntro:
    'Sentences with a number, a date, a ranking, a quotation, a person with a title, an announcement or a statistic that are not claims yet. Found on this computer by fixed rules; nothing is sent anywhere.',
  suggestionsLoading: 'Looking for sentences to check…',
  noSuggestions: 'No more suggestions: every such sentence is a claim already or was dismissed.',
  acceptSuggestion: 'Mark as claim',
  dismissSuggestion: 'Not a claim',
  suggestionCount: (n: number) => (n === 1 ? '1 suggestion' : `${n} suggestions`),
  suggestionReasons: 'Why',
  reasonLabels: {
    number: 'Number',
    date: 'Date',
    ranking: 'Ranking or superlative',
    quotation: 'Quotation',
    'person-title': 'Person with a title',
    announcement: 'Announcement',
    statistic: 'Statistic',
  } as Record<string, string>,
  // Review settings (ScaleSettings)
  reviewSettings: 'Review settings',
  verdictScale: 'Verdict scale',
  verdictScaleHint: 'The verdicts this review rates its claims with. Exports use this scale too.',
  scaleChoice: 'Scale',
  ownScale: 'Own scale',
  scaleName: 'Name of the scale',
  scaleLevels: 'Levels, most true first',
  levelId: 'Id',
  levelKo: 'Korean label',
  levelEn: 'English label',
  levelColor: 'Colour',
  levelOffScale: 'Off the scale',
  levelOffScaleHint: 'A judgement with no place between true and false, like “Undecidable” (at most one).',
  moveUp: 'Move up',
  moveDown: 'Move down',
  removeLevel: 'Remove level',
  addLevel: 'Add level',
  useScale: 'Use this scale',
  scalePreviewNone: 'No claim changes its verdict.',
  scalePreview: (n: number) =>
    n === 1 ? 'Switching changes the verdict of 1 claim:' : `Switching changes the verdicts of ${n} claims:`,
  scaleApplied: 'The review now uses this scale.',
  scaleAppliedNone: 'The review now uses this scale; no verdict changed.',
  scaleMapping: (n: number, from: string, to: string) => `${from} → ${to}: ${n === 1 ? '1 claim' : `${n} claims`}`,
}

type DialogText = typeof en

const ko: DialogText = {
  // Claim spotting (SuggestDialog)
  suggestClaims: '주장 후보',
  suggestClaimsHint: '아직 주장으로 표시하지 않은, 확인해 볼 만한 문장',
  suggestionsTitle: '주장 후보',
  suggestionsIntro:
    '숫자, 날짜, 순위·최상급 표현, 인용, 직함이 있는 인물, 발표·발언, 통계가 들어 있지만 아직 주장으로 표시하지 않은 문장입니다. 정해진 규칙으로 이 컴퓨터에서 찾으며, 어디로도 보내지 않습니다.',
  suggestionsLoading: '확인할 문장을 찾는 중…',
  noSuggestions: '남은 후보가 없습니다. 해당하는 문장은 모두 주장으로 표시했거나 제외했습니다.',
  acceptSuggestion: '주장으로 표시',
  dismissSuggestion: '주장 아님',
  suggestionCount: (n: number) => `후보 ${n}건`,
  suggestionReasons: '이유',
  reasonLabels: {
    number: '숫자',
    date: '날짜',
    ranking: '순위·최상급',
    quotation: '인용',
    'person-title': '직함 있는 인물',
    announcement: '발표·발언',
    statistic: '통계',
  },
  // Review settings (ScaleSettings)
  reviewSettings: '검토 설정',
  verdictScale: '판정 척도',
  verdictScaleHint: '이 검토에서 주장을 판정하는 단계입니다. 내보내기에도 이 척도를 씁니다.',
  scaleChoice: '척도',
  ownScale: '직접 만든 척도',
  scaleName: '척도 이름',
  scaleLevels: '단계 (가장 사실에 가까운 것부터)',
  levelId: 'ID',
  levelKo: '한국어 이름',
  levelEn: '영어 이름',
  levelColor: '색',
  levelOffScale: '척도 밖',
  levelOffScaleHint: '사실과 거짓 사이에 놓이지 않는 판단(예: ‘판단 유보’)입니다. 하나까지 둘 수 있습니다.',
  moveUp: '위로',
  moveDown: '아래로',
  removeLevel: '단계 삭제',
  addLevel: '단계 추가',
  useScale: '이 척도 사용',
  scalePreviewNone: '판정이 바뀌는 주장은 없습니다.',
  scalePreview: (n: number) => `척도를 바꾸면 주장 ${n}건의 판정이 바뀝니다:`,
  scaleApplied: '이제 이 검토는 이 척도를 씁니다.',
  scaleAppliedNone: '이제 이 검토는 이 척도를 씁니다. 바뀐 판정은 없습니다.',
  scaleMapping: (n: number, from: string, to: string) => `${from} → ${to}: ${n}건`,
}

export const dialogTexts: Record<Lang, DialogText> = { en, ko }

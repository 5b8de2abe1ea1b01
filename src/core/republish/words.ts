import type { Lang } from '../../shared/domain'

/** The words the exports print, in the review's language. */
export const words = {
  en: {
    factCheck: 'Fact check',
    claim: 'Claim',
    verdict: 'Verdict',
    status: 'Status',
    note: 'Note',
    sources: 'Sources',
    corrections: 'Corrections',
    checkedBy: 'Checked by',
    archived: 'archived copy',
    exported: 'Exported',
    by: 'By',
    notAttached: 'Claims not found in this version of the essay',
    correctedTo: 'corrected to',
    textChanged: 'Text changed since it was rated — verdict awaiting re-confirmation',
    unchecked: 'Unchecked — no verdict yet',
  },
  ko: {
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
  },
} as const

/** Korean object particle 로/으로 after `word` (로 after a vowel or ㄹ, 으로 after other final consonants). */
export function particleRo(word: string): string {
  const chars = [...word.replace(/[\s"'“”‘’」』)\]]+$/u, '')]
  const last = chars[chars.length - 1]
  const code = last ? last.charCodeAt(0) : 0
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28
    return final === 0 || final === 8 ? '로' : '으로'
  }
  return '(으)로'
}

export interface CorrectionNotice {
  /** The notice with the two wordings in quotation marks, as plain text. */
  before: string
  original: string
  middle: string
  replacement: string
  after: string
}

/**
 * A correction as newspapers print it: what the essay said, what it says now, and why. Returned in
 * parts so each format can quote the two wordings in its own way (all parts are plain text).
 */
export function correctionNotice(
  lang: Lang,
  original: string,
  replacement: string,
  explanation: string,
): CorrectionNotice {
  const why = explanation.trim()
  if (lang === 'ko') {
    return {
      before: '이 글의 이전 판에는 “',
      original,
      middle: '”라고 적혀 있었습니다. 이를 “',
      replacement,
      after: `”${particleRo(replacement)} 바로잡았습니다.${why ? ' ' + why : ''}`,
    }
  }
  return {
    before: 'An earlier version of this essay said “',
    original,
    middle: '”. It has been corrected to “',
    replacement,
    after: `”.${why ? ' ' + why : ''}`,
  }
}

export function noticeText(n: CorrectionNotice): string {
  return n.before + n.original + n.middle + n.replacement + n.after
}

export const wordsFor = (lang: Lang) => words[lang]

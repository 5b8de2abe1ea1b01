import type { Lang } from '../../shared/domain'
import { catalogues, particle, type Catalogue } from '../../shared/i18n'

/** The words the exports print, in the review's language. */
export const words: Record<Lang, Catalogue['exportWords']> = {
  en: catalogues.en.exportWords,
  ko: catalogues.ko.exportWords,
}

/** Korean particle 로/으로 after `word`, by how it is read (src/shared/i18n/particles.ts). */
export function particleRo(word: string): string {
  return particle(word, '로')
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
  const w = catalogues[lang].exportWords.correctionNotice
  return {
    before: w.before,
    original,
    middle: w.middle,
    replacement,
    after: w.after({ replacement, why: explanation.trim() }),
  }
}

export function noticeText(n: CorrectionNotice): string {
  return n.before + n.original + n.middle + n.replacement + n.after
}

export const wordsFor = (lang: Lang) => words[lang]

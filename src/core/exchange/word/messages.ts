import { FactdeskError } from '../../../shared/errors'

/**
 * Messages of the Word import in both of the desk's languages. A refusal or a skipped comment is told
 * once, in English and in Korean, naming the file: the command line and the window show it as it is.
 */
export const NOTHING = 'Nothing was imported; the review is unchanged.'
const NOTHING_KO = '아무것도 가져오지 않았고 검토 파일은 그대로입니다.'

export function bilingual(en: string, ko: string): string {
  return `${en}\n${ko}`
}

/** A refusal of the whole file: the review is unchanged. */
export function refuse(file: string, en: string, ko: string): FactdeskError {
  return new FactdeskError('invalid-file', bilingual(`${file}: ${en} ${NOTHING}`, `${file}: ${ko} ${NOTHING_KO}`))
}

/** A comment or change the import leaves out (the rest of the file is imported). */
export function skipped(file: string, en: string, ko: string): string {
  return bilingual(`${file}: ${en}`, `${file}: ${ko}`)
}

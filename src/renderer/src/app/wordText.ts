import { perLang, type Catalogue } from '../../../shared/i18n'
import { useI18n } from '../i18n'

/** Text of the Word round trip: the for-review export and an import's summary (the catalogue's `word` section). */
const dictionaries = perLang((c) => c.word)

export function useWordText(): Catalogue['word'] {
  return dictionaries[useI18n().lang]
}

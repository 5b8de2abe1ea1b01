import { catalogues, type Catalogue } from '../../../shared/i18n'
import { useI18n } from '../i18n'

/** The thread section of the catalogue (src/shared/i18n) in the interface's language. */
export function useThreadText(): Catalogue['thread'] {
  return catalogues[useI18n().lang].thread
}

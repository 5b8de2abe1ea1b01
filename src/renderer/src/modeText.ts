import { catalogues, type Catalogue } from '../../shared/i18n'
import { useI18n } from './i18n'

/** The mode section of the catalogue (src/shared/i18n) in the interface's language. */
export function useModeText(): Catalogue['mode'] {
  return catalogues[useI18n().lang].mode
}

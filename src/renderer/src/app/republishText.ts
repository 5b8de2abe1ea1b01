import { catalogues, type Catalogue } from '../../../shared/i18n'
import { useI18n } from '../i18n'

/** The republish section of the catalogue (src/shared/i18n) in the interface's language. */
export function useRepublishText(): Catalogue['republish'] {
  return catalogues[useI18n().lang].republish
}

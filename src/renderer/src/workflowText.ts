import { catalogues, type Catalogue } from '../../shared/i18n'
import { useI18n } from './i18n'

/** The workflow section of the catalogue (src/shared/i18n) in the interface's language. */
export const workflowTexts = { en: catalogues.en.workflow, ko: catalogues.ko.workflow }

export function useWorkflowText(): Catalogue['workflow'] {
  return catalogues[useI18n().lang].workflow
}

import { catalogues, type Catalogue } from '../../shared/i18n'
import { useI18n } from './i18n'

/** The undo section of the catalogue (src/shared/i18n) in the interface's language. */
export function useUndoText(): Catalogue['undo'] {
  return catalogues[useI18n().lang].undo
}

export type UndoNoticeText = keyof Catalogue['undo']

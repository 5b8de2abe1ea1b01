import type { Lang } from '../shared/domain'
import { catalogues, type Catalogue } from '../shared/i18n'

/** Menu and dialog text of the Electron shell: the `menu` section of the catalogue (src/shared/i18n). */
export function strings(lang: Lang): Catalogue['menu'] {
  return catalogues[lang].menu
}

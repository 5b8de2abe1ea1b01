import type { Lang } from '../domain'
import type { Catalogue } from './catalogue'
import { en } from './en'
import { ko } from './ko'

export type { Catalogue }
export { josa, particle } from './particles'

/** Every user-visible text of Factdesk, one catalogue per language (docs/localisation.md). */
export const catalogues: Record<Lang, Catalogue> = { en, ko }

export function catalogue(lang: Lang): Catalogue {
  return catalogues[lang]
}

/** One part of the catalogue in every language, for a component's own table: perLang((c) => c.desk.readOnly). */
export function perLang<T>(pick: (c: Catalogue) => T): Record<Lang, T> {
  return { en: pick(catalogues.en), ko: pick(catalogues.ko) }
}

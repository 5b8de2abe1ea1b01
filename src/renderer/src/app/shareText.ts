import { perLang, type Catalogue } from '../../../shared/i18n'
import { useI18n } from '../i18n'

/** The words of live co-review (Share review…, the connection state, who is online): the catalogue's `share` section. */
type Words = Catalogue['share']
export const shareTexts = perLang((c) => c.share)

export function useShareText(): Words {
  return shareTexts[useI18n().lang]
}

/** Up to two letters for a reviewer's badge: initials of a Latin name, the given name's first syllable of a Hangul one. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (/^[\p{Script=Hangul}]+$/u.test(words[0]) && words.length === 1) return [...words[0]].slice(-2).join('')
  return words
    .slice(0, 2)
    .map((w) => [...w][0].toUpperCase())
    .join('')
}

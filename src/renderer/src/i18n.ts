import { createContext, useContext } from 'react'
import type { Lang, Status, Verdict } from '../../shared/domain'
import { verdictLabels } from '../../shared/verdicts'
import { DEFAULT_SCALE, verdictColor, verdictIds, verdictLabel, type VerdictScale } from '../../shared/scales'
import { catalogues, type Catalogue } from '../../shared/i18n'
import { setErrorLanguage } from './bridge'

/** The fields of a claim a search can match in (panel/searchMatch.ts). */
export type MatchField = 'quote' | 'note' | 'source' | 'reply' | 'tag'

export { verdictLabels }

/** The renderer's main texts: the `app` and `dialog` sections of the catalogue (src/shared/i18n). */
export type Dict = Catalogue['app'] & Catalogue['dialog']

export const dictionaries: Record<Lang, Dict> = {
  en: { ...catalogues.en.app, ...catalogues.en.dialog },
  ko: { ...catalogues.ko.app, ...catalogues.ko.dialog },
}

export interface I18n {
  lang: Lang
  t: Dict
  /** The label of a verdict id on the review's scale (`scale`). */
  verdict: (v: Verdict) => string
  /** The review's verdict scale; the verdict ids a claim can have, 'unrated' first; a verdict's colour. */
  scale: VerdictScale
  verdictIds: string[]
  verdictColor: (v: Verdict) => string
  status: (s: Status) => string
  /** A refusal's text: CallError already carries it in the interface's language. */
  error: (code: string, detail: string) => string
  dateTime: (iso: string) => string
}

export function makeI18n(lang: Lang, scale: VerdictScale = DEFAULT_SCALE): I18n {
  setErrorLanguage(lang)
  // Made when a date is first shown, not as the page opens: the first formatter loads the locale's
  // calendar data (20–30 ms), and no date shows until a claim, a notice or a conflict is opened.
  let fmt: Intl.DateTimeFormat | null = null
  return {
    lang,
    t: dictionaries[lang],
    verdict: (v) => verdictLabel(scale, v, lang),
    scale,
    verdictIds: verdictIds(scale),
    verdictColor: (v) => verdictColor(scale, v),
    status: (s) => catalogues[lang].status[s],
    error: (_code, detail) => detail,
    dateTime: (iso) =>
      (fmt ??= new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })).format(new Date(iso)),
  }
}

export const I18nContext = createContext<I18n>(makeI18n('ko'))

export function useI18n(): I18n {
  return useContext(I18nContext)
}

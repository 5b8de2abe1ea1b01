import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import { langs, LIMITS, type Lang, type Prefs } from '../../shared/domain'
import { DEFAULT_SCALE_ID, ESSAY_FONT_SIZE, essayFontSizeSchema, panelWidthSchema, reviewerNameSchema, scaleIdSchema } from '../../shared/prefs'

/** What the shell must choose (name and language); the rest has defaults. */
export type PrefsDefaults = Pick<Prefs, 'reviewerName' | 'lang'> & Partial<Prefs>

const BUILT_IN: Omit<Prefs, 'reviewerName' | 'lang'> = {
  essayFontSize: ESSAY_FONT_SIZE.default,
  defaultScale: DEFAULT_SCALE_ID,
}

/**
 * The reviewer's own preferences (not part of any review file): a small JSON file in the user's
 * data folder, written whole and renamed into place so a crash never leaves half a file.
 */
export class PrefsStore {
  private prefs: Prefs

  constructor(
    private readonly path: string | null,
    defaults: PrefsDefaults,
    /** A language forced from the command line or environment wins over the saved one for this run. */
    private readonly forcedLang?: Lang,
  ) {
    this.prefs = { ...BUILT_IN, ...defaults, ...(path ? readPrefs(path) : {}) }
    if (forcedLang) this.prefs.lang = forcedLang
  }

  get(): Prefs {
    return { ...this.prefs }
  }

  set(input: Partial<Prefs>): Prefs {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<Prefs>
    if (patch.essayFontSize !== undefined) patch.essayFontSize = essayFontSizeSchema.parse(patch.essayFontSize)
    if (patch.defaultScale !== undefined) patch.defaultScale = scaleIdSchema.parse(patch.defaultScale)
    if (patch.panelWidth !== undefined) patch.panelWidth = panelWidthSchema.parse(patch.panelWidth)
    if (patch.reviewerName !== undefined) patch.reviewerName = reviewerNameSchema.parse(patch.reviewerName)
    this.prefs = { ...this.prefs, ...patch }
    if (this.path) {
      mkdirSync(dirname(this.path), { recursive: true })
      const saved = this.forcedLang && !patch.lang ? { ...readPrefs(this.path), ...patch } : this.prefs
      const tmp = `${this.path}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(saved, null, 2))
      renameSync(tmp, this.path)
    }
    return this.get()
  }
}

function readPrefs(path: string): Partial<Prefs> {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return {}
  }
  const out: Partial<Prefs> = {}
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>
    if (typeof r.reviewerName === 'string') out.reviewerName = r.reviewerName.slice(0, LIMITS.reviewerName)
    if (langs.includes(r.lang as Lang)) out.lang = r.lang as Lang
    // A hand-edited or older file may hold anything: only valid values are taken, the rest keeps its default.
    const size = essayFontSizeSchema.safeParse(r.essayFontSize)
    if (size.success) out.essayFontSize = size.data
    const scale = scaleIdSchema.safeParse(r.defaultScale)
    if (scale.success) out.defaultScale = scale.data
    const width = panelWidthSchema.safeParse(r.panelWidth)
    if (width.success) out.panelWidth = width.data
  }
  return out
}

/** The language a run starts in: forced (flag or environment), else Korean where the OS locale is Korean. */
export function resolveLang(opts: { flag?: string; env?: string; osLocale?: string }): {
  lang: Lang
  forced: boolean
} {
  for (const v of [opts.flag, opts.env]) {
    if (v && langs.includes(v as Lang)) return { lang: v as Lang, forced: true }
  }
  return { lang: opts.osLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en', forced: false }
}

/**
 * The computer's login name, offered (editable) as the reviewer name in the first-run dialog; '' where
 * the system has none. Never used without the reviewer confirming it.
 */
export function loginName(): string {
  try {
    return userInfo().username.trim().slice(0, LIMITS.reviewerName)
  } catch {
    return ''
  }
}

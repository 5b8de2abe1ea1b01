import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import { langs, LIMITS, type Lang, type Prefs } from '../../shared/domain'
import { DEFAULT_SCALE_ID, ESSAY_FONT_SIZE, prefsPatchSchema } from '../../shared/prefs'

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
    // The same schema as the prefs-set call: the store checks too, whoever calls it.
    const parsed = prefsPatchSchema.parse(input)
    const patch = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Partial<Prefs>
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
    // A hand-edited or older file may hold anything: only valid values are taken, the rest keeps its default.
    for (const [key, schema] of Object.entries(prefsPatchSchema.shape)) {
      const value = r[key]
      // An over-long name is cut to the limit rather than dropped.
      const parsed = schema.safeParse(
        key === 'reviewerName' && typeof value === 'string' ? value.slice(0, LIMITS.reviewerName) : value,
      )
      if (parsed.success && parsed.data !== undefined) Object.assign(out, { [key]: parsed.data })
    }
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

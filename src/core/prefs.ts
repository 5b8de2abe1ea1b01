import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { langs, LIMITS, type Lang, type Prefs } from '../shared/domain'

/**
 * The reviewer's own preferences (not part of any review file): a small JSON file in the user's
 * data folder, written whole and renamed into place so a crash never leaves half a file.
 */
export class PrefsStore {
  private prefs: Prefs

  constructor(
    private readonly path: string | null,
    defaults: Prefs,
    /** A language forced from the command line or environment wins over the saved one for this run. */
    private readonly forcedLang?: Lang,
  ) {
    this.prefs = { ...defaults, ...(path ? readPrefs(path) : {}) }
    if (forcedLang) this.prefs.lang = forcedLang
  }

  get(): Prefs {
    return { ...this.prefs }
  }

  set(patch: Partial<Prefs>): Prefs {
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

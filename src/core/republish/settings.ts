import { blockText, type Block } from '../../shared/essay'
import { isoDateSchema } from '../../shared/domain'
import { republishSettingKeys, type RepublishSettings, type RepublishSettingsPatch } from '../../shared/republish'
import type { ReviewStore } from '../review/store'
import { all } from '../db/query'

type Key = keyof RepublishSettings
const fields = Object.keys(republishSettingKeys) as Key[]

function stored(store: ReviewStore): Map<string, string> {
  const rows = all<{ key: string; value: string }>(
    store.db,
    `SELECT key, value FROM setting WHERE key IN (${fields.map(() => '?').join(', ')})`,
    ...fields.map((f) => republishSettingKeys[f]),
  )
  return new Map(rows.map((r) => [r.key, r.value]))
}

/** What the essay itself says: its source URL and its author line (the defaults of the essay fields). */
function essayDefaults(store: ReviewStore): Pick<RepublishSettings, 'essayUrl' | 'essayAuthor'> {
  const row = store.db.prepare(`SELECT source_url FROM document LIMIT 1`).get() as { source_url: string } | undefined
  // SQLite finds the one block without the whole essay being parsed here.
  const found = store.db
    .prepare(
      `SELECT b.value FROM document d, json_each(d.blocks_json) b WHERE json_extract(b.value, '$.kind') = 'author' LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined
  const author = found === undefined ? undefined : (JSON.parse(found) as Block)
  return { essayUrl: row?.source_url ?? '', essayAuthor: author ? blockText(author).trim() : '' }
}

/**
 * The essay's address alone, as `readSettings` gives it (the setting, else the document's source): the
 * other defaults read the essay's blocks, which an export of every claim need not parse.
 */
export function readEssayUrl(store: ReviewStore): string {
  const set = store.db.prepare(`SELECT value FROM setting WHERE key = ?`).pluck().get(republishSettingKeys.essayUrl) as
    string | undefined
  if (set) return set
  const row = store.db.prepare(`SELECT source_url FROM document LIMIT 1`).get() as { source_url: string } | undefined
  return row?.source_url ?? ''
}

/** The review's settings for republication; an essay field not set falls back to what the essay says. */
export function readSettings(store: ReviewStore): RepublishSettings {
  const values = stored(store)
  const defaults = essayDefaults(store)
  const get = (f: Key): string => values.get(republishSettingKeys[f]) ?? ''
  return {
    organisationName: get('organisationName'),
    organisationUrl: get('organisationUrl'),
    factcheckUrl: get('factcheckUrl'),
    essayUrl: get('essayUrl') || defaults.essayUrl,
    essayAuthor: get('essayAuthor') || defaults.essayAuthor,
    essayPublished: get('essayPublished'),
  }
}

/** Saves the given fields in one transaction; '' removes a field so its default applies again. */
export function writeSettings(store: ReviewStore, patch: RepublishSettingsPatch): RepublishSettings {
  const set = store.db.prepare(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  )
  const clear = store.db.prepare(`DELETE FROM setting WHERE key = ?`)
  store.db
    .transaction(() => {
      for (const f of fields) {
        const value = patch[f]
        if (value === undefined) continue
        if (value === '') clear.run(republishSettingKeys[f])
        else set.run(republishSettingKeys[f], value)
      }
    })
    .immediate()
  return readSettings(store)
}

/** A review made from an essay file remembers the file's `published` date (front matter) as a setting. */
export function rememberPublished(store: ReviewStore, published: string | undefined): void {
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(published?.trim() ?? '')?.[1]
  if (!date || !isoDateSchema.safeParse(date).success) return
  store.db
    .prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`)
    .run(republishSettingKeys.essayPublished, date)
}

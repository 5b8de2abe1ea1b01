import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { migrations } from '../db/migrations'
import { all } from '../db/query'

/**
 * "Until the next change": the states an import leaves and finds, for "Undo import" (./importUndo.ts).
 *
 * A state is the review's content version (`version:N`, the `review_version` row): triggers in the
 * review file (migration step 10) give it a value never used before on every insert, update or delete
 * of a content table, whoever writes, so comparing one number tells what hashing every row told. The
 * schema check refuses a file whose triggers were removed or changed (src/core/db/reviewSchema.ts).
 * An import and its undo move it once for all their rows (src/core/db/contentVersion.ts).
 * Undoing an import gives the version back its "before", so the import made just before it (nothing
 * changed in between) is offered next; the next change then takes a value above every one given.
 *
 * Imports made before the version existed recorded a hash of every content row (`sha256:…`); such a
 * state is still compared by hashing (`stateHash`), so their undo stays available until the next change.
 */

export interface TableShape {
  name: string
  columns: string[]
  /** Primary key columns; empty: the rowid. */
  key: string[]
  rowid: boolean
}

/** Tables that say what happened to imports (or what a team server has) rather than what the review holds. */
const OUTSIDE_STATE = new Set(['import_log', 'import_undo', 'sync_pushed', 'notice_seen', 'review_version'])

/**
 * The tables our migrations create (a table someone else added to a file is not ours to hash or
 * restore); their columns are read from the file, so a column a later step adds is covered.
 */
const OWN_TABLES = new Set(
  migrations.flatMap((step) => [...step.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/g)].map((m) => m[1])),
)

export const q = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** The review's content tables, as the file has them (the search index, a virtual table, is not one). */
export function contentTables(db: Database.Database): TableShape[] {
  const tables = all<{ name: string; wr: number }>(
    db,
    `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
  )
  return tables
    .filter((t) => OWN_TABLES.has(t.name) && !OUTSIDE_STATE.has(t.name))
    .map((t) => {
      const info = all<{ name: string; pk: number }>(
        db,
        `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`,
        t.name,
      )
      const key = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
      return { name: t.name, columns: info.map((c) => c.name), key, rowid: t.wr === 0 }
    })
}

export const keyExpr = (t: TableShape): string[] => (t.key.length > 0 ? t.key.map(q) : ['rowid'])

const VERSION_PREFIX = 'version:'
const isVersion = (state: string): boolean => state.startsWith(VERSION_PREFIX)

/** The content version now, as an import records it. */
export function currentVersion(db: Database.Database): string {
  const n = db.prepare(`SELECT current FROM review_version WHERE id = 1`).pluck().get() as number | bigint
  return `${VERSION_PREFIX}${n}`
}

/** Puts the content version back to a state an import recorded (undo), or leaves it where it is (a hash). */
export function restoreVersion(db: Database.Database, state: string): void {
  if (!isVersion(state)) return
  const n = BigInt(state.slice(VERSION_PREFIX.length))
  db.prepare(`UPDATE review_version SET current = ? WHERE id = 1`).run(n)
}

/** Whether the review is now in `state` (an import's "after"). */
export function isCurrentState(db: Database.Database, state: string): boolean {
  return isVersion(state) ? state === currentVersion(db) : state === stateHash(db)
}

const cache = new WeakMap<Database.Database, { stamp: string; hash: string }>()

/**
 * Cached until this connection changes a row or another one commits (`total_changes()` and
 * `PRAGMA data_version`), so reading the import log does not rehash each time.
 */
const stampOf = (db: Database.Database): string =>
  `${db.pragma('data_version', { simple: true }) as number}:${db.prepare(`SELECT total_changes()`).pluck().get() as number}`

/** A hash of every content row: the state imports recorded before the content version existed. */
export function stateHash(db: Database.Database): string {
  const stamp = stampOf(db)
  const hit = cache.get(db)
  if (hit && hit.stamp === stamp) return hit.hash
  const h = createHash('sha256')
  for (const t of contentTables(db)) {
    h.update(JSON.stringify([t.name, t.columns]))
    const rows = db
      .prepare(`SELECT ${t.columns.map(q).join(', ')} FROM ${q(t.name)} ORDER BY ${keyExpr(t).join(', ')}`)
      .raw()
      .iterate()
    // The same bytes as one update per row, in fewer calls; a replacer only where a row needs one
    // (JSON.stringify throws on a bigint), since calling it for every value costs more than the hash.
    let chunk: string[] = []
    for (const row of rows) {
      let json: string
      try {
        json = JSON.stringify(row)
      } catch {
        json = JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
      }
      chunk.push(json)
      if (chunk.length === 512) {
        h.update(chunk.join(''))
        chunk = []
      }
    }
    if (chunk.length > 0) h.update(chunk.join(''))
  }
  const hash = 'sha256:' + h.digest('hex')
  // Inside a transaction the rows may still be rolled back, and the stamp would not tell.
  if (!db.inTransaction) cache.set(db, { stamp, hash })
  return hash
}

interface LogRow {
  id: string
  before_state: string
  after_state: string
}

/**
 * The imports that can be undone now, the next one first (each one's "after" is the state the one
 * before it left), with the state the first of them left: what a new import records as its "before".
 */
export function undoChain(db: Database.Database): { ids: string[]; now: string } {
  const rows = all<LogRow>(
    db,
    `SELECT id, before_state, after_state FROM import_log WHERE undone = '' AND after_state != '' ORDER BY rowid DESC`,
  )
  const ids: string[] = []
  const first = rows[0]
  if (!first || !isCurrentState(db, first.after_state)) return { ids, now: currentVersion(db) }
  let state = first.after_state
  for (const r of rows) {
    if (r.after_state !== state) break
    ids.push(r.id)
    state = r.before_state
  }
  return { ids, now: first.after_state }
}

/** The imports that can be undone now, the next one first. */
export function undoableImports(db: Database.Database): string[] {
  return undoChain(db).ids
}

import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { FactdeskError } from '../../shared/errors'
import { migrations } from '../db/migrations'
import { all, value } from '../db/query'

/**
 * Undo import: the review exactly as it was before an import.
 *
 * While an import's one transaction runs, TEMP triggers (made by this connection, on the review's own
 * tables, dropped before it commits) copy the pre-image of every row it inserts, updates or deletes
 * into `temp.import_capture`; the rows are then kept in `import_undo`. Undo replays them newest first
 * in one transaction, with table and column names taken from the live schema and values bound as
 * parameters: a review file may come from anyone, so nothing stored in it is ever run as SQL.
 *
 * Capturing rows rather than re-deriving the merge means every table an import writes (claims,
 * sources, corrections, replies, tags, tag colours, history, conflicts, versions seen, settings,
 * dismissed suggestions, the essay, whatever comes next) is covered without a list to keep up to date.
 *
 * "Until the next change" is a hash of every content table (`stateHash`): the import stores the hash
 * before and after it, and an import can be undone only while the review's hash is still its "after".
 * No writer can slip past that (any write by any code or tool changes the hash), and undoing one import
 * gives back its "before", so the import made just before it (nothing changed in between) is offered
 * next. After the replay the hash must equal "before" or the undo rolls back: it is exact or nothing.
 * The import log row stays, marked undone. The search index is a cache outside the hash: the
 * search's own triggers see the replayed rows and re-index those claims.
 */

interface TableShape {
  name: string
  columns: string[]
  /** Primary key columns; empty: the rowid. */
  key: string[]
  rowid: boolean
}

/** Tables that say what happened to imports (or what a team server has) rather than what the review holds. */
const OUTSIDE_STATE = new Set(['import_log', 'import_undo', 'sync_pushed', 'notice_seen'])

/**
 * The tables our migrations create (a table someone else added to a file is not ours to hash or
 * restore); their columns are read from the file, so a column a later step adds is covered.
 */
const OWN_TABLES = new Set(
  migrations.flatMap((step) => [...step.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/g)].map((m) => m[1])),
)

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`

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

const keyExpr = (t: TableShape): string[] => (t.key.length > 0 ? t.key.map(q) : ['rowid'])

const cache = new WeakMap<Database.Database, { stamp: string; hash: string }>()

/**
 * A hash of every content row. Cached until this connection changes a row or another one commits
 * (`total_changes()` and `PRAGMA data_version`), so reading the import log does not rehash each time.
 */
const stampOf = (db: Database.Database): string =>
  `${db.pragma('data_version', { simple: true }) as number}:${db.prepare(`SELECT total_changes()`).pluck().get() as number}`

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

function installCapture(db: Database.Database, tables: TableShape[]): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_capture (
    seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key_json TEXT NOT NULL, before_json TEXT)`)
  tables.forEach((t, i) => {
    const key = (side: string) =>
      `json_array(${keyExpr(t)
        .map((k) => `${side}.${k}`)
        .join(', ')})`
    const image = `json_object(${[...(t.rowid ? ['rowid'] : []), ...t.columns]
      .map((c) => `'${c.replaceAll("'", "''")}', OLD.${c === 'rowid' ? 'rowid' : q(c)}`)
      .join(', ')})`
    const name = `'${t.name.replaceAll("'", "''")}'`
    db.exec(`
      CREATE TEMP TRIGGER import_capture_${i}_i AFTER INSERT ON main.${q(t.name)} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'insert', ${key('NEW')}, NULL); END;
      CREATE TEMP TRIGGER import_capture_${i}_u AFTER UPDATE ON main.${q(t.name)} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'update', ${key('NEW')}, ${image}); END;
      CREATE TEMP TRIGGER import_capture_${i}_d AFTER DELETE ON main.${q(t.name)} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'delete', ${key('OLD')}, ${image}); END;`)
  })
}

function dropCapture(db: Database.Database, count: number): void {
  for (let i = 0; i < count; i++) {
    for (const s of ['i', 'u', 'd']) db.exec(`DROP TRIGGER IF EXISTS temp.import_capture_${i}_${s}`)
  }
}

interface LogRow {
  id: string
  before_state: string
  after_state: string
}

/** The imports that can be undone now, the next one first: each one's "after" is the state the one before it left. */
export function undoableImports(db: Database.Database, current: string = stateHash(db)): string[] {
  const rows = all<LogRow>(
    db,
    `SELECT id, before_state, after_state FROM import_log WHERE undone = '' AND after_state != '' ORDER BY rowid DESC`,
  )
  const chain: string[] = []
  let state = current
  for (const r of rows) {
    if (r.after_state !== state) break
    chain.push(r.id)
    state = r.before_state
  }
  return chain
}

/**
 * Runs an import (`run` writes the review and adds its import_log row) with its pre-images captured.
 * Returns what `run` returned and the id of the import's log row.
 */
export function capturingImport<T>(db: Database.Database, run: () => T): { result: T; importId: string } {
  const tables = contentTables(db)
  const recursive = db.pragma('recursive_triggers', { simple: true }) as number
  // INSERT OR REPLACE removes the row it replaces; only with recursive triggers on do delete triggers see that.
  db.pragma('recursive_triggers = ON')
  try {
    let after = ''
    const done = db
      .transaction(() => {
        const before = stateHash(db)
        const reachable = undoableImports(db, before)
        installCapture(db, tables)
        const result = run()
        const importId = value<string>(db, `SELECT id FROM import_log ORDER BY rowid DESC LIMIT 1`)!
        dropCapture(db, tables.length)
        // Pre-images no undo can reach any more (a change came after their import) are let go.
        db.prepare(`DELETE FROM import_undo WHERE import_id NOT IN (SELECT value FROM json_each(?))`).run(
          JSON.stringify(reachable),
        )
        db.prepare(
          `INSERT INTO import_undo (import_id, seq, tbl, op, key_json, before_json) SELECT ?, seq, tbl, op, key_json, before_json FROM temp.import_capture`,
        ).run(importId)
        db.exec(`DROP TABLE IF EXISTS temp.import_capture`)
        // The logged summary names its import too, as the one the caller gets does.
        db.prepare(`UPDATE import_log SET summary_json = json_set(summary_json, '$.importId', id) WHERE id = ?`).run(
          importId,
        )
        after = stateHash(db)
        db.prepare(`UPDATE import_log SET before_state = ?, after_state = ? WHERE id = ?`).run(before, after, importId)
        return { result, importId }
      })
      .immediate()
    // Committed: the review is in its "after" state (the log and the pre-images are outside it), so
    // the next look at it (Undo import offered, the next import's "before") need not hash it again.
    cache.set(db, { stamp: stampOf(db), hash: after })
    return done
  } finally {
    dropCapture(db, tables.length)
    db.exec(`DROP TABLE IF EXISTS temp.import_capture`)
    db.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`)
  }
}

interface UndoRow {
  tbl: string
  op: 'insert' | 'update' | 'delete'
  key_json: string
  before_json: string | null
}

/** Takes an import back (the latest one that can be, or the given one if it is that one). */
export function undoImport(db: Database.Database, importId: string | undefined, actor: string): string {
  return db
    .transaction(() => {
      const log = db.prepare(`SELECT id, file_name, before_state, undone FROM import_log WHERE id = ?`)
      const next = undoableImports(db)[0]
      const id = importId ?? next
      if (id === undefined) throw new FactdeskError('undo-import-nothing')
      const row = log.get(id) as { id: string; file_name: string; before_state: string; undone: string } | undefined
      if (!row) throw new FactdeskError('import-not-found', { id })
      if (row.undone) throw new FactdeskError('undo-import-done', { file: row.file_name })
      if (id !== next) {
        throw new FactdeskError('undo-import-stale', { file: row.file_name })
      }
      replay(
        db,
        all<UndoRow>(
          db,
          `SELECT tbl, op, key_json, before_json FROM import_undo WHERE import_id = ? ORDER BY seq DESC`,
          id,
        ),
      )
      if (stateHash(db) !== row.before_state) {
        throw new FactdeskError('undo-import-inexact', { file: row.file_name })
      }
      db.prepare(`UPDATE import_log SET undone = ?, undone_by = ? WHERE id = ?`).run(
        new Date().toISOString(),
        actor,
        id,
      )
      db.prepare(`DELETE FROM import_undo WHERE import_id = ?`).run(id)
      return id
    })
    .immediate()
}

function replay(db: Database.Database, rows: UndoRow[]): void {
  // Rows come back in reverse order, so a claim may briefly be restored before its sources point at it.
  db.pragma('defer_foreign_keys = ON')
  const shapes = new Map(contentTables(db).map((t) => [t.name, t]))
  for (const r of rows) {
    const t = shapes.get(r.tbl)
    const key = JSON.parse(r.key_json) as unknown[]
    if (!t || !Array.isArray(key) || key.length !== keyExpr(t).length) {
      throw new FactdeskError('undo-import-tables')
    }
    const where = keyExpr(t)
      .map((k) => `${k} = ?`)
      .join(' AND ')
    if (r.op === 'insert') {
      db.prepare(`DELETE FROM ${q(t.name)} WHERE ${where}`).run(...(key as never[]))
      continue
    }
    const before = JSON.parse(r.before_json ?? 'null') as Record<string, unknown> | null
    if (!before || t.columns.some((c) => !(c in before))) {
      throw new FactdeskError('undo-import-tables')
    }
    const values = t.columns.map((c) => before[c]) as never[]
    if (r.op === 'update') {
      db.prepare(`UPDATE ${q(t.name)} SET ${t.columns.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`).run(
        ...values,
        ...(key as never[]),
      )
    } else {
      const cols = [...(t.rowid ? ['rowid'] : []), ...t.columns.map(q)]
      const vals = [...(t.rowid ? [before.rowid] : []), ...values] as never[]
      db.prepare(`INSERT INTO ${q(t.name)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...vals,
      )
    }
  }
}

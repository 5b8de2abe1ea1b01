import type Database from 'better-sqlite3'
import { onceForAll } from '../db/contentVersion'
import type { AddedAbove } from './importReplay'
import { value } from '../db/query'
import { contentTables, currentVersion, keyExpr, q, undoChain, type TableShape } from './importState'

export { contentTables, stateHash, undoableImports } from './importState'
export { undoImport } from './importReplay'

/**
 * Undo import: the review exactly as it was before an import.
 *
 * While an import's one transaction runs, TEMP triggers (made by this connection, on the review's own
 * tables, dropped before it commits) copy the pre-image of every row it updates or deletes into
 * `temp.import_capture`: an update's, the columns it changed with their values before (`updateImage`);
 * a deleted row's, every column. The rows it adds are found afterwards, above where each table's rows
 * ended (Watch, below). Both are then kept in `import_undo`. Undo replays them newest first in one
 * transaction, with table and column names taken from the live schema and values bound as parameters:
 * a review file may come from anyone, so nothing stored in it is ever run as SQL (./importReplay.ts).
 *
 * Capturing rows rather than re-deriving the merge means every table an import writes (claims,
 * sources, corrections, replies, tags, tag colours, history, conflicts, versions seen, settings,
 * dismissed suggestions, the essay, whatever comes next) is covered without a list to keep up to date.
 *
 * "Until the next change" is the review's content version (./importState.ts): the import stores the
 * version before and after it, and an import can be undone only while the review is still at its
 * "after". No writer can slip past that (any write to a content table by any code or tool gives the
 * review a new version), and undoing one import gives back its "before", so the import made just
 * before it (nothing changed in between) is offered next. The import log row stays, marked undone.
 * The search index is a cache outside the state: the search's own triggers see the replayed rows and
 * re-index those claims.
 */

/**
 * Where each table's own rows end when an import starts. A table that keeps rowids gives a new row the
 * next rowid above its largest, so every row above `mark` when the import ends is one it added: those
 * need no pre-image and no trigger (for a first import, nearly all of its ≈ 50,000 rows). Only a row at
 * or below the mark is captured as before: one the import inserted there (a rowid freed by a row it
 * deleted, taken again) or one that was there before it and is changed or deleted. A table without
 * rowids is watched whole; a table that was empty needs no trigger at all (all it holds afterwards
 * was added). No content table has an integer primary key, so no write moves a row's rowid.
 */
interface Watch {
  table: TableShape
  /**
   * Rows above it are the import's; 'empty': every row is (the table had none); null: every row's insert
   * is captured (a table without rowids that had rows).
   */
  mark: number | 'empty' | null
}

function watchTables(db: Database.Database, tables: TableShape[]): Watch[] {
  return tables.map((table) => {
    const from = `FROM main.${q(table.name)}`
    if (!db.prepare(`SELECT 1 ${from} LIMIT 1`).get()) return { table, mark: 'empty' }
    if (!table.rowid) return { table, mark: null }
    const max = db.prepare(`SELECT max(rowid) ${from}`).pluck().safeIntegers().get() as bigint
    // Rowids past 2^53 (only ever given on purpose) would not survive JSON: such a table is watched whole.
    const safe = max <= BigInt(Number.MAX_SAFE_INTEGER) && max >= BigInt(Number.MIN_SAFE_INTEGER)
    return { table, mark: safe ? Number(max) : null }
  })
}

/**
 * The columns an update changed, with their values before, as a JSON object. A merge's update sets
 * every column of a row and changes a few (a verdict, a note, the version): the rest of the row (its
 * quote and context) need not be copied, kept and written with the file's commit, and undo restores
 * the same row either way.
 */
function updateImage(t: TableShape): string {
  const pairs = t.columns.map((c) => {
    const name = `'${JSON.stringify(c).replaceAll("'", "''")}:'`
    return `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} COLLATE BINARY THEN ${name} || json_quote(OLD.${q(c)}) END`
  })
  // Compared byte for byte, whatever a column's collation; concat_ws leaves out the NULLs (unchanged).
  return `'{' || concat_ws(',', ${pairs.join(', ')}) || '}'`
}

function installCapture(db: Database.Database, watches: Watch[]): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_capture (
    seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key_json TEXT NOT NULL, before_json TEXT)`)
  watches.forEach(({ table: t, mark }, i) => {
    // Nothing was there: nothing to keep but that all there is afterwards is the import's.
    if (mark === 'empty') return
    const key = (side: string) =>
      `json_array(${keyExpr(t)
        .map((k) => `${side}.${k}`)
        .join(', ')})`
    const image = `json_object(${[...(t.rowid ? ['rowid'] : []), ...t.columns]
      .map((c) => `'${c.replaceAll("'", "''")}', OLD.${c === 'rowid' ? 'rowid' : q(c)}`)
      .join(', ')})`
    const name = `'${t.name.replaceAll("'", "''")}'`
    const below = (side: string) => (mark === null ? '' : `WHEN ${side}.rowid <= ${mark}`)
    db.exec(`
      CREATE TEMP TRIGGER import_capture_${i}_i AFTER INSERT ON main.${q(t.name)} ${below('NEW')} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'insert', ${key('NEW')}, NULL); END;
      CREATE TEMP TRIGGER import_capture_${i}_u AFTER UPDATE ON main.${q(t.name)} ${below('OLD')} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'update', ${key('NEW')}, ${updateImage(t)}); END;
      CREATE TEMP TRIGGER import_capture_${i}_d AFTER DELETE ON main.${q(t.name)} ${below('OLD')} BEGIN
        INSERT INTO temp.import_capture (tbl, op, key_json, before_json) VALUES (${name}, 'delete', ${key('OLD')}, ${image}); END;`)
  })
}

function dropCapture(db: Database.Database, count: number): void {
  for (let i = 0; i < count; i++) {
    for (const s of ['i', 'u', 'd']) db.exec(`DROP TRIGGER IF EXISTS temp.import_capture_${i}_${s}`)
  }
}

/**
 * Rows the import brought that did not exist before it are kept as one row per table: where they begin
 * (AddedAbove) for the rows above its mark, and a list of their keys, `[key, key, …]`, for the captured
 * inserts never deleted or changed while it ran. A row's own key is never an array or an object, so
 * the forms cannot be confused. Their seq follows every captured one, so undo removes them first: a
 * restored row then never meets one of them (a table whose rows keep their rowid may have given a new
 * row the rowid of one the import deleted), and an update of a removed row finds nothing to change.
 */
// A key changed in any table is left row by row (safe, and rare): matching on the key alone keeps this
// a quick lookup, where SQLite answers (tbl, key) NOT IN … GROUP BY by rescanning (≈ 1.5 s on a merge).
const NEW_ROW = `c.op = 'insert' AND c.key_json NOT IN (SELECT key_json FROM temp.import_capture WHERE op <> 'insert')`

function keepCapture(db: Database.Database, importId: string, watches: Watch[]): void {
  db.prepare(
    `INSERT INTO import_undo (import_id, seq, tbl, op, key_json, before_json)
     SELECT ?, seq, tbl, op, key_json, before_json FROM temp.import_capture c WHERE NOT (${NEW_ROW})`,
  ).run(importId)
  let seq = db.prepare(`SELECT coalesce(max(seq), 0) FROM temp.import_capture`).pluck().get() as number
  const keep = db.prepare(
    `INSERT INTO import_undo (import_id, seq, tbl, op, key_json, before_json) VALUES (?, ?, ?, 'insert', ?, NULL)`,
  )
  const captured = new Map(
    db
      .prepare(`SELECT tbl, group_concat(key_json) FROM temp.import_capture c WHERE ${NEW_ROW} GROUP BY tbl`)
      .raw()
      .all() as [string, string][],
  )
  for (const { table: t, mark } of watches) {
    // A table with a mark may also have taken a freed rowid at or below it: those inserts were captured.
    const keys = captured.get(t.name)
    if (keys !== undefined) keep.run(importId, ++seq, t.name, `[${keys}]`)
    if (mark === null) continue
    const above = mark === 'empty' ? '' : ` WHERE rowid > ${mark}`
    if (!db.prepare(`SELECT 1 FROM main.${q(t.name)}${above} LIMIT 1`).get()) continue
    // The rows above the mark are exactly the ones added while the review is still at the import's
    // "after" (undo asks for that), so the mark is kept rather than their keys (see AddedAbove).
    const added: AddedAbove = mark === 'empty' ? { allRows: true } : { rowidAbove: mark }
    keep.run(importId, ++seq, t.name, JSON.stringify(added))
  }
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
    return db
      .transaction(() => {
        const { ids: reachable, now: before } = undoChain(db)
        const watches = watchTables(db, tables)
        installCapture(db, watches)
        const result = onceForAll(db, run)
        const importId = value<string>(db, `SELECT id FROM import_log ORDER BY rowid DESC LIMIT 1`)!
        dropCapture(db, tables.length)
        // Pre-images no undo can reach any more (a change came after their import) are let go.
        db.prepare(`DELETE FROM import_undo WHERE import_id NOT IN (SELECT value FROM json_each(?))`).run(
          JSON.stringify(reachable),
        )
        keepCapture(db, importId, watches)
        db.exec(`DROP TABLE IF EXISTS temp.import_capture`)
        // The logged summary names its import too, as the one the caller gets does.
        db.prepare(`UPDATE import_log SET summary_json = json_set(summary_json, '$.importId', id) WHERE id = ?`).run(
          importId,
        )
        db.prepare(`UPDATE import_log SET before_state = ?, after_state = ? WHERE id = ?`).run(
          before,
          currentVersion(db),
          importId,
        )
        return { result, importId }
      })
      .immediate()
  } finally {
    dropCapture(db, tables.length)
    db.exec(`DROP TABLE IF EXISTS temp.import_capture`)
    db.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`)
  }
}

import type Database from 'better-sqlite3'
import type { ReviewStore } from '../review/store'
import type { Kind } from './records'
import { entryEventId } from '../db/migrations'

/**
 * Which records of the review file changed, without reading the whole file each time (as the search
 * index does, src/core/search/search.ts): TEMP triggers of the sharing connection append the key of
 * every record written (`kind:key`, present = 1) and of every record replaced or removed (present = 0)
 * to `temp.sync_changed`, in the same transaction as the change, so a rolled-back change leaves no
 * trace. The client drains the table on each look; a write by another connection (data_version) or a
 * fresh start still compares the whole file (records.ts localKeys).
 */
export const RECORD_TABLES: readonly {
  kind: Kind
  table: string
  column: string
  entity: string
  /** Where the records are read, when more than `table` holds them. */
  view?: string
}[] = [
  { kind: 'claims', table: 'claim', column: 'version', entity: 'id' },
  { kind: 'sources', table: 'source', column: 'version', entity: 'id' },
  { kind: 'replies', table: 'reply', column: 'version', entity: 'id' },
  { kind: 'tags', table: 'claim_tag', column: 'version', entity: 'id' },
  { kind: 'corrections', table: 'correction', column: 'version', entity: 'id' },
  { kind: 'events', table: 'event', column: 'id', entity: 'id', view: 'claim_event' },
  { kind: 'tagStyles', table: 'tag_style', column: 'name', entity: 'name' },
  { kind: 'dismissed', table: 'dismissed_suggestion', column: 'key', entity: 'key' },
  { kind: 'workflow', table: 'claim_workflow', column: 'version', entity: 'claim_id' },
]

// An import's claims' history entries are an import_entry row and a row per claim
// (src/core/review/history.ts); an entry's id needs both, so whichever is removed first notes it.
const ENTRY_TRIGGERS = ['sync_import_entry_claim_i', 'sync_import_entry_claim_d', 'sync_import_entry_d']
const triggerNames = [
  ...RECORD_TABLES.flatMap(({ table }) => ['i', 'u', 'd'].map((op) => `sync_${table}_${op}`)),
  ...ENTRY_TRIGGERS,
]

/** A look runs many times a second: its statements are prepared once per watch. */
interface Look {
  select: Database.Statement
  forget: Database.Statement
  dataVersion: Database.Statement
}
const looks = new WeakMap<Database.Database, Look>()

/** Starts noting the records this connection writes (idempotent). */
export function watchRecords(db: Database.Database): void {
  // No unique key on purpose: an outer statement's conflict clause (an upsert) would override a
  // trigger's OR IGNORE, so a key here could make someone else's write fail.
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS sync_changed (record TEXT NOT NULL, entity TEXT NOT NULL, present INTEGER NOT NULL)`,
  )
  for (const { kind, table, column, entity } of RECORD_TABLES) {
    const note = (side: string, present: number) =>
      `INSERT INTO temp.sync_changed (record, entity, present) VALUES ('${kind}:' || ${side}.${column}, ${side}.${entity}, ${present});`
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS sync_${table}_i AFTER INSERT ON main.${table} BEGIN ${note('NEW', 1)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS sync_${table}_u AFTER UPDATE OF ${column} ON main.${table}
        WHEN OLD.${column} IS NOT NEW.${column} BEGIN ${note('OLD', 0)} ${note('NEW', 1)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS sync_${table}_d AFTER DELETE ON main.${table} BEGIN ${note('OLD', 0)} END;`)
  }
  const entries = (from: string, present: number) =>
    `INSERT INTO temp.sync_changed (record, entity, present)
       SELECT 'events:' || ${entryEventId('e', 'c')}, ${entryEventId('e', 'c')}, ${present} ${from};`
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS ${ENTRY_TRIGGERS[0]} AFTER INSERT ON main.import_entry_claim BEGIN
      ${entries('FROM (SELECT NEW.place AS place) c, main.import_entry e WHERE e.id = NEW.entry', 1)} END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${ENTRY_TRIGGERS[1]} AFTER DELETE ON main.import_entry_claim BEGIN
      ${entries('FROM (SELECT OLD.place AS place) c, main.import_entry e WHERE e.id = OLD.entry', 0)} END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${ENTRY_TRIGGERS[2]} AFTER DELETE ON main.import_entry BEGIN
      ${entries('FROM main.import_entry_claim c, (SELECT OLD.id AS id, OLD.first_event AS first_event) e WHERE c.entry = OLD.id', 0)} END;`)
  looks.set(db, {
    select: db.prepare(`SELECT rowid, record, entity, present FROM temp.sync_changed ORDER BY rowid`),
    forget: db.prepare(`DELETE FROM temp.sync_changed WHERE rowid <= ?`),
    dataVersion: db.prepare(`PRAGMA data_version`).pluck(),
  })
}

/** SQLite's count of other connections' commits to the file (watched connections only). */
export function dataVersion(db: Database.Database): number {
  return looks.get(db)!.dataVersion.get() as number
}

/** Stops noting (a link ended while the review stays open). */
export function unwatchRecords(db: Database.Database): void {
  looks.delete(db)
  if (!db.open) return
  for (const name of triggerNames) db.exec(`DROP TRIGGER IF EXISTS temp.${name}`)
  db.exec(`DROP TABLE IF EXISTS temp.sync_changed`)
}

/** The changes noted since the last call (a record's key and its entity's), oldest first, and forgets them. */
export function drainChanges(db: Database.Database): { record: string; entity: string; present: number }[] {
  const look = looks.get(db)!
  const rows = look.select.all() as { rowid: number; record: string; entity: string; present: number }[]
  if (rows.length) look.forget.run(rows[rows.length - 1].rowid)
  return rows
}

/** Of `keys` (`kind:key`), those the review file holds now. */
export function presentKeys(store: ReviewStore, keys: Iterable<string>): Set<string> {
  const byKind = new Map<Kind, string[]>()
  for (const full of keys) {
    const at = full.indexOf(':')
    const kind = full.slice(0, at) as Kind
    const list = byKind.get(kind) ?? []
    list.push(full.slice(at + 1))
    byKind.set(kind, list)
  }
  const present = new Set<string>()
  for (const { kind, table, column, view } of RECORD_TABLES) {
    const wanted = byKind.get(kind)
    if (!wanted?.length) continue
    const found = store.db
      .prepare(`SELECT ${column} FROM ${view ?? table} WHERE ${column} IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify(wanted)) as string[]
    for (const key of found) present.add(`${kind}:${key}`)
  }
  return present
}

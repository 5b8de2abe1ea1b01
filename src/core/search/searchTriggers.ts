import type Database from 'better-sqlite3'

// The TEMP triggers that tell the search which claims to read again (./search.ts).

/**
 * Tables whose rows carry a claim's searchable text, the column naming the claim, and the columns
 * search.ts `bodies` reads (the text, whether the row counts, its order): an update that changes none
 * of them (a verdict, a status, a version) leaves the claim's body as it was and marks nothing.
 */
const WATCHED: readonly { table: string; claimColumn: string; columns: readonly string[] }[] = [
  { table: 'claim', claimColumn: 'id', columns: ['exact', 'note', 'deleted'] },
  {
    table: 'source',
    claimColumn: 'claim_id',
    columns: ['id', 'url', 'title', 'publisher', 'excerpt', 'archive_url', 'deleted', 'created'],
  },
  { table: 'reply', claimColumn: 'claim_id', columns: ['id', 'body', 'deleted', 'created'] },
  { table: 'claim_tag', claimColumn: 'claim_id', columns: ['id', 'name', 'deleted'] },
]

export function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined
}

export function installTriggers(db: Database.Database): void {
  // No unique key on purpose: an outer statement's conflict clause (an upsert, INSERT OR REPLACE) would
  // override a trigger's OR IGNORE, so a key here could make someone else's write fail. A claim marked
  // twice is read once (SELECT DISTINCT); looking for it before each mark, through an index kept on
  // every one, cost a merge of thousands of claims more than the repeats cost until the next search.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_dirty (claim_id TEXT NOT NULL)`)
  const mark = (ref: string) => `INSERT INTO temp.search_dirty (claim_id) VALUES (${ref});`
  for (const { table, claimColumn: col, columns } of WATCHED) {
    if (!tableExists(db, table)) continue
    // `UPDATE OF` alone would fire for every column an upsert sets, changed or not: the WHEN compares.
    const read = [col, ...columns]
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS search_${table}_insert AFTER INSERT ON main.${table}
      BEGIN ${mark(`new.${col}`)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS search_${table}_update AFTER UPDATE OF ${read.join(', ')} ON main.${table}
      WHEN ${read.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')}
      BEGIN ${mark(`new.${col}`)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS search_${table}_move AFTER UPDATE OF ${col} ON main.${table}
      WHEN old.${col} IS NOT new.${col}
      BEGIN ${mark(`old.${col}`)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS search_${table}_delete AFTER DELETE ON main.${table}
      BEGIN ${mark(`old.${col}`)} END;
    `)
  }
}

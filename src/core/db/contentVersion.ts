import type Database from 'better-sqlite3'

/**
 * The review's content version (`review_version`, migration step 10) moves on every row written to a
 * content table, by triggers in the file, so any program that writes the file moves it. For a write
 * of tens of thousands of rows at once (an import, its undo) those triggers are most of the cost of
 * each insert: the trigger program runs once a row, and ran 65,000 times for a 10,000-claim bundle.
 * `onceForAll` takes them out for the length of the write, inside its transaction, puts them back from
 * their own SQL text, and moves the version once. Nobody else sees the file without them: the writer
 * holds the write lock, readers see the last commit, and a write that fails rolls back the drop too.
 * The schema check (./reviewSchema.ts) compares the text of every trigger, so they must come back
 * exactly as they were, and they do, from the text the file held.
 */

const BUMP = 'UPDATE review_version SET current = latest + 1, latest = latest + 1;'

interface Trigger {
  name: string
  sql: string
}

const versionTriggers = (db: Database.Database): Trigger[] =>
  db
    .prepare(`SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' AND instr(sql, ?) > 0 ORDER BY name`)
    .all(BUMP) as Trigger[]

/** Gives the review a content version never given before, as one write by the triggers does. */
export function moveContentVersion(db: Database.Database): void {
  db.exec(BUMP)
}

/**
 * Runs `write` (inside the caller's transaction) with the version triggers out, then moves the
 * content version once. Throws when called outside a transaction: the triggers would be gone for
 * everyone until they came back.
 */
export function onceForAll<T>(db: Database.Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('onceForAll needs a transaction')
  const triggers = versionTriggers(db)
  for (const t of triggers) db.exec(`DROP TRIGGER main."${t.name.replaceAll('"', '""')}"`)
  let result: T
  try {
    result = write()
  } finally {
    // Also after a failure the caller may catch inside its transaction; a transaction SQLite has
    // already rolled back took the drop back with it.
    if (db.inTransaction) for (const t of triggers) db.exec(t.sql)
  }
  moveContentVersion(db)
  return result
}

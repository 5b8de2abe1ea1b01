import type Database from 'better-sqlite3'

/**
 * A large write's checkpoint, after its answer. A commit that leaves the WAL past 1,000 pages copies
 * them into the review file (SQLite's automatic checkpoint) before the commit returns: after a
 * 10,000-claim merge (≈ 4,000 pages), ≈ 35–40 ms of CPU and 55–65 of wall-clock time that the
 * reviewer would wait for the summary. The commit itself is already durable (`synchronous = FULL`
 * syncs the WAL): the copy only keeps the WAL short, so it can wait until the answer is on its way.
 * Every caller of such a write runs it then (the import's worker, the window's in-process imports, the
 * command line between files). If it never comes (a crash), the next commit of a connection whose
 * automatic checkpoint is on copies it, or the last connection to close the file: nothing is lost.
 */

/** Runs `write`, whose commit happens inside it, with this connection's automatic checkpoint off. */
export function withoutAutoCheckpoint<T>(db: Database.Database, write: () => T): T {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  try {
    return write()
  } finally {
    db.pragma(`wal_autocheckpoint = ${pages}`)
  }
}

/**
 * Copies what the WAL holds into the review file, without waiting for other connections (PASSIVE: a
 * reader still on an older snapshot keeps those pages in the WAL for a later checkpoint).
 */
export function checkpoint(db: Database.Database): void {
  if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)')
}

/**
 * `checkpoint` once the current task has answered: its result goes out first (an IPC reply, a promise's
 * callbacks). A failure is left to SQLite's next automatic checkpoint: nothing is lost by it.
 */
export function checkpointSoon(db: Database.Database): void {
  setImmediate(() => {
    try {
      checkpoint(db)
    } catch {
      // The WAL stays longer; the next commit's automatic checkpoint copies it.
    }
  })
}

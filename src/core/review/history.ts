import type Database from 'better-sqlite3'
import { randomBytes, randomUUID } from 'node:crypto'
import { FactdeskError } from '../../shared/errors'
import type { ClaimEvent } from '../../shared/thread'
import type { ReviewStore } from './store'
import { all } from '../db/query'

/**
 * What the per-claim history records. Each kind names one change a reviewer would want to see
 * ("verdict from X to Y", "source added", "correction applied", "merged from file F").
 */
export type EventKind =
  | 'claim-created'
  | 'verdict-changed'
  | 'status-changed'
  | 'note-edited'
  | 'claim-removed'
  | 'claim-restored'
  | 'claim-attached'
  | 'source-added'
  | 'source-edited'
  | 'source-removed'
  | 'source-restored'
  | 'correction-proposed'
  | 'correction-applied'
  | 'correction-reverted'
  | 'correction-removed'
  | 'reply-added'
  | 'reply-edited'
  | 'reply-removed'
  | 'reply-restored'
  | 'tag-added'
  | 'tag-removed'
  | 'merged'
  | 'conflict-resolved'
  | 'text-changed'
  | 'verdict-confirmed'
  | 'claim-assigned'
  | 'signed-off'
  | 'sign-off-withdrawn'

const inserts = new WeakMap<Database.Database, Database.Statement>()

/** One prepared statement a connection: an import records thousands of entries in one go. */
function insertEvent(db: Database.Database): Database.Statement {
  let stmt = inserts.get(db)
  if (!stmt) {
    stmt = db.prepare(`INSERT INTO event (id, claim_id, at, actor, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?)`)
    inserts.set(db, stmt)
  }
  return stmt
}

/** Appends one history entry; call it inside the transaction of the change it describes. */
export function recordEvent(
  db: Database.Database,
  claimId: string,
  actor: string,
  kind: EventKind,
  detail: Record<string, unknown> = {},
  at: string = new Date().toISOString(),
): void {
  insertEvent(db).run(randomUUID(), claimId, at, actor, kind, JSON.stringify(detail))
}

// ---------------------------------------------------------------------------------------------------
// Reading it

interface EventRow {
  id: string
  claim_id: string
  at: string
  actor: string
  kind: string
  detail_json: string
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export const toEvent = (r: EventRow): ClaimEvent => ({
  id: r.id,
  claimId: r.claim_id,
  at: r.at,
  actor: r.actor,
  kind: r.kind,
  detail: parseDetail(r.detail_json),
})

// Every history entry is read through `claim_event` (migration step 11): the rows of `event` and the
// claims' entries of each import (an `import_entry` row and a narrow row per claim), alike. `seq` is an entry's place among
// those of the same time, as `rowid` was.

/** A claim's history, newest first (a removed claim's too: its history is kept). */
export function claimHistory(store: ReviewStore, claimId: string): ClaimEvent[] {
  if (!store.db.prepare(`SELECT 1 FROM claim WHERE id = ?`).get(claimId)) {
    throw new FactdeskError('claim-not-found', { id: claimId })
  }
  const rows = all<EventRow>(
    store.db,
    `SELECT id, claim_id, at, actor, kind, detail_json FROM claim_event WHERE claim_id = ? ORDER BY at DESC, seq DESC`,
    claimId,
  )
  return rows.map(toEvent)
}

/**
 * One 'merged' entry for each claim an import touched: the import's row, then one narrow row per
 * claim (read as the claims' own entries through `claim_event`); `changes` by claim id, in the order
 * the entries are numbered.
 */
export function recordImportEntry(
  db: Database.Database,
  changes: ReadonlyMap<string, string>,
  file: string,
  actor: string,
  at: string,
): void {
  if (changes.size === 0) return
  // A random start for the claims' entry ids (48 bits, the last 12 hex digits of a uuid).
  const first = randomBytes(6).readUIntBE(0, 6)
  const id = randomUUID()
  db.prepare(
    `INSERT INTO import_entry (id, at, actor, file, first_event, after_event)
     VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(rowid), 0) FROM event))`,
  ).run(id, at, actor, file, first)
  // One statement for all of them: the list goes in as JSON and SQLite writes the rows.
  db.prepare(
    `INSERT INTO import_entry_claim (entry, place, claim_id, change)
     SELECT ?, j.key, j.value ->> 0, j.value ->> 1 FROM json_each(?) j`,
  ).run(id, JSON.stringify([...changes]))
}

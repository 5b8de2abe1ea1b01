import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'

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

/** Appends one history entry; call it inside the transaction of the change it describes. */
export function recordEvent(
  db: Database.Database,
  claimId: string,
  actor: string,
  kind: EventKind,
  detail: Record<string, unknown> = {},
  at: string = new Date().toISOString(),
): void {
  db.prepare(`INSERT INTO event (id, claim_id, at, actor, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?)`).run(
    randomUUID(),
    claimId,
    at,
    actor,
    kind,
    JSON.stringify(detail),
  )
}

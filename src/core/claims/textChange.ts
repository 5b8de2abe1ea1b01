import type Database from 'better-sqlite3'
import { recordEvent } from '../review/history'
import type { ReviewStore } from '../review/store'
import { get } from '../db/query'

/**
 * How a claim's words came to change: an edit of the essay (typing, paste, undo/redo), a correction
 * applied or undone, or an import that found the claim's quote only as similar words.
 */
export type TextChangeVia = 'edit' | 'correction' | 'import'

export interface TextChange {
  claimId: string
  before: string
  after: string
  via: TextChangeVia
  /** The imported file's name (via 'import'). */
  file?: string
}

/** A run of edits by one reviewer within this long is one "words changed" entry, from the first words to the last. */
const TEXT_EDIT_SESSION_MS = 10 * 60 * 1000

/**
 * Whether a change of words puts the verdict in doubt: a verdict judges the words it was given, so a
 * claim that was rated or worked on needs a reviewer to look again. A correction is the sanctioned
 * way to change a checked claim's words (the record shows original and replacement), so it does not.
 */
export function needsReconfirmation(claim: { verdict: string; status: string }, via: TextChangeVia): boolean {
  return via !== 'correction' && (claim.verdict !== 'unrated' || claim.status !== 'open')
}

/**
 * Writes a change of a claim's words into its record, inside the transaction that changed them: a
 * history entry with the words before and after, and — when the verdict is in doubt — the mark
 * "text changed since it was rated" with the status back to in review (a new version, like any change).
 */
export function recordTextChange(store: ReviewStore, change: TextChange, actor: string, at: string): void {
  const { db } = store
  const row = get<{ verdict: string; status: string; text_changed: number }>(
    db,
    `SELECT verdict, status, text_changed FROM claim WHERE id = ?`,
    change.claimId,
  )
  if (!row || change.before === change.after) return
  if (!extendLastEdit(db, change, actor, at)) {
    const detail: Record<string, unknown> = { before: change.before, after: change.after, via: change.via }
    if (change.file) detail.file = change.file
    recordEvent(db, change.claimId, actor, 'text-changed', detail, at)
  }
  if (!needsReconfirmation(row, change.via)) return
  const status = row.status === 'open' || row.status === 'checked' ? 'in-review' : row.status
  if (row.text_changed === 1 && status === row.status) return
  db.prepare(
    `UPDATE claim SET text_changed = 1, status = ?, modified = ?, modified_by = ?, revision = revision + 1, version = ? WHERE id = ?`,
  ).run(status, at, actor, store.newVersion(change.claimId), change.claimId)
  if (status !== row.status)
    recordEvent(db, change.claimId, actor, 'status-changed', { from: row.status, to: status, why: 'text-changed' }, at)
}

/**
 * Typing is saved a moment after each pause, so one reviewer's run of edits of a claim's words
 * (nothing else in between) is one entry: its "after" follows the text, its "before" stays the words
 * before the run.
 */
function extendLastEdit(db: Database.Database, change: TextChange, actor: string, at: string): boolean {
  if (change.via !== 'edit') return false
  const last = get<{ rowid: number; actor: string; kind: string; at: string; detail_json: string }>(
    db,
    `SELECT seq AS rowid, actor, kind, at, detail_json FROM claim_event WHERE claim_id = ?
         AND NOT (kind = 'status-changed' AND json_extract(detail_json, '$.why') = 'text-changed')
       ORDER BY at DESC, seq DESC LIMIT 1`,
    change.claimId,
  )
  if (
    !last ||
    last.kind !== 'text-changed' ||
    last.actor !== actor ||
    Date.parse(at) - Date.parse(last.at) >= TEXT_EDIT_SESSION_MS
  )
    return false
  const detail = JSON.parse(last.detail_json) as Record<string, unknown>
  if (detail.via !== 'edit' || detail.after !== change.before) return false
  db.prepare(`UPDATE event SET at = ?, detail_json = ? WHERE rowid = ?`).run(
    at,
    JSON.stringify({ ...detail, after: change.after }),
    last.rowid,
  )
  return true
}

import { essayByline, essayText, essayTitle, type Block } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { codePointLength, cpSlice, describeRange } from '../../shared/text'
import { editRegion, mapRange } from '../../shared/textDiff'
import { recordEvent } from '../review/history'
import { recordTextChange, type TextChange } from '../claims/textChange'
import type { ClaimRow } from '../db/rows'
import { contentHash, type ReviewStore } from '../review/store'
import { all, get, value } from '../db/query'
import { savedAsOf } from '../db/rows'
import { applyEssaySplice, type EssaySplice } from '../../shared/essaySplice'

/**
 * The saved essay with `splice` applied (a save of only what changed), when the essay is still the save
 * the page made it of (`savedAs`); else the page is told to send it whole. Inside the save's transaction.
 */
export function splicedBlocks(store: ReviewStore, splice: EssaySplice, savedAs: string): Block[] {
  const row = get<{ blocks_json: string; content_hash: string; modified: string }>(
    store.db,
    `SELECT blocks_json, content_hash, modified FROM document LIMIT 1`,
  )
  const blocks =
    row && savedAsOf(row) === savedAs ? applyEssaySplice(JSON.parse(row.blocks_json) as Block[], splice) : null
  if (!blocks) throw new FactdeskError('essay-saved-since')
  return blocks
}

/** Which save of the essay the review now holds (DeskDocument's `savedAs`). */
export function essaySavedAs(store: ReviewStore): string {
  return savedAsOf(
    get<{ content_hash: string; modified: string }>(store.db, `SELECT content_hash, modified FROM document LIMIT 1`)!,
  )
}

export interface ClaimRange {
  id: string
  start: number
  end: number
}

/**
 * Saves the essay after the reviewer edited it, with every claim's new position as the editor moved it.
 * Selectors are recomputed from the new text; a claim the editor no longer has a range for lost all of
 * its text and becomes unanchored (listed, not drawn). Must run inside a transaction.
 *
 * Returns the claims whose record the save changed beyond the ranges the page sent: those it did not
 * send (followed by the edit, or lost with their words), those whose words changed, those whose
 * corrections the text applied or undid, and those the page holds as placed that the review does not.
 * The page already has every other claim as saved: typing above thousands of claims moves them all,
 * and the answer then need not carry them back (useDocumentSync.ts).
 */
export function $saveDocument(store: ReviewStore, blocks: Block[], ranges: ClaimRange[], actor: string): Set<string> {
  const { db } = store
  const text = essayText(blocks)
  const length = codePointLength(text)
  const byId = new Map(ranges.map((r) => [r.id, r]))
  if (byId.size !== ranges.length) throw new FactdeskError('claim-two-positions')
  for (const r of ranges) {
    if (r.start < 0 || r.end <= r.start || r.end > length) {
      throw new FactdeskError('claim-outside-essay', { id: r.id, start: r.start, end: r.end })
    }
  }
  const now = new Date().toISOString()
  // A claim the page did not send may be one it never knew of (marked from another window or the
  // command line since the page loaded): it follows the edit by itself, and is lost only with its words.
  const edit = editRegion(value<string>(db, `SELECT text FROM document LIMIT 1`)!, text)
  db.prepare(
    `UPDATE document SET title = ?, byline = ?, blocks_json = ?, text = ?, content_hash = ?, modified = ?`,
  ).run(essayTitle(blocks), essayByline(blocks), JSON.stringify(blocks), text, contentHash(text), now)
  const claims = all<ClaimRow>(db, `SELECT * FROM claim WHERE deleted = 0 AND anchored = 1`)
  const move = db.prepare(`UPDATE claim SET start = ?, end = ?, prefix = ?, suffix = ? WHERE id = ?`)
  const reword = db.prepare(
    `UPDATE claim SET start = ?, end = ?, prefix = ?, suffix = ?, exact = ?, modified = ?, modified_by = ?,
       revision = revision + 1, version = ? WHERE id = ?`,
  )
  const orphan = db.prepare(`UPDATE claim SET anchored = 0, modified = ?, modified_by = ? WHERE id = ?`)
  const changes: TextChange[] = []
  const changed = new Set<string>()
  for (const claim of claims) {
    if (!byId.has(claim.id)) changed.add(claim.id)
    const followed = byId.has(claim.id) ? null : mapRange(claim, edit)
    const range =
      byId.get(claim.id) ??
      (followed && cpSlice(text, followed.start, followed.end) === claim.exact ? followed : undefined)
    if (!range) {
      orphan.run(now, actor, claim.id)
      changed.add(claim.id)
      // All of its words were deleted: that too is a change of the words its verdict judged.
      changes.push({ claimId: claim.id, before: claim.exact, after: '', via: 'edit' })
      continue
    }
    const a = describeRange(text, range.start, range.end)
    if (a.exact === claim.exact) move.run(a.start, a.end, a.prefix, a.suffix, claim.id)
    else {
      reword.run(a.start, a.end, a.prefix, a.suffix, a.exact, now, actor, store.newVersion(claim.id), claim.id)
      changed.add(claim.id)
      changes.push({ claimId: claim.id, before: claim.exact, after: a.exact, via: 'edit' })
    }
  }
  const placed = new Set(claims.map((c) => c.id))
  for (const r of ranges) if (!placed.has(r.id)) changed.add(r.id)
  const corrected = followCorrectionsInText(store, actor, now)
  for (const id of corrected) changed.add(id)
  // Every change of a claim's words is part of its record (src/core/claims/textChange.ts).
  for (const change of changes)
    recordTextChange(store, { ...change, via: corrected.has(change.claimId) ? 'correction' : 'edit' }, actor, now)
  return changed
}

/**
 * The record of corrections follows the text: a correction whose claim reads its original wording
 * again was undone in the editor; a proposed one whose claim now reads its replacement (a redo) is applied.
 * Returns the claims whose words a correction explains.
 */
function followCorrectionsInText(store: ReviewStore, actor: string, now: string): Set<string> {
  const claimIds = new Set<string>()
  const redone = all<{ id: string; claim_id: string; original: string; replacement: string }>(
    store.db,
    `SELECT k.id, k.claim_id, k.original, k.replacement FROM correction k JOIN claim c ON c.id = k.claim_id
       WHERE k.deleted = 0 AND k.state = 'proposed' AND c.exact = k.replacement AND c.exact <> k.original`,
  )
  for (const k of redone) {
    store.db
      .prepare(
        `UPDATE correction SET state = 'applied', applied_by = ?, applied = ?, modified = ?, revision = revision + 1, version = ? WHERE id = ?`,
      )
      .run(actor, now, now, store.newVersion(k.id), k.id)
    recordEvent(store.db, k.claim_id, actor, 'correction-applied', { original: k.original, replacement: k.replacement })
    claimIds.add(k.claim_id)
  }
  const undone = all<{ id: string; claim_id: string }>(
    store.db,
    `SELECT k.id, k.claim_id FROM correction k JOIN claim c ON c.id = k.claim_id
       WHERE k.deleted = 0 AND k.state = 'applied' AND c.exact = k.original AND c.exact <> k.replacement`,
  )
  for (const k of undone) {
    store.db
      .prepare(
        `UPDATE correction SET state = 'proposed', applied_by = '', applied = '', modified = ?, revision = revision + 1, version = ? WHERE id = ?`,
      )
      .run(now, store.newVersion(k.id), k.id)
    recordEvent(store.db, k.claim_id, actor, 'correction-reverted', { correction: k.id })
    claimIds.add(k.claim_id)
  }
  return claimIds
}

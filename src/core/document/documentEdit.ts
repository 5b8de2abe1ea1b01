import { essayByline, essayText, essayTitle, type Block } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { codePointLength, cpSlice, describeRange } from '../../shared/text'
import { editRegion, mapRange, type EditRegion } from '../../shared/textDiff'
import { recordEvent } from '../review/history'
import { recordTextChange, type TextChange } from '../claims/textChange'
import type { ClaimRow } from '../db/rows'
import { contentHash, type ReviewStore } from '../review/store'
import { all, get, value } from '../db/query'
import { savedAsOf } from '../db/rows'
import { applyEssaySplice, essaySplice, SPLICE_REACH, spliceRegion, type EssaySplice } from '../../shared/essaySplice'

/** An essay save: the whole essay, or only what changed since the save the page made it of (`savedAs`). */
export type EssayEdit = { blocks: Block[] } | { splice: EssaySplice; savedAs: string }

/**
 * The blocks this connection last saved, by the save's name: a pause in typing then reads and parses the
 * saved essay (over a megabyte of blocks in a book-length one) only when another writer saved it since.
 * A save whose transaction rolls back (a correction refused) leaves a name the review never held: only
 * a save of the same text in the same millisecond by another writer could give it, and its blocks could
 * differ only in bold runs.
 */
const lastSaved = new WeakMap<ReviewStore, { savedAs: string; blocks: Block[] }>()

/**
 * The saved essay, and what `edit` changes of it. A splice must be of the save the review still holds,
 * else the page is told to send the essay whole; a whole essay is compared with the saved one here.
 */
function spliceOf(store: ReviewStore, edit: EssayEdit): { saved: Block[]; splice: EssaySplice; blocks: Block[] } {
  const savedAs = essaySavedAs(store)
  const kept = lastSaved.get(store)
  const saved =
    kept?.savedAs === savedAs
      ? kept.blocks
      : (JSON.parse(value<string>(store.db, `SELECT blocks_json FROM document LIMIT 1`)!) as Block[])
  if ('blocks' in edit) return { saved, splice: essaySplice(saved, edit.blocks), blocks: edit.blocks }
  const blocks = savedAs === edit.savedAs ? applyEssaySplice(saved, edit.splice) : null
  if (!blocks) throw new FactdeskError('essay-saved-since')
  return { saved, splice: edit.splice, blocks }
}

/** Which save of the essay the review now holds (DeskDocument's `savedAs`). */
export function essaySavedAs(store: ReviewStore): string {
  const row = get<{ content_hash: string; modified: string }>(
    store.db,
    `SELECT content_hash, modified FROM document LIMIT 1`,
  )
  if (!row) throw new FactdeskError('review-file-no-essay', { file: store.path })
  return savedAsOf(row)
}

export interface ClaimRange {
  id: string
  start: number
  end: number
}

/**
 * Saves the essay after the reviewer edited it, with the new position of every claim the edit may have
 * changed as the editor moved it. Must run inside a transaction.
 *
 * The page sends the ranges of the claims near what the save changed (`nearSplice`,
 * shared/essaySplice.ts); the others keep their words and context and move by the change's length, in
 * one statement: a pause in typing above thousands of claims then costs the service the claims near the
 * keys, not all of them. Selectors of
 * the claims near it are recomputed from the new text; a claim the page sent no range for there (marked
 * from another window or the command line since the page loaded) follows the edit by itself, and one
 * whose words all went becomes unanchored (listed, not drawn).
 *
 * Returns the claims whose record the save changed beyond what the page holds: those near the change it
 * did not send, those whose words changed, those whose corrections the text applied or undid, and those
 * the page holds as placed that the review does not (useDocumentSync.ts).
 */
export function $saveDocument(store: ReviewStore, edit: EssayEdit, ranges: ClaimRange[], actor: string): Set<string> {
  const { db } = store
  const { saved, splice, blocks } = spliceOf(store, edit)
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
  const region = spliceRegion(saved, splice)
  // Read before they move: the claims near the change (`nearSplice` by their saved places), and every
  // claim the page sent a range for.
  const claims = all<ClaimRow>(
    db,
    `SELECT * FROM claim WHERE deleted = 0 AND anchored = 1 AND (end > ? AND start < ? OR id IN (SELECT value FROM json_each(?)))`,
    region.start - SPLICE_REACH,
    region.oldEnd + SPLICE_REACH,
    JSON.stringify(ranges.map((r) => r.id)),
  )
  const hash = contentHash(text)
  db.prepare(
    `UPDATE document SET title = ?, byline = ?, blocks_json = ?, text = ?, content_hash = ?, modified = ?`,
  ).run(essayTitle(blocks), essayByline(blocks), JSON.stringify(blocks), text, hash, now)
  lastSaved.set(store, { savedAs: savedAsOf({ content_hash: hash, modified: now }), blocks })
  // The rest after the change move by its length; those read above are each written below.
  const shift = region.newEnd - region.oldEnd
  if (shift !== 0)
    db.prepare(
      `UPDATE claim SET start = start + ?, end = end + ? WHERE deleted = 0 AND anchored = 1 AND start >= ?
         AND id NOT IN (SELECT value FROM json_each(?))`,
    ).run(shift, shift, region.oldEnd, JSON.stringify(claims.map((c) => c.id)))
  // Where the text changed within the splice's blocks, for a claim there the page did not send.
  let within: EditRegion | null | undefined
  const follow = (claim: ClaimRow) => {
    within ??= spliceEdit(essayText(saved), text, region)
    const range = mapRange(claim, within)
    return range && cpSlice(text, range.start, range.end) === claim.exact ? range : undefined
  }
  const move = db.prepare(`UPDATE claim SET start = ?, end = ?, prefix = ?, suffix = ? WHERE id = ?`)
  const reword = db.prepare(
    `UPDATE claim SET start = ?, end = ?, prefix = ?, suffix = ?, exact = ?, modified = ?, modified_by = ?,
       revision = revision + 1, version = ? WHERE id = ?`,
  )
  const orphan = db.prepare(`UPDATE claim SET anchored = 0, modified = ?, modified_by = ? WHERE id = ?`)
  const changes: TextChange[] = []
  const changed = new Set<string>()
  for (const claim of claims) {
    const sent = byId.get(claim.id)
    if (!sent) changed.add(claim.id)
    const range = sent ?? follow(claim)
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

/** The one region where the texts differ, looked for within the splice's region only (`region`). */
function spliceEdit(before: string, after: string, region: EditRegion): EditRegion | null {
  const inner = editRegion(cpSlice(before, region.start, region.oldEnd), cpSlice(after, region.start, region.newEnd))
  return (
    inner && {
      start: inner.start + region.start,
      oldEnd: inner.oldEnd + region.start,
      newEnd: inner.newEnd + region.start,
    }
  )
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

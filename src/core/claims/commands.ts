import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { Claim, ClaimPatch, Source, SourceFields } from '../../shared/domain'
import { FactdeskError } from '../../shared/errors'
import { codePointLength, cpSlice, type Anchor } from '../../shared/text'
import { recordEvent } from '../review/history'
import { recordTextChange } from './textChange'
import { assertVerdictOnScale } from '../scales/scales'
import type { ReviewStore } from '../review/store'
import { getClaim, getSource } from './queries'
import { readDocument } from '../document/queries'
import { get, value } from '../db/query'
import type { ClaimRow } from '../db/rows'
import { reanchor } from '../document/anchoring'

/**
 * The changes a reviewer makes to claims and their sources, each in one transaction with its history
 * entries; reading them is src/core/claims/queries.ts.
 */

const now = (): string => new Date().toISOString()

/** A slice past the end would still match a quote of the essay's last words, so the end is checked first. */
function assertInsideEssay(text: string, anchor: Anchor): void {
  const length = codePointLength(text)
  if (anchor.end > length) {
    throw new FactdeskError('selection-beyond-essay', { start: anchor.start, end: anchor.end, length })
  }
}

export function createClaim(store: ReviewStore, anchor: Anchor, actor: string, id: string = randomUUID()): Claim {
  const { db } = store
  const doc = get<{
    id: string
    text: string
  }>(db, `SELECT id, text FROM document LIMIT 1`)!
  assertInsideEssay(doc.text, anchor)
  if (cpSlice(doc.text, anchor.start, anchor.end) !== anchor.exact) {
    throw new FactdeskError('selection-mismatch')
  }
  if (db.prepare(`SELECT 1 FROM claim WHERE id = ?`).get(id)) {
    throw new FactdeskError('claim-exists', { id })
  }
  const t = now()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, author, created, modified, modified_by, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      doc.id,
      anchor.exact,
      anchor.prefix,
      anchor.suffix,
      anchor.start,
      anchor.end,
      actor,
      t,
      t,
      actor,
      store.newVersion(id),
    )
    recordEvent(db, id, actor, 'claim-created', { exact: anchor.exact }, t)
  }).immediate()
  return getClaim(store, id)
}

export function updateClaim(store: ReviewStore, id: string, patch: ClaimPatch, actor: string): Claim {
  const { db } = store
  const current = getClaim(store, id)
  // A verdict must be a level of the review's scale (or 'unrated'): src/core/scales/scales.ts.
  if (patch.verdict !== undefined && patch.verdict !== current.verdict) assertVerdictOnScale(store, patch.verdict)
  const next = { ...current, ...definedOnly(patch) }
  // Giving the verdict again, even the same one, confirms it for the words as they read now.
  const confirms = current.textChanged && patch.verdict !== undefined
  if (!confirms && next.verdict === current.verdict && next.status === current.status && next.note === current.note) {
    return current
  }
  db.transaction(() => {
    const t = now()
    db.prepare(
      `UPDATE claim SET verdict = ?, status = ?, note = ?, text_changed = ?, modified = ?, modified_by = ?, revision = revision + 1,
           version = ? WHERE id = ? AND deleted = 0`,
    ).run(
      next.verdict,
      next.status,
      next.note,
      confirms ? 0 : current.textChanged ? 1 : 0,
      t,
      actor,
      store.newVersion(id),
      id,
    )
    recordClaimChanges(db, current, next, actor, t)
    if (confirms) recordEvent(db, id, actor, 'verdict-confirmed', { verdict: next.verdict, exact: current.exact }, t)
  }).immediate()
  return getClaim(store, id)
}

/** Attaches a claim whose text was not found (after an import) to text the reviewer selected. */
export function attachClaim(store: ReviewStore, id: string, anchor: Anchor, actor: string): Claim {
  const { db } = store
  const text = readDocument(store).text
  assertInsideEssay(text, anchor)
  if (cpSlice(text, anchor.start, anchor.end) !== anchor.exact) {
    throw new FactdeskError('selection-mismatch')
  }
  const before = value<string>(db, `SELECT exact FROM claim WHERE id = ?`, id)
  db.transaction(() => {
    const t = now()
    const result = db
      .prepare(
        `UPDATE claim SET exact = ?, prefix = ?, suffix = ?, start = ?, end = ?, anchored = 1, modified = ?, modified_by = ?,
           revision = revision + 1, version = ? WHERE id = ? AND deleted = 0`,
      )
      .run(anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, t, actor, store.newVersion(id), id)
    if (result.changes === 0) throw new FactdeskError('claim-not-found', { id })
    recordEvent(db, id, actor, 'claim-attached', { exact: anchor.exact }, t)
    // Attached to other words than it quoted: the verdict judged those, so this is a change of its words.
    if (before !== undefined)
      recordTextChange(store, { claimId: id, before, after: anchor.exact, via: 'edit' }, actor, t)
  }).immediate()
  return getClaim(store, id)
}

/** Deletion is a tombstone: merging needs to know a claim was removed, and undo brings it back. */
export function deleteClaim(store: ReviewStore, id: string, actor: string): void {
  setClaimDeleted(store, id, true, actor)
}

export function restoreClaim(store: ReviewStore, id: string, actor: string): Claim {
  setClaimDeleted(store, id, false, actor)
  return getClaim(store, id)
}

/**
 * A removed claim keeps the place it had then: essay saves follow only the claims in the review. Brought
 * back, it is put where its words now are (its place if they are still there, else its quote found by
 * context and closeness, as an import places claims), or listed as not found: never on other words.
 */
function placeRestored(db: Database.Database, id: string): void {
  const claim = get<Pick<ClaimRow, 'exact' | 'prefix' | 'suffix' | 'start' | 'end' | 'anchored'>>(
    db,
    `SELECT exact, prefix, suffix, start, end, anchored FROM claim WHERE id = ?`,
    id,
  )
  if (!claim?.anchored) return
  const found = reanchor(value<string>(db, `SELECT text FROM document LIMIT 1`) ?? '', claim)
  if (found?.anchor.exact === claim.exact) {
    const { start, end, prefix, suffix } = found.anchor
    db.prepare(`UPDATE claim SET start = ?, end = ?, prefix = ?, suffix = ? WHERE id = ?`).run(
      start,
      end,
      prefix,
      suffix,
      id,
    )
  } else db.prepare(`UPDATE claim SET anchored = 0 WHERE id = ?`).run(id)
}

function setClaimDeleted(store: ReviewStore, id: string, deleted: boolean, actor: string): void {
  const { db } = store
  db.transaction(() => {
    const t = now()
    const result = db
      .prepare(
        `UPDATE claim SET deleted = ?, modified = ?, modified_by = ?, revision = revision + 1, version = ?
         WHERE id = ? AND deleted = ?`,
      )
      .run(deleted ? 1 : 0, t, actor, store.newVersion(id), id, deleted ? 0 : 1)
    if (result.changes === 0) throw new FactdeskError('claim-not-found', { id })
    if (!deleted) placeRestored(db, id)
    recordEvent(db, id, actor, deleted ? 'claim-removed' : 'claim-restored', {}, t)
  }).immediate()
}

export function addSource(store: ReviewStore, claimId: string, fields: SourceFields, actor: string): Source {
  const { db } = store
  const id = randomUUID()
  const t = now()
  db.transaction(() => {
    getClaim(store, claimId)
    db.prepare(
      `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, claimId, ...sourceValues(fields), t, t, store.newVersion(id))
    touchClaim(db, claimId, actor, t)
    recordEvent(db, claimId, actor, 'source-added', sourceDetail(id, fields), t)
  }).immediate()
  return getSource(store, id)
}

export function updateSource(store: ReviewStore, id: string, fields: SourceFields, actor: string): Source {
  const { db } = store
  const t = now()
  db.transaction(() => {
    const current = getSource(store, id)
    db.prepare(
      `UPDATE source SET url = ?, title = ?, publisher = ?, published = ?, accessed = ?, excerpt = ?, archive_url = ?,
           modified = ?, revision = revision + 1, version = ? WHERE id = ?`,
    ).run(...sourceValues(fields), t, store.newVersion(id), id)
    touchClaim(db, current.claimId, actor, t)
    recordEvent(db, current.claimId, actor, 'source-edited', sourceDetail(id, fields), t)
  }).immediate()
  return getSource(store, id)
}

/**
 * Removes a source (a tombstone) or brings a removed one back: a new version of the row with its
 * history entry. Call inside the transaction of the change, after checking the source may change.
 */
export function setSourceDeleted(
  store: ReviewStore,
  source: { id: string; claimId: string; url: string; title: string },
  deleted: boolean,
  actor: string,
  t: string = now(),
): void {
  store.db
    .prepare(`UPDATE source SET deleted = ?, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
    .run(deleted ? 1 : 0, t, store.newVersion(source.id), source.id)
  touchClaim(store.db, source.claimId, actor, t)
  recordEvent(
    store.db,
    source.claimId,
    actor,
    deleted ? 'source-removed' : 'source-restored',
    sourceDetail(source.id, source),
    t,
  )
}

export function deleteSource(store: ReviewStore, id: string, actor: string): void {
  const t = now()
  store.db.transaction(() => setSourceDeleted(store, getSource(store, id), true, actor, t)).immediate()
}

/**
 * A source change shows on its claim's card as a change, but is not a new version of the claim:
 * sources merge by their own ids, so one reviewer adding a source and another editing the note
 * are not a conflict.
 */
function touchClaim(db: Database.Database, claimId: string, actor: string, t: string): void {
  db.prepare(`UPDATE claim SET modified = ?, modified_by = ? WHERE id = ?`).run(t, actor, claimId)
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>
}

function sourceValues(f: SourceFields): string[] {
  return [f.url, f.title, f.publisher, f.published, f.accessed, f.excerpt, f.archiveUrl]
}

function sourceDetail(id: string, f: Pick<SourceFields, 'url' | 'title'>): Record<string, unknown> {
  return { sourceId: id, url: f.url, title: f.title }
}

/** Note edits within this long of the same reviewer's last one are one entry in the history. */
const NOTE_EDIT_SESSION_MS = 10 * 60 * 1000

/**
 * The history of one claim edit: verdict and status with their old and new values, and a note edit.
 * A note is saved as the reviewer types, so a run of edits by one reviewer (nothing else in between,
 * within ten minutes) is one "note edited" entry rather than one per pause in typing.
 */
function recordClaimChanges(
  db: Database.Database,
  current: Pick<Claim, 'id' | 'verdict' | 'status' | 'note'>,
  next: Pick<Claim, 'verdict' | 'status' | 'note'>,
  actor: string,
  t: string,
): void {
  if (next.verdict !== current.verdict)
    recordEvent(db, current.id, actor, 'verdict-changed', { from: current.verdict, to: next.verdict }, t)
  if (next.status !== current.status)
    recordEvent(db, current.id, actor, 'status-changed', { from: current.status, to: next.status }, t)
  if (next.note === current.note) return
  const last = get<{ actor: string; kind: string; at: string }>(
    db,
    `SELECT actor, kind, at FROM claim_event WHERE claim_id = ? ORDER BY at DESC, seq DESC LIMIT 1`,
    current.id,
  )
  const recent =
    last &&
    last.kind === 'note-edited' &&
    last.actor === actor &&
    Date.parse(t) - Date.parse(last.at) < NOTE_EDIT_SESSION_MS
  if (!recent) recordEvent(db, current.id, actor, 'note-edited', {}, t)
}

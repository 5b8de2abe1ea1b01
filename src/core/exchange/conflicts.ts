import type { ConflictView, ConflictChoice } from '../../shared/exchange'
import { recordEvent } from '../history'
import { FactdeskError } from '../../shared/errors'
import type { ClaimRow, SourceRow } from '../rows'
import type { ReviewStore } from '../store'
import type { BundleClaim, BundleSource } from './bundle'

interface ConflictRow {
  id: string
  entity: 'claim' | 'source'
  entity_id: string
  their_version: string
  theirs_json: string
  origin: string
  created: string
}

type ClaimField = 'verdict' | 'status' | 'note' | 'deleted'

function claimSide(r: ClaimRow | BundleClaim): ConflictView['mine'] {
  const deleted = typeof r.deleted === 'boolean' ? r.deleted : r.deleted === 1
  const modifiedBy = 'modifiedBy' in r ? r.modifiedBy : r.modified_by
  return { verdict: r.verdict, status: r.status, note: r.note, deleted, modified: r.modified, modifiedBy, exact: r.exact }
}

function sourceSide(r: SourceRow | BundleSource): ConflictView['mine'] {
  const deleted = typeof r.deleted === 'boolean' ? r.deleted : r.deleted === 1
  const archiveUrl = 'archiveUrl' in r ? r.archiveUrl : r.archive_url
  return {
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    accessed: r.accessed,
    excerpt: r.excerpt,
    archiveUrl,
    deleted,
    modified: r.modified,
  }
}

export function listConflicts(store: ReviewStore): ConflictView[] {
  const rows = store.db.prepare(`SELECT * FROM conflict WHERE resolved = '' ORDER BY created, id`).all() as ConflictRow[]
  return rows.map((r) => {
    const theirs = JSON.parse(r.theirs_json) as BundleClaim | BundleSource
    if (r.entity === 'claim') {
      const mine = store.db.prepare(`SELECT * FROM claim WHERE id = ?`).get(r.entity_id) as ClaimRow
      return { id: r.id, entity: r.entity, entityId: r.entity_id, claimId: r.entity_id, origin: r.origin, created: r.created, mine: claimSide(mine), theirs: claimSide(theirs as BundleClaim) }
    }
    const mine = store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(r.entity_id) as SourceRow
    return { id: r.id, entity: r.entity, entityId: r.entity_id, claimId: mine.claim_id, origin: r.origin, created: r.created, mine: sourceSide(mine), theirs: sourceSide(theirs as BundleSource) }
  })
}

/**
 * Settles a conflict with the user's choice (per field for a claim, whole for a source). The result is
 * a new version that descends from both sides, so importing either file again changes nothing.
 */
export function resolveConflict(store: ReviewStore, id: string, choice: ConflictChoice, actor: string): void {
  const { db } = store
  const row = db.prepare(`SELECT * FROM conflict WHERE id = ? AND resolved = ''`).get(id) as ConflictRow | undefined
  if (!row) throw new FactdeskError('not-found', 'That conflict was already resolved or no longer exists.')
  const now = new Date().toISOString()
  db.transaction(() => {
    const theirs = JSON.parse(row.theirs_json) as BundleClaim | BundleSource
    const version = store.newVersion(row.entity_id)
    if (row.entity === 'claim') {
      const t = theirs as BundleClaim
      const mine = db.prepare(`SELECT * FROM claim WHERE id = ?`).get(row.entity_id) as ClaimRow
      const pick = (field: ClaimField, mineValue: unknown, theirValue: unknown) =>
        (choice.fields?.[field] ?? choice.all ?? 'mine') === 'theirs' ? theirValue : mineValue
      db.prepare(
        `UPDATE claim SET verdict = ?, status = ?, note = ?, deleted = ?, modified = ?, modified_by = ?, revision = max(revision, ?) + 1, version = ? WHERE id = ?`,
      ).run(
        pick('verdict', mine.verdict, t.verdict),
        pick('status', mine.status, t.status),
        pick('note', mine.note, t.note),
        pick('deleted', mine.deleted, t.deleted ? 1 : 0),
        now,
        actor,
        t.revision,
        version,
        row.entity_id,
      )
    } else if ((choice.all ?? 'mine') === 'theirs') {
      const t = theirs as BundleSource
      db.prepare(
        `UPDATE source SET url = ?, title = ?, publisher = ?, published = ?, accessed = ?, excerpt = ?, archive_url = ?, deleted = ?, modified = ?, revision = max(revision, ?) + 1, version = ? WHERE id = ?`,
      ).run(t.url, t.title, t.publisher, t.published, t.accessed, t.excerpt, t.archiveUrl, t.deleted ? 1 : 0, now, t.revision, version, row.entity_id)
    } else {
      db.prepare(`UPDATE source SET modified = ?, revision = revision + 1, version = ? WHERE id = ?`).run(now, version, row.entity_id)
    }
    const remember = db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
    for (const v of theirs.history) remember.run(row.entity_id, v)
    db.prepare(`UPDATE conflict SET resolved = ? WHERE id = ?`).run(now, id)
    recordConflictResolved(store, row, choice, actor, now)
  })()
}

/** The history entry of a settled conflict, on the claim it concerns (a source's claim for a source). */
function recordConflictResolved(store: ReviewStore, row: ConflictRow, choice: ConflictChoice, actor: string, at: string): void {
  const claimId =
    row.entity === 'claim'
      ? row.entity_id
      : (store.db.prepare(`SELECT claim_id FROM source WHERE id = ?`).pluck().get(row.entity_id) as string | undefined)
  if (claimId === undefined) return
  const fields: ClaimField[] = ['verdict', 'status', 'note', 'deleted']
  const picks = row.entity === 'claim' ? fields.map((f) => choice.fields?.[f] ?? choice.all ?? 'mine') : [choice.all ?? 'mine']
  const choiceSummary = new Set(picks).size === 1 ? picks[0] : 'mixed'
  recordEvent(store.db, claimId, actor, 'conflict-resolved', { entity: row.entity, file: row.origin, choice: choiceSummary }, at)
}

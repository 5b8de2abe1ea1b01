import {
  CONFLICT_CLAIM_FIELDS,
  CONFLICT_SOURCE_FIELDS,
  type ConflictChoice,
  type ConflictClaimField,
  type ConflictSide,
  type ConflictView,
} from '../../shared/exchange'
import { recordEvent } from '../review/history'
import { FactdeskError } from '../../shared/errors'
import type { ClaimRow, SourceRow } from '../db/rows'
import type { ReviewStore } from '../review/store'
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

function claimSide(r: ClaimRow | BundleClaim): ConflictView['mine'] {
  const deleted = typeof r.deleted === 'boolean' ? r.deleted : r.deleted === 1
  const modifiedBy = 'modifiedBy' in r ? r.modifiedBy : r.modified_by
  return {
    verdict: r.verdict,
    status: r.status,
    note: r.note,
    deleted,
    modified: r.modified,
    modifiedBy,
    exact: r.exact,
  }
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
    // A source records no author of its versions.
    modifiedBy: '',
  }
}

/**
 * The version both sides started from: the newest version (by its time) that this review and the file
 * have both seen and whose values this review recorded (version_value, kept from schema step 4 on).
 * Null when it is not known: older versions are remembered by id only.
 */
function baseSide(store: ReviewStore, entityId: string, theirs: { history: string[] }): ConflictSide | null {
  const row = store.db
    .prepare(
      `SELECT v.version, v.modified, v.modified_by, v.values_json FROM version_value v
       JOIN version_seen s ON s.entity_id = v.entity_id AND s.version = v.version
       WHERE v.entity_id = ? AND v.version IN (SELECT value FROM json_each(?))
       ORDER BY v.modified DESC, v.version DESC LIMIT 1`,
    )
    .get(entityId, JSON.stringify(theirs.history)) as
    { version: string; modified: string; modified_by: string; values_json: string } | undefined
  if (!row) return null
  const values = JSON.parse(row.values_json) as Record<string, string | number>
  return { ...values, deleted: values.deleted === 1, modified: row.modified, modifiedBy: row.modified_by }
}

function mineSide(store: ReviewStore, row: ConflictRow): ConflictSide {
  if (row.entity === 'claim')
    return claimSide(store.db.prepare(`SELECT * FROM claim WHERE id = ?`).get(row.entity_id) as ClaimRow)
  return sourceSide(store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(row.entity_id) as SourceRow)
}

export function listConflicts(store: ReviewStore): ConflictView[] {
  const rows = store.db
    .prepare(`SELECT * FROM conflict WHERE resolved = '' ORDER BY created, id`)
    .all() as ConflictRow[]
  return rows.map((r) => {
    const theirs = JSON.parse(r.theirs_json) as BundleClaim | BundleSource
    const common = {
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      origin: r.origin,
      created: r.created,
      base: baseSide(store, r.entity_id, theirs),
    }
    if (r.entity === 'claim') {
      const mine = store.db.prepare(`SELECT * FROM claim WHERE id = ?`).get(r.entity_id) as ClaimRow
      return { ...common, claimId: r.entity_id, mine: claimSide(mine), theirs: claimSide(theirs as BundleClaim) }
    }
    const mine = store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(r.entity_id) as SourceRow
    return { ...common, claimId: mine.claim_id, mine: sourceSide(mine), theirs: sourceSide(theirs as BundleSource) }
  })
}

/**
 * Settles a conflict with the user's choice (per field for a claim, whole for a source). The result is
 * a new version that descends from both sides, so importing either file again changes nothing.
 */
export function resolveConflict(store: ReviewStore, id: string, choice: ConflictChoice, actor: string): void {
  const { db } = store
  const row = db.prepare(`SELECT * FROM conflict WHERE id = ? AND resolved = ''`).get(id) as ConflictRow | undefined
  if (!row) throw new FactdeskError('conflict-not-found')
  const now = new Date().toISOString()
  db.transaction(() => {
    const theirs = JSON.parse(row.theirs_json) as BundleClaim | BundleSource
    const before = mineSide(store, row)
    const version = store.newVersion(row.entity_id)
    if (row.entity === 'claim') {
      const t = theirs as BundleClaim
      const mine = db.prepare(`SELECT * FROM claim WHERE id = ?`).get(row.entity_id) as ClaimRow
      const pick = (field: ConflictClaimField, mineValue: unknown, theirValue: unknown) =>
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
      ).run(
        t.url,
        t.title,
        t.publisher,
        t.published,
        t.accessed,
        t.excerpt,
        t.archiveUrl,
        t.deleted ? 1 : 0,
        now,
        t.revision,
        version,
        row.entity_id,
      )
    } else {
      db.prepare(`UPDATE source SET modified = ?, revision = revision + 1, version = ? WHERE id = ?`).run(
        now,
        version,
        row.entity_id,
      )
    }
    const remember = db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
    for (const v of theirs.history) remember.run(row.entity_id, v)
    db.prepare(`UPDATE conflict SET resolved = ? WHERE id = ?`).run(now, id)
    recordConflictResolved(store, row, choice, before, actor, now)
  }).immediate()
}

/**
 * The history entry of a settled conflict, on the claim it concerns (a source's claim for a source): for
 * every field the two sides disagreed on, which side was kept (`<field>`: mine/theirs) and the value the
 * review has now (`<field>Value`), so the history says what was chosen. Call after the entity was written.
 */
function recordConflictResolved(
  store: ReviewStore,
  row: ConflictRow,
  choice: ConflictChoice,
  before: ConflictSide,
  actor: string,
  at: string,
): void {
  const theirs = JSON.parse(row.theirs_json) as BundleClaim | BundleSource
  const isClaim = row.entity === 'claim'
  const table = isClaim ? 'claim' : 'source'
  const now = store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.entity_id) as
    ClaimRow | SourceRow | undefined
  if (!now) return
  const claimId = isClaim ? row.entity_id : (now as SourceRow).claim_id
  const after = isClaim ? claimSide(now as ClaimRow) : sourceSide(now as SourceRow)
  const other = isClaim ? claimSide(theirs as BundleClaim) : sourceSide(theirs as BundleSource)
  const fields: readonly string[] = isClaim ? CONFLICT_CLAIM_FIELDS : CONFLICT_SOURCE_FIELDS
  const detail: Record<string, string | boolean> = { entity: row.entity, file: row.origin }
  const picks: string[] = []
  for (const f of fields) {
    const pick = isClaim ? (choice.fields?.[f as ConflictClaimField] ?? choice.all ?? 'mine') : (choice.all ?? 'mine')
    // Fields the sides agreed on needed no choice.
    if (before[f] === other[f]) continue
    detail[f] = pick
    detail[`${f}Value`] = after[f] ?? ''
    picks.push(pick)
  }
  detail.choice = picks.length === 0 || new Set(picks).size === 1 ? (picks[0] ?? choice.all ?? 'mine') : 'mixed'
  recordEvent(store.db, claimId, actor, 'conflict-resolved', detail, at)
}

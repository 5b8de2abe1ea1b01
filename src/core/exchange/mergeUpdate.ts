import type Database from 'better-sqlite3'
import type { BundleClaim } from './bundle'
import type { LocalClaim } from './mergeLocal'

/** Where a merge puts a claim on the open essay (./merge.ts placeClaim). */
export interface Placement {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  anchored: number
}

/**
 * Writes a newer version of a claim this review has, as up to two updates instead of one upsert of
 * every column. SQLite rewrites a row's index entry when an UPDATE sets any column of the index,
 * whatever its value, and an upsert sets them all: a second reviewer's verdict or note would rewrite
 * the claim's place in `claim_by_position` too. So the indexed columns (its offsets and its removal)
 * are set only when they differ from the review's, and first, so the version recorded by the update
 * of the version (`claim_version_changed`) reads the claim as it ends up. The row is the upsert's.
 */
export function claimUpdater(
  db: Database.Database,
): (local: LocalClaim, c: BundleClaim, place: Placement, textChanged: number) => void {
  const move = db.prepare(`UPDATE claim SET start = ?, end = ?, deleted = ? WHERE id = ?`)
  const update = db.prepare(
    `UPDATE claim SET exact = ?, prefix = ?, suffix = ?, anchored = ?, verdict = ?, status = ?, note = ?, modified = ?,
       modified_by = ?, revision = ?, version = ?, text_changed = ? WHERE id = ?`,
  )
  return (local, c, place, textChanged) => {
    const deleted = c.deleted ? 1 : 0
    if (place.start !== local.start || place.end !== local.end || deleted !== local.deleted)
      move.run(place.start, place.end, deleted, c.id)
    update.run(
      place.exact,
      place.prefix,
      place.suffix,
      place.anchored,
      c.verdict,
      c.status,
      c.note,
      c.modified,
      c.modifiedBy,
      c.revision,
      c.version,
      textChanged,
      c.id,
    )
  }
}

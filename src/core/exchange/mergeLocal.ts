import type Database from 'better-sqlite3'
import type { ClaimRow, SourceRow } from '../db/rows'

/**
 * What this review holds for a file's claims and sources, read before the merge writes anything: each
 * id comes once in a file, so one query per table replaces one per claim and source (a small live-sync
 * batch still reads only its own ids).
 */
export interface LocalState {
  /** The versions seen of each claim and source of the file that this review has seen any of. */
  seen: Map<string, Set<string>>
  localClaims: Map<string, ClaimRow>
  localSources: Map<string, SourceRow>
  /** Entities with a pending conflict: only these can have one to settle. */
  pending: Set<string>
}

export function localState(
  db: Database.Database,
  claims: readonly { id: string }[],
  sources: readonly { id: string }[],
): LocalState {
  const ids = JSON.stringify([...claims.map((c) => c.id), ...sources.map((s) => s.id)])
  const seen = new Map<string, Set<string>>()
  for (const r of db
    .prepare(`SELECT entity_id, version FROM version_seen WHERE entity_id IN (SELECT value FROM json_each(?))`)
    .raw()
    .iterate(ids) as IterableIterator<[string, string]>) {
    const set = seen.get(r[0])
    if (set) set.add(r[1])
    else seen.set(r[0], new Set([r[1]]))
  }
  return {
    seen,
    localClaims: localRows<ClaimRow>(db, 'claim', claims.length, ids),
    localSources: localRows<SourceRow>(db, 'source', sources.length, ids),
    pending: new Set(
      db.prepare(`SELECT DISTINCT entity_id FROM conflict WHERE resolved = ''`).pluck().all() as string[],
    ),
  }
}

/**
 * This review's rows of a table among `ids`: the whole table when the file brings a good share of it
 * (one scan reads faster than as many lookups), else by id.
 */
function localRows<Row extends { id: string }>(
  db: Database.Database,
  table: 'claim' | 'source',
  incoming: number,
  ids: string,
): Map<string, Row> {
  const rows = new Map<string, Row>()
  if (incoming === 0) return rows
  const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const whole = incoming * 4 >= count
  const stmt = db.prepare(
    whole ? `SELECT * FROM ${table}` : `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  )
  for (const r of (whole ? stmt.iterate() : stmt.iterate(ids)) as IterableIterator<Row>) rows.set(r.id, r)
  return rows
}

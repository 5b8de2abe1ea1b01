import type Database from 'better-sqlite3'
import type { ClaimRow, SourceRow } from '../db/rows'

/**
 * What the merge reads of a local claim: its version and state, the content a conflict compares, and
 * its offsets (an update sets them only where they differ: ./mergeUpdate.ts).
 */
export type LocalClaim = Omit<
  ClaimRow,
  'document_id' | 'prefix' | 'suffix' | 'author' | 'created' | 'modified' | 'modified_by' | 'revision'
>

const CLAIM_COLUMNS = 'id, version, deleted, anchored, text_changed, exact, verdict, status, note, start, end'
// By index, not by destructuring: this runs once per claim, mostly before the engine optimizes it.
const toClaim = (r: never[]): LocalClaim => ({
  id: r[0],
  version: r[1],
  deleted: r[2],
  anchored: r[3],
  text_changed: r[4],
  exact: r[5],
  verdict: r[6],
  status: r[7],
  note: r[8],
  start: r[9],
  end: r[10],
})

/** What the merge reads of a local source: its version and the content a conflict compares. */
export type LocalSource = Pick<
  SourceRow,
  'id' | 'version' | 'deleted' | 'url' | 'title' | 'publisher' | 'published' | 'accessed' | 'excerpt' | 'archive_url'
>

const SOURCE_COLUMNS = 'id, version, deleted, url, title, publisher, published, accessed, excerpt, archive_url'
const toSource = (r: never[]): LocalSource => ({
  id: r[0],
  version: r[1],
  deleted: r[2],
  url: r[3],
  title: r[4],
  publisher: r[5],
  published: r[6],
  accessed: r[7],
  excerpt: r[8],
  archive_url: r[9],
})

/**
 * What this review holds for a file's claims and sources, read before the merge writes anything: each
 * id comes once in a file, so one query per table replaces one per claim and source (a small live-sync
 * batch still reads only its own ids).
 */
export interface LocalState {
  /** The versions seen of each claim and source of the file that this review has seen any of. */
  seen: Map<string, Set<string>>
  localClaims: Map<string, LocalClaim>
  localSources: Map<string, LocalSource>
  /** Entities with a pending conflict: only these can have one to settle. */
  pending: Set<string>
}

export function localState(
  db: Database.Database,
  claims: readonly { id: string }[],
  sources: readonly { id: string }[],
): LocalState {
  const idList = [...claims.map((c) => c.id), ...sources.map((s) => s.id)]
  const ids = JSON.stringify(idList)
  return {
    seen: seenVersions(db, idList, ids),
    localClaims: localRows(db, 'claim', CLAIM_COLUMNS, toClaim, claims.length, ids),
    localSources: localRows(db, 'source', SOURCE_COLUMNS, toSource, sources.length, ids),
    pending: new Set(
      db.prepare(`SELECT DISTINCT entity_id FROM conflict WHERE resolved = ''`).pluck().all() as string[],
    ),
  }
}

/**
 * The versions seen of `idList`: the whole table when the file brings a good share of it, filtered
 * here (a scan reads several times faster than a lookup per id through json_each), else by id.
 */
function seenVersions(db: Database.Database, idList: readonly string[], ids: string): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>()
  if (idList.length === 0) return seen
  const count = db.prepare(`SELECT count(*) FROM version_seen`).pluck().get() as number
  const whole = idList.length * 4 >= count
  const wanted = whole ? new Set(idList) : null
  const rows = (
    whole
      ? db.prepare(`SELECT entity_id, version FROM version_seen`).raw().all()
      : db
          .prepare(`SELECT entity_id, version FROM version_seen WHERE entity_id IN (SELECT value FROM json_each(?))`)
          .raw()
          .all(ids)
  ) as [string, string][]
  for (const r of rows) {
    const id = r[0]
    if (wanted && !wanted.has(id)) continue
    const set = seen.get(id)
    if (set) set.add(r[1])
    else seen.set(id, new Set([r[1]]))
  }
  return seen
}

/**
 * This review's rows of a table among `ids`, as `toRow` makes them of the raw columns (better-sqlite3's
 * own row objects cost twice the scan): the whole table when the file brings a good share of it (one
 * scan reads faster than as many lookups), else by id.
 */
function localRows<Row extends { id: string }>(
  db: Database.Database,
  table: 'claim' | 'source',
  columns: string,
  toRow: (raw: never[]) => Row,
  incoming: number,
  ids: string,
): Map<string, Row> {
  const rows = new Map<string, Row>()
  if (incoming === 0) return rows
  const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const whole = incoming * 4 >= count
  const stmt = db
    .prepare(
      whole
        ? `SELECT ${columns} FROM ${table}`
        : `SELECT ${columns} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
  for (const raw of (whole ? stmt.all() : stmt.all(ids)) as never[][]) {
    const row = toRow(raw)
    rows.set(row.id, row)
  }
  return rows
}

import type Database from 'better-sqlite3'
import { foldSearchText } from '../../shared/claimQuery'
import { installTriggers, tableExists } from './searchTriggers'

/**
 * Search over the claims of a review: quote, note, sources (URL, title, publisher, excerpt, archive
 * link), replies and tags, in the `claim_search` table (FTS5, trigram tokenizer) of the review file.
 *
 * How the index is kept in step — lazily, without any call from the code that changes claims:
 *  - On the first search of a connection, TEMP triggers are installed on `claim`, `source`, `reply` and
 *    `claim_tag` (./searchTriggers.ts): every insert or delete there, and every update that changes
 *    what the index reads, adds the claim's id to `temp.search_dirty`, in the same transaction as the
 *    change. So every writer on this connection (the store's methods, a merge, resolving a conflict,
 *    the essay's corrections, replies and tags, whatever comes next) is covered without remembering to
 *    call anything, and a rolled-back change leaves no trace.
 *  - Before each search the dirty claims are re-indexed (`reindexClaim`), in one transaction.
 *  - The index in the file is a cache: the first search of a connection compares it with what every
 *    claim's text is now and repairs what differs, and so does any search after another connection
 *    (the CLI, another tool) committed to the file (`PRAGMA data_version` tells).
 * Each row's body is the fields of one claim, each folded by `foldSearchText`, joined by a line break:
 * a query (white space folded to single spaces) never runs from one field into the next.
 */

interface SearchState {
  dataVersion: number
}

const states = new WeakMap<Database.Database, SearchState>()

/** The searchable fields of the given live claims (all of them when `ids` is null), folded. */
export function bodies(db: Database.Database, ids: readonly string[] | null): Map<string, string> {
  const only = ids === null ? '' : ` AND claim_id IN (SELECT value FROM json_each(?))`
  const args = ids === null ? [] : [JSON.stringify(ids)]
  const fields = new Map<string, string[]>()
  const add = (id: string, ...values: string[]) => {
    const list = fields.get(id)
    if (!list) return
    for (const v of values) if (v) list.push(v)
  }
  const claims = db
    .prepare(
      `SELECT id, exact, note FROM claim WHERE deleted = 0${ids === null ? '' : ' AND id IN (SELECT value FROM json_each(?))'}`,
    )
    .all(...args) as { id: string; exact: string; note: string }[]
  for (const c of claims) fields.set(c.id, [])
  for (const c of claims) add(c.id, c.exact, c.note)
  const sources = db
    .prepare(
      `SELECT claim_id, url, title, publisher, excerpt, archive_url FROM source WHERE deleted = 0${only} ORDER BY created, id`,
    )
    .all(...args) as {
    claim_id: string
    url: string
    title: string
    publisher: string
    excerpt: string
    archive_url: string
  }[]
  for (const s of sources) add(s.claim_id, s.title, s.publisher, s.url, s.excerpt, s.archive_url)
  if (tableExists(db, 'reply')) {
    const replies = db
      .prepare(`SELECT claim_id, body FROM reply WHERE deleted = 0${only} ORDER BY created, id`)
      .all(...args) as { claim_id: string; body: string }[]
    for (const r of replies) add(r.claim_id, r.body)
  }
  if (tableExists(db, 'claim_tag')) {
    const tags = db
      .prepare(`SELECT claim_id, name FROM claim_tag WHERE deleted = 0${only} ORDER BY name, id`)
      .all(...args) as { claim_id: string; name: string }[]
    for (const t of tags) add(t.claim_id, t.name)
  }
  const out = new Map<string, string>()
  for (const [id, list] of fields) out.set(id, list.map(foldSearchText).filter(Boolean).join('\n'))
  return out
}

/**
 * A claim's row in `claim_search` has the claim row's rowid, so it is found without a scan (`claim_id`
 * is UNINDEXED: looking a claim up by it would read the whole index).
 */
function writeBodies(db: Database.Database, ids: readonly string[], computed: Map<string, string>): void {
  const rowidOf = db.prepare(`SELECT rowid FROM claim WHERE id = ?`).pluck()
  const current = db.prepare(`SELECT claim_id, body FROM claim_search WHERE rowid = ?`)
  const removeRow = db.prepare(`DELETE FROM claim_search WHERE rowid = ?`)
  const removeById = db.prepare(`DELETE FROM claim_search WHERE claim_id = ?`)
  const insert = db.prepare(`INSERT INTO claim_search (rowid, claim_id, body) VALUES (?, ?, ?)`)
  for (const id of ids) {
    const rowid = rowidOf.get(id) as number | undefined
    if (rowid === undefined) {
      // The claim row itself is gone (nothing in Factdesk deletes one): the slow way, once.
      removeById.run(id)
      continue
    }
    const body = computed.get(id)
    const row = current.get(rowid) as { claim_id: string; body: string } | undefined
    if (row && row.claim_id === id && row.body === body) continue
    if (row) removeRow.run(rowid)
    if (body !== undefined) insert.run(rowid, id, body)
  }
}

/**
 * Re-indexes the given claims now (a removed or missing claim leaves the index). Searching does this
 * by itself for every change it is told of; call it only to force it.
 */
export function reindexClaims(db: Database.Database, ids: readonly string[]): void {
  if (ids.length === 0) return
  db.transaction(() => writeBodies(db, ids, bodies(db, ids))).immediate()
}

export function reindexClaim(db: Database.Database, claimId: string): void {
  reindexClaims(db, [claimId])
}

/** Rebuilds what differs between the index and the claims' text now; returns how many claims changed. */
export function syncSearchIndex(db: Database.Database): number {
  let changed = 0
  db.transaction(() => {
    const computed = bodies(db, null)
    const rowids = new Map(
      (db.prepare(`SELECT id, rowid FROM claim`).all() as { id: string; rowid: number }[]).map((r) => [r.id, r.rowid]),
    )
    const indexed = db.prepare(`SELECT rowid, claim_id, body FROM claim_search`).all() as {
      rowid: number
      claim_id: string
      body: string
    }[]
    const removeRow = db.prepare(`DELETE FROM claim_search WHERE rowid = ?`)
    const insert = db.prepare(`INSERT INTO claim_search (rowid, claim_id, body) VALUES (?, ?, ?)`)
    const good = new Set<string>()
    const touched = new Set<string>()
    // Every row that is not a live claim's current text at that claim's rowid goes; then what is missing comes.
    for (const row of indexed) {
      if (
        rowids.get(row.claim_id) === row.rowid &&
        computed.get(row.claim_id) === row.body &&
        !good.has(row.claim_id)
      ) {
        good.add(row.claim_id)
      } else {
        removeRow.run(row.rowid)
        touched.add(row.claim_id)
      }
    }
    for (const [id, body] of computed) {
      if (good.has(id)) continue
      insert.run(rowids.get(id), id, body)
      touched.add(id)
    }
    changed = touched.size
    db.exec(`DELETE FROM temp.search_dirty`)
  }).immediate()
  return changed
}

/** Brings the index up to date with every change made since the last search. */
export function refreshSearchIndex(db: Database.Database): void {
  const dataVersion = (): number => db.pragma('data_version', { simple: true }) as number
  const state = states.get(db)
  if (!state || state.dataVersion !== dataVersion()) {
    // First search on this connection, or another connection wrote to the file: check everything.
    installTriggers(db)
    syncSearchIndex(db)
    states.set(db, { dataVersion: dataVersion() })
    return
  }
  const dirty = db.prepare(`SELECT DISTINCT claim_id FROM temp.search_dirty`).pluck().all() as string[]
  if (dirty.length === 0) return
  db.transaction(() => {
    writeBodies(db, dirty, bodies(db, dirty))
    db.exec(`DELETE FROM temp.search_dirty`)
  }).immediate()
}

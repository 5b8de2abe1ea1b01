import type Database from 'better-sqlite3'
import { claimQuerySchema, foldSearchText, type ClaimQuery, type ClaimSearchResult } from '../../shared/claimQuery'
import { tagKey } from '../../shared/thread'
import { foldName } from '../../shared/workflow'
import type { ReviewStore } from '../review/store'
import { conflictedClaimIds } from '../claims/queries'
import { bodies, refreshSearchIndex } from './searchIndex'
import { tableExists } from './searchTriggers'

/**
 * Finding and listing claims: the text search over the index kept by ./searchIndex.ts, the filters
 * and the sort of the Claims panel.
 */

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const ftsPhrase = (q: string): string => `"${q.replace(/"/g, '""')}"`

/**
 * Ids of the live claims whose text contains `query` (folded as the index is), or null for an empty
 * query (everything matches). Three characters or more use the trigram index; one or two characters
 * ("서울", "AI", "2위"), which the trigram tokenizer cannot match, scan the same folded bodies with LIKE.
 */
export function searchClaimIds(db: Database.Database, query: string): Set<string> | null {
  const q = foldSearchText(query)
  if (q === '') return null
  if (db.readonly) {
    // A window reading a review another one writes cannot keep the index: it reads the claims' text.
    return new Set([...bodies(db, null)].filter(([, body]) => body.includes(q)).map(([id]) => id))
  }
  refreshSearchIndex(db)
  // Only a row at its claim's own rowid counts, and only for a live claim: a stray row can never match.
  const live = `JOIN claim c ON c.rowid = s.rowid AND c.id = s.claim_id AND c.deleted = 0`
  const rows =
    [...q].length >= 3
      ? db.prepare(`SELECT s.claim_id FROM claim_search s ${live} WHERE claim_search MATCH ?`).pluck().all(ftsPhrase(q))
      : db
          .prepare(`SELECT s.claim_id FROM claim_search s ${live} WHERE s.body LIKE ? ESCAPE '\\'`)
          .pluck()
          .all(likePattern(q))
  return new Set(rows as string[])
}

interface QueryRow {
  id: string
  verdict: string
  status: string
  author: string
  modified_by: string
  anchored: number
  text_changed: number
  sources: number
  last_change: string
}

interface Listing {
  rows: QueryRow[]
  tagRows: { claim_id: string; name: string }[]
}

const listings = new WeakMap<Database.Database, { stamp: string; sort: string; listing: Listing }>()

/**
 * The claims in order, read again only after a write (by this connection: `total_changes()`; by
 * another: `data_version`): a reviewer typing a search asks once a keystroke of a review that does not
 * change meanwhile, and reading and sorting every claim each time cost most of the answer.
 */
function unchangedSince(db: Database.Database, sort: string, read: () => Listing): Listing {
  const stamp = `${db.pragma('data_version', { simple: true }) as number}:${db.prepare(`SELECT total_changes()`).pluck().get() as number}`
  const hit = listings.get(db)
  if (hit && hit.stamp === stamp && hit.sort === sort && !db.inTransaction) return hit.listing
  const listing = read()
  if (!db.inTransaction) listings.set(db, { stamp, sort, listing })
  return listing
}

/**
 * The Claims panel's question: search, filters and sort together. Filters combine with each other and
 * with the search (all must hold). Sort by position in the essay (unanchored claims last) or by the
 * last change of the claim or of anything on it, newest first.
 */
export function queryClaims(store: Pick<ReviewStore, 'db'>, input: ClaimQuery): ClaimSearchResult {
  const { db } = store
  const { query, filters: f, sort } = claimQuerySchema.parse(input)
  const hasReply = tableExists(db, 'reply')
  const hasTag = tableExists(db, 'claim_tag')
  const latest = (table: string) => `(SELECT max(x.modified) FROM ${table} x WHERE x.claim_id = c.id)`
  const changes = [
    'c.modified',
    latest('source'),
    hasReply ? latest('reply') : null,
    hasTag ? latest('claim_tag') : null,
  ]
    .filter(Boolean)
    .map((e) => `coalesce(${e}, '')`)
  // The index first: bringing it up to date writes, and the list kept below must outlive that.
  if (!db.readonly) refreshSearchIndex(db)
  const { rows, tagRows } = unchangedSince(db, sort, () => ({
    rows: db
      .prepare(
        `SELECT c.id, c.verdict, c.status, c.author, c.modified_by, c.anchored, c.text_changed,
           (SELECT count(*) FROM source s WHERE s.claim_id = c.id AND s.deleted = 0) AS sources,
           ${sort === 'modified' ? `max(${changes.join(', ')})` : `''`} AS last_change
         FROM claim c WHERE c.deleted = 0
         ORDER BY ${sort === 'modified' ? 'last_change DESC, c.start, c.end, c.id' : 'c.anchored DESC, c.start, c.end, c.created, c.id'}`,
      )
      .all() as QueryRow[],
    tagRows: hasTag
      ? (db
          .prepare(
            `SELECT t.claim_id, t.name FROM claim_tag t JOIN claim c ON c.id = t.claim_id WHERE t.deleted = 0 AND c.deleted = 0`,
          )
          .all() as { claim_id: string; name: string }[])
      : [],
  }))
  const conflicted = f.conflict ? conflictedClaimIds(store) : null
  const workflow = f.assignee || f.signedOff ? workflowFilter(db, f.assignee) : null
  const matches = searchClaimIds(db, query)
  const wantTag = f.tag ? tagKey(f.tag) : null
  const tagged =
    wantTag === null ? null : new Set(tagRows.filter((t) => tagKey(t.name) === wantTag).map((t) => t.claim_id))
  const ids = rows
    .filter(
      (r) =>
        (matches === null || matches.has(r.id)) &&
        (f.verdict === undefined || r.verdict === f.verdict) &&
        (f.status === undefined || r.status === f.status) &&
        (!f.reviewer || r.author === f.reviewer || r.modified_by === f.reviewer) &&
        (!f.noSource || r.sources === 0) &&
        (!f.unanchored || r.anchored === 0) &&
        (!f.textChanged || r.text_changed === 1) &&
        (conflicted === null || conflicted.has(r.id)) &&
        (tagged === null || tagged.has(r.id)) &&
        (!f.assignee || workflow?.assigned.has(r.id)) &&
        (!f.signedOff || (workflow?.signedVerdict.get(r.id) === r.verdict && r.text_changed === 0)),
    )
    .map((r) => r.id)
  const byKey = new Map<string, string>()
  for (const t of tagRows) if (!byKey.has(tagKey(t.name))) byKey.set(tagKey(t.name), t.name)
  const collator = new Intl.Collator(['ko', 'en'])
  return {
    ids,
    tags: [...byKey.values()].sort(collator.compare),
    reviewers: [...new Set(rows.flatMap((r) => [r.author, r.modified_by]).filter(Boolean))].sort(collator.compare),
  }
}

/** Claims assigned to `assignee` (compared as names are: NFC, case-folded) and the verdict each sign-off approved. */
function workflowFilter(db: Database.Database, assignee: string | undefined) {
  const rows = db.prepare(`SELECT claim_id, assignee, signed_by, signed_verdict FROM claim_workflow`).all() as {
    claim_id: string
    assignee: string
    signed_by: string
    signed_verdict: string
  }[]
  const want = assignee ? foldName(assignee) : null
  return {
    assigned: new Set(rows.filter((r) => want !== null && foldName(r.assignee) === want).map((r) => r.claim_id)),
    signedVerdict: new Map(rows.filter((r) => r.signed_by !== '').map((r) => [r.claim_id, r.signed_verdict])),
  }
}

import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { FactdeskError } from '../../shared/errors'
import { normalizeTagName, TAG_MAX, TAG_PALETTE, tagKey, type Reply, type TagSummary } from '../../shared/thread'
import { recordEvent } from '../review/history'
import type { ReviewStore } from '../review/store'
import { toReply, type ReplyRow, type TagRow } from '../db/rows'
import { collate } from './queries'
import { getClaim } from '../claims/queries'
import { all, column, get } from '../db/query'

/**
 * A claim's discussion: replies (edited and deleted by their author only) and tags (free text, one
 * colour per tag name in the review); the claim's history is src/core/review/history.ts. Replies and tags are
 * entities with versions and tombstones, like sources, so they travel in bundles and merge by id.
 *
 * Neither a reply nor a tag changes its claim's version or modified time: they merge by their own ids,
 * so one reviewer tagging a claim and another editing its note are not a conflict.
 */

const now = (): string => new Date().toISOString()

// ---------------------------------------------------------------------------------------------------
// Replies

function liveReply(db: Database.Database, id: string): ReplyRow {
  const row = get<ReplyRow>(db, `SELECT * FROM reply WHERE id = ? AND deleted = 0`, id)
  if (!row) throw new FactdeskError('reply-not-found', { id })
  return row
}

function replyText(body: string): string {
  const text = body.normalize('NFC').trim()
  if (text === '') throw new FactdeskError('reply-empty')
  return text
}

/** Only a reply's author may change it; the reviewer name set in Preferences says who that is. */
function mustOwn(row: ReplyRow, actor: string, action: 'edit' | 'delete'): void {
  if (actor !== '' && row.author === actor) return
  throw new FactdeskError('reply-not-yours', { action, owner: row.author, you: actor })
}

export function addReply(store: ReviewStore, claimId: string, body: string, actor: string): Reply {
  const text = replyText(body)
  const id = randomUUID()
  const t = now()
  store.db
    .transaction(() => {
      getClaim(store, claimId)
      store.db
        .prepare(
          `INSERT INTO reply (id, claim_id, author, body, created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, claimId, actor, text, t, t, store.newVersion(id))
      recordEvent(store.db, claimId, actor, 'reply-added', { replyId: id }, t)
    })
    .immediate()
  return toReply(liveReply(store.db, id))
}

export function updateReply(store: ReviewStore, id: string, body: string, actor: string): Reply {
  const text = replyText(body)
  store.db
    .transaction(() => {
      const row = liveReply(store.db, id)
      getClaim(store, row.claim_id)
      mustOwn(row, actor, 'edit')
      if (row.body === text) return
      const t = now()
      store.db
        .prepare(`UPDATE reply SET body = ?, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
        .run(text, t, store.newVersion(id), id)
      recordEvent(store.db, row.claim_id, actor, 'reply-edited', { replyId: id }, t)
    })
    .immediate()
  return toReply(liveReply(store.db, id))
}

/** Deletion is a tombstone, so it travels to other reviewers' files. Returns the reply's claim id. */
export function deleteReply(store: ReviewStore, id: string, actor: string): string {
  return store.db
    .transaction(() => {
      const row = liveReply(store.db, id)
      getClaim(store, row.claim_id)
      mustOwn(row, actor, 'delete')
      setReplyDeleted(store, row, true, actor)
      return row.claim_id
    })
    .immediate()
}

/**
 * Deletes a reply (a tombstone) or brings a deleted one back: a new version of the row with its history
 * entry. Call inside the transaction of the change, after checking who may change it.
 */
export function setReplyDeleted(store: ReviewStore, row: ReplyRow, deleted: boolean, actor: string): void {
  const t = now()
  store.db
    .prepare(`UPDATE reply SET deleted = ?, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
    .run(deleted ? 1 : 0, t, store.newVersion(row.id), row.id)
  recordEvent(store.db, row.claim_id, actor, deleted ? 'reply-removed' : 'reply-restored', { replyId: row.id }, t)
}

/** The reply, if it is live. */
export function reply(store: ReviewStore, id: string): Reply {
  return toReply(liveReply(store.db, id))
}

// ---------------------------------------------------------------------------------------------------
// Tags

function tagName(raw: string): string {
  const n = normalizeTagName(raw)
  if (!n.ok)
    throw n.reason === 'tag-too-long'
      ? new FactdeskError('tag-too-long', { max: TAG_MAX })
      : new FactdeskError(n.reason)
  return n.name
}

const hashIndex = (name: string, n: number): number =>
  createHash('sha256').update(name, 'utf8').digest().readUInt32BE(0) % n

/**
 * A colour for a tag that has none yet: the palette colour fewest tags use, starting the search at a
 * place that depends on the name (so two reviews tend to give a tag the same colour).
 */
export function pickTagColor(db: Database.Database, name: string): string {
  const used = new Map<string, number>()
  for (const r of all<{ color: string; n: number }>(db, `SELECT color, count(*) AS n FROM tag_style GROUP BY color`)) {
    used.set(r.color, r.n)
  }
  const n = TAG_PALETTE.length
  const start = hashIndex(name, n)
  let best: string = TAG_PALETTE[start].color
  for (let i = 0; i < n; i++) {
    const color = TAG_PALETTE[(start + i) % n].color
    if ((used.get(color) ?? 0) < (used.get(best) ?? 0)) best = color
  }
  return best
}

/** Gives a tag name a colour unless it has one. */
export function ensureTagStyle(db: Database.Database, name: string): void {
  if (db.prepare(`SELECT 1 FROM tag_style WHERE name = ?`).get(name)) return
  db.prepare(`INSERT INTO tag_style (name, color) VALUES (?, ?)`).run(name, pickTagColor(db, name))
}

/** The spelling the review already uses for a tag ("AI" when "ai" is typed), else the name as given. */
function reviewSpelling(db: Database.Database, name: string): string {
  const key = tagKey(name)
  const names = column<string>(
    db,
    `SELECT name FROM claim_tag WHERE deleted = 0 GROUP BY name ORDER BY count(*) DESC, min(created), name`,
  )
  return names.find((n) => tagKey(n) === key) ?? name
}

/** Tags a claim; a tag the claim already has (in any case) changes nothing. Returns the name used. */
export function addTag(store: ReviewStore, claimId: string, raw: string, actor: string): string {
  const typed = tagName(raw)
  return store.db
    .transaction(() => {
      getClaim(store, claimId)
      const name = reviewSpelling(store.db, typed)
      const mine = column<string>(store.db, `SELECT name FROM claim_tag WHERE claim_id = ? AND deleted = 0`, claimId)
      const existing = mine.find((n) => tagKey(n) === tagKey(name))
      if (existing !== undefined) return existing
      const id = randomUUID()
      const t = now()
      store.db
        .prepare(
          `INSERT INTO claim_tag (id, claim_id, name, author, created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, claimId, name, actor, t, t, store.newVersion(id))
      ensureTagStyle(store.db, name)
      recordEvent(store.db, claimId, actor, 'tag-added', { name }, t)
      return name
    })
    .immediate()
}

/**
 * Removes a tag from a claim (every row of that name: two reviewers may each have added it). A tag
 * row is only ever live, then removed: adding the tag again makes a new row.
 */
export function removeTag(store: ReviewStore, claimId: string, raw: string, actor: string): void {
  const name = tagName(raw)
  store.db
    .transaction(() => {
      getClaim(store, claimId)
      const rows = all<TagRow>(store.db, `SELECT * FROM claim_tag WHERE claim_id = ? AND deleted = 0`, claimId).filter(
        (r) => tagKey(r.name) === tagKey(name),
      )
      if (rows.length === 0) throw new FactdeskError('tag-not-on-claim', { name })
      const t = now()
      for (const r of rows) {
        store.db
          .prepare(`UPDATE claim_tag SET deleted = 1, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
          .run(t, store.newVersion(r.id), r.id)
      }
      recordEvent(store.db, claimId, actor, 'tag-removed', { name: rows[0].name }, t)
    })
    .immediate()
}

/** Every tag on a live claim: its colour and the number of claims carrying it, in collation order. */
export function listTags(store: ReviewStore): TagSummary[] {
  const rows = all<{ name: string; count: number; color: string | null }>(
    store.db,
    `SELECT t.name AS name, count(DISTINCT t.claim_id) AS count, s.color AS color
       FROM claim_tag t JOIN claim c ON c.id = t.claim_id AND c.deleted = 0
       LEFT JOIN tag_style s ON s.name = t.name
       WHERE t.deleted = 0 GROUP BY t.name`,
  )
  return rows
    .map((r) => ({ name: r.name, color: r.color ?? pickTagColor(store.db, r.name), count: r.count }))
    .sort((a, b) => collate(a.name, b.name))
}

/** Changes a tag's colour for the whole review. */
export function setTagColor(store: ReviewStore, raw: string, color: string): TagSummary[] {
  const name = tagName(raw)
  const used = store.db.prepare(`SELECT 1 FROM claim_tag WHERE name = ? AND deleted = 0 LIMIT 1`).get(name)
  if (!used) throw new FactdeskError('tag-unused', { name })
  store.db
    .transaction(() => {
      store.db
        .prepare(
          `INSERT INTO tag_style (name, color) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET color = excluded.color`,
        )
        .run(name, color)
    })
    .immediate()
  return listTags(store)
}

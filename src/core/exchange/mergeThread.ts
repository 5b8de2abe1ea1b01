import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { ReviewStore } from '../review/store'
import { uuidV5 } from '../lib/names'
import { recordImportEntry } from '../review/history'
import { ensureTagStyle } from '../thread/thread'
import { toReply, type ReplyRow, type TagRow } from '../db/rows'
import { relation, wins } from './mergeRules'
import type { BundleEvent, BundleReply, BundleTag, BundleTagStyle } from './bundleThread'

/**
 * Merging a claim's discussion: replies and tags by id with their version histories (like sources),
 * tag colours, and the history (a union by id, never a conflict).
 *
 * Replies and tags never make a conflict entry (the conflict table holds claims and sources). When
 * both sides changed the same reply since the version they share, the rule is the same in every file,
 * so merges converge whatever their order:
 *  - the side with the later `modified` (then the larger version id) stays in place;
 *  - the other side, unless it is a deletion, is kept as a separate reply next to it, with an id and
 *    version derived from the reply's id and that side's version (so both files derive the same one);
 *  - identical content (both deleted, or the same text) is no conflict: the same winner stays.
 * Only a reply's author can edit or delete it, so this happens only when one person edited the same
 * reply in two files; nothing they wrote is lost. A tag row is only ever added, then removed: two sides
 * changing it can only both have removed it.
 */

export interface ThreadIncoming {
  replies?: BundleReply[]
  tags?: BundleTag[]
  tagStyles?: BundleTagStyle[]
  events?: BundleEvent[]
}

/** What a merge did to a claim, for its one 'merged' history entry. */
export type MergeChange = 'added' | 'updated' | 'removed' | 'conflict' | 'thread'
const weight: Record<MergeChange, number> = { thread: 1, updated: 2, added: 3, removed: 4, conflict: 5 }

/** The biggest change a merge made to each claim. */
export class MergeTouches {
  readonly byClaim = new Map<string, MergeChange>()
  note(claimId: string, change: MergeChange | undefined): void {
    if (!change) return
    const was = this.byClaim.get(claimId)
    if (!was || weight[change] > weight[was]) this.byClaim.set(claimId, change)
  }
}

/** The change an incoming claim written over ours (or added) makes. */
export function claimChange(
  rel: 'new' | 'theirs-newer' | 'concurrent',
  localDeleted: boolean,
  theirDeleted: boolean,
): MergeChange | undefined {
  if (rel === 'new') return theirDeleted ? undefined : 'added'
  if (theirDeleted) return localDeleted ? undefined : 'removed'
  return 'updated'
}

/** The id of the kept other side of a reply: derived from both, so it is the same in every file. */
export function splitReplyId(replyId: string, version: string): string {
  return uuidV5(`factdesk:reply-split:${replyId}:${version}`)
}

const toBundleReply = (r: ReplyRow): Omit<BundleReply, 'history'> => ({ ...toReply(r), deleted: r.deleted === 1 })

export interface ThreadCounts {
  repliesAdded: number
  repliesUpdated: number
  tagsChanged: number
}

/** Merges replies, tags, tag colours and history; call inside the merge's transaction. */
export function mergeThread(
  store: ReviewStore,
  incoming: ThreadIncoming,
  known: (id: string) => Set<string>,
  touched: MergeTouches,
): ThreadCounts {
  const { db } = store
  const counts: ThreadCounts = { repliesAdded: 0, repliesUpdated: 0, tagsChanged: 0 }
  const remember = db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
  const claimExists = db.prepare(`SELECT 1 FROM claim WHERE id = ?`)

  const replyRow = db.prepare(`SELECT * FROM reply WHERE id = ?`)
  const writeReply = db.prepare(
    `INSERT INTO reply (id, claim_id, author, body, created, modified, revision, deleted, version)
     VALUES (@id, @claimId, @author, @body, @created, @modified, @revision, @deleted, @version)
     ON CONFLICT (id) DO UPDATE SET author = excluded.author, body = excluded.body, modified = excluded.modified,
       revision = excluded.revision, deleted = excluded.deleted, version = excluded.version`,
  )
  const keepSplit = db.prepare(
    `INSERT OR IGNORE INTO reply (id, claim_id, author, body, created, modified, revision, deleted, version)
     VALUES (@id, @claimId, @author, @body, @created, @modified, @revision, 0, @version)`,
  )
  const put = (r: Omit<BundleReply, 'history'>) => writeReply.run({ ...r, deleted: r.deleted ? 1 : 0 })

  for (const r of incoming.replies ?? []) {
    if (!claimExists.get(r.claimId)) continue
    const local = replyRow.get(r.id) as ReplyRow | undefined
    const rel = relation(known(r.id), local?.version, r)
    if (rel === 'new') {
      put(r)
      if (!r.deleted) counts.repliesAdded++
      touched.note(r.claimId, 'thread')
    } else if (rel === 'theirs-newer') {
      put(r)
      counts.repliesUpdated++
      touched.note(r.claimId, 'thread')
    } else if (rel === 'concurrent' && local) {
      const mine = toBundleReply(local)
      const theirsWin = wins(r, mine)
      const winner = theirsWin ? r : mine
      const loser = theirsWin ? mine : r
      const same = mine.deleted === r.deleted && (mine.deleted || mine.body === r.body)
      if (theirsWin) put(r)
      if (!same && !loser.deleted) {
        const version = uuidV5(`factdesk:reply-split-version:${r.id}:${loser.version}`)
        const id = splitReplyId(r.id, loser.version)
        keepSplit.run({ ...loser, id, created: winner.created, version })
        remember.run(id, version)
      }
      // Both sides wrote the same thing: nothing a reader would see changed.
      if (!same) {
        counts.repliesUpdated++
        touched.note(r.claimId, 'thread')
      }
    }
    for (const v of r.history) remember.run(r.id, v)
  }

  const tagRow = db.prepare(`SELECT * FROM claim_tag WHERE id = ?`)
  const writeTag = db.prepare(
    `INSERT INTO claim_tag (id, claim_id, name, author, created, modified, revision, deleted, version)
     VALUES (@id, @claimId, @name, @author, @created, @modified, @revision, @deleted, @version)
     ON CONFLICT (id) DO UPDATE SET modified = excluded.modified, revision = excluded.revision,
       deleted = excluded.deleted, version = excluded.version`,
  )
  // Colours the file brings for tags this review has not coloured yet; the review's own colours stay.
  const styleTag = db.prepare(`INSERT OR IGNORE INTO tag_style (name, color) VALUES (?, ?)`)
  for (const s of incoming.tagStyles ?? []) styleTag.run(s.name, s.color)
  for (const t of incoming.tags ?? []) {
    if (!claimExists.get(t.claimId)) continue
    const local = tagRow.get(t.id) as TagRow | undefined
    const rel = relation(known(t.id), local?.version, t)
    const changed =
      rel === 'new' || rel === 'theirs-newer' || (rel === 'concurrent' && local !== undefined && wins(t, local))
    if (changed) {
      writeTag.run({ ...t, deleted: t.deleted ? 1 : 0 })
      if (!t.deleted) ensureTagStyle(db, t.name)
      const visible = rel === 'new' ? !t.deleted : (local?.deleted === 1) !== t.deleted
      if (visible) {
        counts.tagsChanged++
        touched.note(t.claimId, 'thread')
      }
    }
    for (const v of t.history) remember.run(t.id, v)
  }

  mergeEvents(db, incoming.events ?? [])
  return counts
}

/** The history is a union: an entry is added once, by id, and never changed. */
function mergeEvents(db: Database.Database, events: BundleEvent[]): void {
  const add = db.prepare(
    `INSERT OR IGNORE INTO event (id, claim_id, at, actor, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  for (const e of events) add.run(e.id, e.claimId, e.at, e.actor, e.kind, JSON.stringify(e.detail))
}

/**
 * One 'merged' entry per claim the merge added, changed, removed or found in conflict, naming the file:
 * an import writes them as one row (recordImportEntry), live sync as rows of their own.
 */
export function recordMergeEvents(
  db: Database.Database,
  touched: MergeTouches,
  fileName: string,
  importer: string,
  at: string,
  asImport = true,
): void {
  if (asImport) return recordImportEntry(db, touched.byClaim, fileName, importer, at)
  // One statement for all of them: a call per row cost about twice the rows' own writing.
  const rows: string[][] = []
  const details = new Map<MergeChange, string>()
  for (const [claimId, change] of touched.byClaim) {
    let detail = details.get(change)
    if (!detail) details.set(change, (detail = JSON.stringify({ file: fileName, change })))
    rows.push([randomUUID(), claimId, detail])
  }
  db.prepare(
    `INSERT INTO event (id, claim_id, at, actor, kind, detail_json)
     SELECT value ->> 0, value ->> 1, ?, ?, 'merged', value ->> 2 FROM json_each(?)`,
  ).run(at, importer, JSON.stringify(rows))
}

import { foldName, mentionedNames, type Notice } from '../../shared/workflow'
import type { ReviewStore } from '../review/store'

/**
 * What asks for this reviewer's attention: claims assigned to them by someone else, and replies by
 * others that name them (@name). Read from the review itself, so a notice made on another machine
 * appears as soon as its change arrives (an import or live sync). Which ones were seen is kept per
 * reviewer in the review file (notice_seen) and never travels: it is this desk's own reading state.
 */
export function listNotices(store: ReviewStore, reviewer: string): Notice[] {
  const me = foldName(reviewer)
  if (!me) return []
  const seen = new Set(store.db.prepare(`SELECT key FROM notice_seen WHERE reviewer = ?`).pluck().all(me) as string[])
  const notices: Notice[] = []
  const assigned = store.db
    .prepare(
      `SELECT w.claim_id, w.assignee, w.modified, w.modified_by, w.version, c.exact FROM claim_workflow w
       JOIN claim c ON c.id = w.claim_id AND c.deleted = 0 WHERE w.assignee <> ''`,
    )
    .all() as {
    claim_id: string
    assignee: string
    modified: string
    modified_by: string
    version: string
    exact: string
  }[]
  for (const a of assigned) {
    if (foldName(a.assignee) !== me || foldName(a.modified_by) === me) continue
    const key = `assigned:${a.claim_id}:${a.version}`
    notices.push({
      key,
      kind: 'assigned',
      claimId: a.claim_id,
      exact: a.exact,
      by: a.modified_by,
      at: a.modified,
      excerpt: '',
      seen: seen.has(key),
    })
  }
  const replies = store.db
    .prepare(
      `SELECT r.id, r.claim_id, r.author, r.body, r.modified, c.exact FROM reply r
       JOIN claim c ON c.id = r.claim_id AND c.deleted = 0 WHERE r.deleted = 0 AND instr(r.body, '@') > 0`,
    )
    .all() as { id: string; claim_id: string; author: string; body: string; modified: string; exact: string }[]
  for (const r of replies) {
    if (foldName(r.author) === me || !mentionedNames(r.body).includes(me)) continue
    const key = `mention:${r.id}`
    const excerpt = Array.from(r.body).slice(0, 140).join('')
    notices.push({
      key,
      kind: 'mention',
      claimId: r.claim_id,
      exact: r.exact,
      by: r.author,
      at: r.modified,
      excerpt,
      seen: seen.has(key),
    })
  }
  return notices.sort((a, b) => Number(a.seen) - Number(b.seen) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

export function markNoticesSeen(store: ReviewStore, reviewer: string, keys: string[]): void {
  const me = foldName(reviewer)
  if (!me) return
  const insert = store.db.prepare(`INSERT OR IGNORE INTO notice_seen (reviewer, key) VALUES (?, ?)`)
  store.db.transaction(() => keys.forEach((k) => insert.run(me, k))).immediate()
}

import { FactdeskError } from '../../shared/errors'
import { setSourceDeleted } from './commands'
import type { ReviewStore } from '../review/store'
import type { SourceRow } from '../db/rows'
import { setReplyDeleted } from '../thread/thread'
import type { ReplyRow } from '../db/rows'
import { getClaim } from './queries'
import { get } from '../db/query'

/**
 * Undo of removals. Sources and replies are versioned rows with tombstones, so bringing one back is a
 * new version of the row (live again) with a history entry: a merge sees the restore as a change like
 * any other and it travels to other reviewers' files. A removed tag is added again with 'tag-add' (a tag
 * row is only ever live, then removed: mergeThread relies on that). A dismissed suggestion is only a
 * key in this review, so taking the dismissal back removes the key.
 */

/** Brings a removed source back on its claim (which must be live). Returns the claim id. */
export function restoreSource(store: ReviewStore, id: string, actor: string): string {
  return store.db
    .transaction(() => {
      const row = get<SourceRow>(store.db, `SELECT * FROM source WHERE id = ?`, id)
      if (!row || row.deleted === 0) throw new FactdeskError('source-not-removed', { id })
      getClaim(store, row.claim_id)
      setSourceDeleted(store, { id, claimId: row.claim_id, url: row.url, title: row.title }, false, actor)
      return row.claim_id
    })
    .immediate()
}

/** Brings a deleted reply back; like deleting it, only its author may. Returns the claim id. */
export function restoreReply(store: ReviewStore, id: string, actor: string): string {
  return store.db
    .transaction(() => {
      const row = get<ReplyRow>(store.db, `SELECT * FROM reply WHERE id = ?`, id)
      if (!row || row.deleted === 0) throw new FactdeskError('reply-not-removed', { id })
      getClaim(store, row.claim_id)
      if (actor === '' || row.author !== actor) {
        throw new FactdeskError('reply-not-yours', { action: 'restore', owner: row.author, you: actor })
      }
      setReplyDeleted(store, row, false, actor)
      return row.claim_id
    })
    .immediate()
}

/** The sentence is suggested again. */
export function restoreSuggestion(store: ReviewStore, key: string): void {
  const result = store.db
    .transaction(() => store.db.prepare(`DELETE FROM dismissed_suggestion WHERE key = ?`).run(key))
    .immediate()
  if (result.changes === 0) throw new FactdeskError('suggestion-not-dismissed')
}

import { FactdeskError } from '../shared/errors'
import { recordEvent } from './history'
import type { HandlerRegistry, ServiceContext } from './service'
import type { ReviewStore } from './store'
import type { SourceRow } from './rows'
import type { ReplyRow } from './thread'

/**
 * Undo of removals. Sources and replies are versioned rows with tombstones, so bringing one back is a
 * new version of the row (live again) with a history entry: a merge sees the restore as a change like
 * any other and it travels to other reviewers' files. A removed tag is added again with 'tag-add' (a tag
 * row is only ever live, then removed: mergeThread relies on that). A dismissed suggestion is only a
 * key in this review, so taking the dismissal back removes the key.
 */

const now = (): string => new Date().toISOString()

/** Brings a removed source back on its claim (which must be live). Returns the claim id. */
export function restoreSource(store: ReviewStore, id: string, actor: string): string {
  return store.db.transaction(() => {
    const row = store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(id) as SourceRow | undefined
    if (!row || row.deleted === 0) throw new FactdeskError('not-found', `No removed source ${id} to restore.`)
    store.claim(row.claim_id)
    const t = now()
    store.db
      .prepare(`UPDATE source SET deleted = 0, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
      .run(t, store.newVersion(id), id)
    // As every source change: shown on the claim's card, not a new version of the claim.
    store.db.prepare(`UPDATE claim SET modified = ?, modified_by = ? WHERE id = ?`).run(t, actor, row.claim_id)
    recordEvent(store.db, row.claim_id, actor, 'source-restored', { sourceId: id, url: row.url, title: row.title }, t)
    return row.claim_id
  }).immediate()
}

/** Brings a deleted reply back; like deleting it, only its author may. Returns the claim id. */
export function restoreReply(store: ReviewStore, id: string, actor: string): string {
  return store.db.transaction(() => {
    const row = store.db.prepare(`SELECT * FROM reply WHERE id = ?`).get(id) as ReplyRow | undefined
    if (!row || row.deleted === 0) throw new FactdeskError('not-found', `No deleted reply ${id} to restore.`)
    store.claim(row.claim_id)
    if (actor === '' || row.author !== actor) {
      throw new FactdeskError('forbidden', `You can only restore your own replies: this is ${row.author || 'someone else'}’s reply.`)
    }
    const t = now()
    store.db
      .prepare(`UPDATE reply SET deleted = 0, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
      .run(t, store.newVersion(id), id)
    recordEvent(store.db, row.claim_id, actor, 'reply-restored', { replyId: id }, t)
    return row.claim_id
  }).immediate()
}

/** The sentence is suggested again. */
export function restoreSuggestion(store: ReviewStore, key: string): void {
  const result = store.db.transaction(() => store.db.prepare(`DELETE FROM dismissed_suggestion WHERE key = ?`).run(key)).immediate()
  if (result.changes === 0) throw new FactdeskError('not-found', 'That suggestion was not dismissed.')
}

export function registerRestoreHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('source-restore', ({ id }) => store().claim(restoreSource(store(), id, actor())))
  reg.register('reply-restore', ({ id }) => store().claim(restoreReply(store(), id, actor())))
  reg.register('suggestion-restore', ({ key }) => {
    restoreSuggestion(store(), key)
    return { key }
  })
}

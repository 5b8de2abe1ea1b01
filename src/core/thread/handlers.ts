import type { HandlerRegistry, ServiceContext } from '../registry'
import type { ReviewStore } from '../review/store'
import { claimHistory } from '../review/history'
import { addReply, addTag, deleteReply, listTags, removeTag, setTagColor, updateReply } from './thread'
import { getClaim } from '../claims/queries'

/** Tags, the discussion thread and the history of a claim. A change answers with the claim. */
export function registerThreadHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('tags-list', () => listTags(store()))
  reg.register('tag-add', ({ claimId, name }) => {
    addTag(store(), claimId, name, actor())
    return getClaim(store(), claimId)
  })
  reg.register('tag-remove', ({ claimId, name }) => {
    removeTag(store(), claimId, name, actor())
    return getClaim(store(), claimId)
  })
  reg.register('tag-set-color', ({ name, color }) => setTagColor(store(), name, color))
  reg.register('reply-add', ({ claimId, body }) => {
    addReply(store(), claimId, body, actor())
    return getClaim(store(), claimId)
  })
  reg.register('reply-update', ({ id, body }) => getClaim(store(), updateReply(store(), id, body, actor()).claimId))
  reg.register('reply-delete', ({ id }) => getClaim(store(), deleteReply(store(), id, actor())))
  reg.register('claim-history', ({ id }) => claimHistory(store(), id))
}

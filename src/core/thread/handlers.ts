import type { HandlerRegistry, ServiceContext } from '../service'
import type { ReviewStore } from '../review/store'
import { claimHistory } from '../review/history'
import { addReply, addTag, deleteReply, listTags, removeTag, setTagColor, updateReply } from './thread'

/** Tags, the discussion thread and the history of a claim. A change answers with the claim. */
export function registerThreadHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('tags-list', () => listTags(store()))
  reg.register('tag-add', ({ claimId, name }) => {
    addTag(store(), claimId, name, actor())
    return store().claim(claimId)
  })
  reg.register('tag-remove', ({ claimId, name }) => {
    removeTag(store(), claimId, name, actor())
    return store().claim(claimId)
  })
  reg.register('tag-set-color', ({ name, color }) => setTagColor(store(), name, color))
  reg.register('reply-add', ({ claimId, body }) => {
    addReply(store(), claimId, body, actor())
    return store().claim(claimId)
  })
  reg.register('reply-update', ({ id, body }) => store().claim(updateReply(store(), id, body, actor()).claimId))
  reg.register('reply-delete', ({ id }) => store().claim(deleteReply(store(), id, actor())))
  reg.register('claim-history', ({ id }) => claimHistory(store(), id))
}

import { handlerContext, type HandlerRegistry, type ServiceContext } from '../registry'
import {
  addSource,
  attachClaim,
  createClaim,
  deleteClaim,
  deleteSource,
  restoreClaim,
  updateClaim,
  updateSource,
} from './commands'
import { getClaim, getSource, listClaims, listDeskClaims } from './queries'
import { restoreReply, restoreSource, restoreSuggestion } from './restore'
import { takePrepared } from '../document/deskReads'

/** Claims, their sources, and undo of removals. */
export function registerClaimHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const { store, actor } = handlerContext(ctx)
  reg.register('claims-list', () => listClaims(store()))
  reg.register('claims-desk', () => takePrepared(store(), 'claims') ?? listDeskClaims(store()))
  reg.register('claim-create', ({ id, anchor }) => createClaim(store(), anchor, actor(), id))
  reg.register('claim-update', ({ id, patch }) => updateClaim(store(), id, patch, actor()))
  reg.register('claim-delete', ({ id }) => {
    deleteClaim(store(), id, actor())
    return { id }
  })
  reg.register('claim-restore', ({ id }) => restoreClaim(store(), id, actor()))
  reg.register('claim-attach', ({ id, anchor }) => attachClaim(store(), id, anchor, actor()))

  // A source change answers with its claim, whose revision and modified time changed with it.
  reg.register('source-add', ({ claimId, source }) => {
    addSource(store(), claimId, source, actor())
    return getClaim(store(), claimId)
  })
  reg.register('source-update', ({ id, source }) =>
    getClaim(store(), updateSource(store(), id, source, actor()).claimId),
  )
  reg.register('source-delete', ({ id }) => {
    const { claimId } = getSource(store(), id)
    deleteSource(store(), id, actor())
    return getClaim(store(), claimId)
  })

  reg.register('source-restore', ({ id }) => getClaim(store(), restoreSource(store(), id, actor())))
  reg.register('reply-restore', ({ id }) => getClaim(store(), restoreReply(store(), id, actor())))
  reg.register('suggestion-restore', ({ key }) => {
    restoreSuggestion(store(), key)
    return { key }
  })
}

import { applyCorrection, deleteCorrection, proposeCorrection, updateCorrection } from './corrections'
import { $saveDocument, essaySavedAs } from './documentEdit'
import { handlerContext, type HandlerRegistry, type ServiceContext } from '../registry'
import { deskClaimsOf, getClaim } from '../claims/queries'
import { readDeskDocument, readDocument, reviewInfo } from './queries'
import { value } from '../db/query'
import { takePrepared } from './deskReads'

/** The essay under review: reading it, editing it and correcting it. */
export function registerDocumentHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const { store, actor } = handlerContext(ctx)
  reg.register('review-info', () => reviewInfo(store()))
  reg.register('document-get', () => readDocument(store()))
  reg.register('document-desk', () => takePrepared(store(), 'document') ?? readDeskDocument(store()))
  reg.register('document-save', (args) => {
    const s = store()
    return s.db
      .transaction(() => {
        const changed = $saveDocument(s, args, args.ranges, actor())
        return { claims: deskClaimsOf(s, changed), savedAs: essaySavedAs(s) }
      })
      .immediate()
  })
  reg.register('correction-propose', ({ claimId, replacement, explanation }) => {
    proposeCorrection(store(), claimId, replacement, explanation, actor())
    return getClaim(store(), claimId)
  })
  reg.register('correction-update', ({ id, replacement, explanation }) =>
    getClaim(store(), updateCorrection(store(), id, replacement, explanation).claimId),
  )
  reg.register('correction-delete', ({ id }) => {
    const claimId = value<string>(store().db, `SELECT claim_id FROM correction WHERE id = ?`, id)
    deleteCorrection(store(), id, actor())
    return getClaim(store(), claimId!)
  })
  reg.register('correction-apply', ({ id, blocks, ranges }) => {
    const s = store()
    const { changed } = applyCorrection(s, id, blocks, ranges, actor())
    return { claims: deskClaimsOf(s, changed), savedAs: essaySavedAs(s) }
  })
}

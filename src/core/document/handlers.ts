import { applyCorrection, deleteCorrection, proposeCorrection, updateCorrection } from './corrections'
import { $saveDocument } from './documentEdit'
import type { HandlerRegistry, ServiceContext } from '../service'
import { getClaim, listClaims } from '../claims/queries'

/** Editing the essay and correcting it. */
export function registerDocumentHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = () => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('document-save', ({ blocks, ranges }) => {
    const s = store()
    s.db.transaction(() => $saveDocument(s, blocks, ranges, actor())).immediate()
    return listClaims(s)
  })
  reg.register('correction-propose', ({ claimId, replacement, explanation }) => {
    proposeCorrection(store(), claimId, replacement, explanation, actor())
    return getClaim(store(), claimId)
  })
  reg.register('correction-update', ({ id, replacement, explanation }) => getClaim(store(), updateCorrection(store(), id, replacement, explanation).claimId))
  reg.register('correction-delete', ({ id }) => {
    const claimId = store().db.prepare(`SELECT claim_id FROM correction WHERE id = ?`).pluck().get(id) as string | undefined
    deleteCorrection(store(), id, actor())
    return getClaim(store(), claimId!)
  })
  reg.register('correction-apply', ({ id, blocks, ranges }) => {
    applyCorrection(store(), id, blocks, ranges, actor())
    return listClaims(store())
  })
}

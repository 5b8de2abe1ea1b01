import type { HandlerRegistry, ServiceContext } from '../registry'
import { getClaim } from '../claims/queries'
import type { ReviewStore } from '../review/store'
import { listNotices, markNoticesSeen } from './notices'
import { assignClaim, signOffClaim, withdrawSignOff } from './workflow'

/** Assignment, sign-off and notices. A change answers with the claim (notices: the new list). */
export function registerWorkflowHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('claim-assign', ({ id, reviewer }) => {
    assignClaim(store(), id, reviewer, actor())
    return getClaim(store(), id)
  })
  reg.register('claim-sign-off', ({ id }) => {
    signOffClaim(store(), id, actor())
    return getClaim(store(), id)
  })
  reg.register('claim-sign-off-withdraw', ({ id }) => {
    withdrawSignOff(store(), id, actor())
    return getClaim(store(), id)
  })
  reg.register('notices-list', () => listNotices(store(), actor()))
  reg.register('notices-seen', ({ keys }) => {
    markNoticesSeen(store(), actor(), keys)
    return listNotices(store(), actor())
  })
}

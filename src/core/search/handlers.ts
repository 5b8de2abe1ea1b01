import type { HandlerRegistry, ServiceContext } from '../registry'
import { queryClaims } from './search'

/** The Claims panel's search, filters and sort. */
export function registerSearchHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  reg.register('claims-search', (query) => queryClaims(ctx.session.store, query))
}

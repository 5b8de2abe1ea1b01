import { api, isMethod, readingMethods, type CallResult, type Method } from '../shared/contract'
import { errorInfo, FactdeskError } from '../shared/errors'
import { loneSurrogatePath } from '../shared/text'
import { registerClaimHandlers } from './claims/handlers'
import { registerDocumentHandlers } from './document/handlers'
import { registerExchangeHandlers } from './exchange/handlers'
import { registerPrefsHandlers } from './prefs/handlers'
import { HandlerRegistry, type Handler, type Service, type ServiceContext } from './registry'
import { registerRepublishHandlers } from './republish/handlers'
import { registerScaleHandlers } from './scales/handlers'
import { registerSearchHandlers } from './search/handlers'
import { registerSpottingHandlers } from './spotting/handlers'
import { registerThreadHandlers } from './thread/handlers'
import { registerWorkflowHandlers } from './workflow/handlers'
import { registerSyncHandlers } from './sync/handlers'

/** The one handler table: each feature registers its methods in its own handlers.ts. */
export function createService(ctx: ServiceContext): Service {
  const reg = new HandlerRegistry()
  registerDocumentHandlers(reg, ctx)
  registerClaimHandlers(reg, ctx)
  registerExchangeHandlers(reg, ctx)
  registerPrefsHandlers(reg, ctx)
  registerSearchHandlers(reg, ctx)
  registerThreadHandlers(reg, ctx)
  registerRepublishHandlers(reg, ctx)
  registerScaleHandlers(reg, ctx)
  registerSpottingHandlers(reg, ctx)
  registerWorkflowHandlers(reg, ctx)
  registerSyncHandlers(reg, ctx)
  return guardReadOnly(reg.complete(), ctx)
}

/** While another window writes to the review, this one may only read it: every other call is refused. */
function guardReadOnly(service: Service, ctx: ServiceContext): Service {
  const guarded = { ...service } as Record<Method, Handler<Method>>
  for (const method of Object.keys(service) as Method[]) {
    if (readingMethods.has(method)) continue
    const handler = service[method] as Handler<Method>
    guarded[method] = (args) => {
      const holder = ctx.session.store.readOnly
      if (holder) {
        throw new FactdeskError('read-only', { pid: holder.pid, host: holder.host ?? '' })
      }
      return handler(args)
    }
  }
  return guarded as Service
}

/**
 * The single entry for both transports: checks the method name, validates the arguments against the
 * contract, runs the handler, and turns every failure into a message the UI can show.
 */
export async function dispatch(service: Service, method: unknown, rawArgs: unknown): Promise<CallResult<Method>> {
  if (!isMethod(method)) {
    return { ok: false, error: errorInfo('unknown-method', { method: String(method) }) }
  }
  const parsed = api[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')).filter(Boolean))].join(', ')
    const detail = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ')
    // The code and the fields for the UI; zod's own words stay in the English message, for logs.
    const error = errorInfo('invalid-args', { fields })
    return { ok: false, error: { ...error, message: `${error.message} ${detail}` } }
  }
  const broken = loneSurrogatePath(parsed.data)
  if (broken !== null) {
    return { ok: false, error: errorInfo('broken-character', { field: broken }) }
  }
  try {
    const handler = service[method] as Handler<Method>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof FactdeskError) return { ok: false, error: err.info() }
    return { ok: false, error: errorInfo('internal', { detail: (err as Error).message ?? String(err) }) }
  }
}

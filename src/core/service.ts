import { api, isMethod, readingMethods, type CallResult, type Method } from '../shared/contract'
import { FactdeskError } from '../shared/errors'
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
        throw new FactdeskError(
          'read-only',
          `This review is open for editing in another Factdesk window (process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}); here it is read-only. Close it there to edit it here.`,
        )
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
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method ${String(method)}.` } }
  }
  const parsed = api[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ')
    return { ok: false, error: { code: 'invalid-args', message } }
  }
  const broken = loneSurrogatePath(parsed.data)
  if (broken !== null) {
    return {
      ok: false,
      error: {
        code: 'invalid-args',
        message: `${broken}: the text contains a broken character (a lone UTF-16 surrogate); type or paste it again.`,
      },
    }
  }
  try {
    const handler = service[method] as Handler<Method>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof FactdeskError) return { ok: false, error: { code: err.code, message: err.message } }
    return { ok: false, error: { code: 'internal', message: (err as Error).message ?? String(err) } }
  }
}

import type { z } from 'zod'
import { api, isMethod, readingMethods, type Api, type CallResult, type EventName, type Events, type Method, type ResultOf } from '../shared/contract'
import { errorInfo, FactdeskError } from '../shared/errors'
import { loneSurrogatePath } from '../shared/text'
import type { PrefsStore } from './prefs/prefs'
import type { ReviewSession } from './review/session'
import type { ReviewStore } from './review/store'
import { registerExchangeHandlers } from './exchange/handlers'
import { registerDocumentHandlers } from './document/handlers'
import { registerSearchHandlers } from './search/handlers'
import { registerThreadHandlers } from './thread/handlers'
import { registerRepublishHandlers } from './republish/handlers'
import { registerScaleHandlers } from './scales/scales'
import { registerSpottingHandlers } from './spotting/spotting'
import { registerRestoreHandlers } from './claims/restore'
import type { PdfRenderer } from './republish/pdf'
import type { ImportRunner } from './exchange/importRunner'

export interface ServiceContext {
  session: ReviewSession
  prefs: PrefsStore
  /** Pushes an event to every window (IPC) or page (harness). */
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  /** The page reports its edits saved; the app closes a window that was waiting for that. */
  onEditsSaved?: () => void
  /** Runs an import off the main thread (a worker with its own connection); inline when not given. */
  runImport?: ImportRunner
  /** Prints exported HTML to PDF (the app: Electron's printing); headless Chromium when not given. */
  renderPdf?: PdfRenderer
}

type Handler<M extends Method> = (args: z.output<Api[M]['args']>) => ResultOf<M> | Promise<ResultOf<M>>
export type Service = { [M in Method]: Handler<M> }

export class HandlerRegistry {
  private readonly table: Partial<Record<Method, Handler<Method>>> = {}

  register<M extends Method>(method: M, handler: Handler<M>): void {
    if (this.table[method]) throw new Error(`The method ${method} is registered twice.`)
    this.table[method] = handler as unknown as Handler<Method>
  }

  complete(): Service {
    const missing = (Object.keys(api) as Method[]).filter((m) => !this.table[m])
    if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`)
    return this.table as Service
  }
}

function registerReviewHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  reg.register('review-info', () => store().info())
  reg.register('document-get', () => store().document())
}

function registerClaimHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('claims-list', () => store().claims())
  reg.register('claim-create', ({ id, anchor }) => store().createClaim(anchor, actor(), id))
  reg.register('claim-update', ({ id, patch }) => store().updateClaim(id, patch, actor()))
  reg.register('claim-delete', ({ id }) => {
    store().deleteClaim(id, actor())
    return { id }
  })
  reg.register('claim-restore', ({ id }) => store().restoreClaim(id, actor()))
  reg.register('claim-attach', ({ id, anchor }) => store().attachClaim(id, anchor, actor()))
}

function registerSourceHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = (): ReviewStore => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  // A source change answers with its claim, whose revision and modified time changed with it.
  reg.register('source-add', ({ claimId, source }) => {
    store().addSource(claimId, source, actor())
    return store().claim(claimId)
  })
  reg.register('source-update', ({ id, source }) => store().claim(store().updateSource(id, source, actor()).claimId))
  reg.register('source-delete', ({ id }) => {
    const { claimId } = store().source(id)
    store().deleteSource(id, actor())
    return store().claim(claimId)
  })
}

function registerPrefsHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  reg.register('prefs-get', () => ctx.prefs.get())
  reg.register('edits-saved', () => {
    ctx.onEditsSaved?.()
    return { ok: true as const }
  })
  reg.register('prefs-set', (patch) => {
    const prefs = ctx.prefs.set(patch)
    ctx.emit('prefs-changed', prefs)
    return prefs
  })
}

export function createService(ctx: ServiceContext): Service {
  const reg = new HandlerRegistry()
  registerReviewHandlers(reg, ctx)
  registerExchangeHandlers(reg, ctx)
  registerDocumentHandlers(reg, ctx)
  registerClaimHandlers(reg, ctx)
  registerSourceHandlers(reg, ctx)
  registerPrefsHandlers(reg, ctx)
  registerSearchHandlers(reg, ctx)
  registerThreadHandlers(reg, ctx)
  registerRepublishHandlers(reg, ctx)
  registerScaleHandlers(reg, ctx)
  registerSpottingHandlers(reg, ctx)
  registerRestoreHandlers(reg, ctx)
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
    const detail = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
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
    return { ok: true, value: await handler(parsed.data as never) }
  } catch (err) {
    if (err instanceof FactdeskError) return { ok: false, error: err.info() }
    return { ok: false, error: errorInfo('internal', { detail: (err as Error).message ?? String(err) }) }
  }
}

import type { z } from 'zod'
import { api, type Api, type EventName, type Events, type Method, type ResultOf } from '../shared/contract'
import type { ImportRunner } from './exchange/importRunner'
import type { PrefsStore } from './prefs/prefs'
import type { PdfRenderer } from './republish/pdf'
import type { ReviewStore } from './review/store'

/**
 * What every feature's handlers.ts needs and nothing more: the handler types, the table they register
 * in and the context they run with. It imports only types of leaf modules, so a feature's handlers can
 * import it without a circle back through the composition (core/service.ts, core/app.ts).
 */

export type Handler<M extends Method> = (args: z.output<Api[M]['args']>) => ResultOf<M> | Promise<ResultOf<M>>
export type Service = { [M in Method]: Handler<M> }

/** The review a window works on, as the handlers see it (core/review/session.ts is the real one). */
export interface OpenReview {
  /** Always the current store: File > New, Open and Save as swap it. */
  readonly store: ReviewStore
  /** A commit made for this window on another connection (an import's worker) is not news to it. */
  noteOwnChange(): void
  /** Another review was opened, created or saved as (a link to a team server follows it). */
  onChange(listener: (reason: string) => void): unknown
}

export interface ServiceContext {
  session: OpenReview
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

export class HandlerRegistry {
  private readonly table: Partial<Record<Method, Handler<Method>>> = {}

  register<M extends Method>(method: M, handler: Handler<M>): void {
    if (this.table[method]) throw new Error(`The method ${method} is registered twice.`)
    this.table[method] = handler
  }

  complete(): Service {
    const missing = (Object.keys(api) as Method[]).filter((m) => !this.table[m])
    if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`)
    return this.table as Service
  }
}

/** The store and reviewer name every handler asks for, read at each call (the store can be swapped). */
export function handlerContext(ctx: ServiceContext): { store: () => ReviewStore; actor: () => string } {
  return { store: () => ctx.session.store, actor: () => ctx.prefs.get().reviewerName }
}

import type { ArgsOf, CallResult, EventName, Events, Method, ResultOf } from '../../shared/contract'
import { readingMethods } from '../../shared/readingMethods'
import type { Lang } from '../../shared/domain'
import { errorText, type ErrorInfo } from '../../shared/errors'

let errorLanguage: Lang = 'ko'
const UNANSWERED = new Set(['internal', 'service-unreachable', 'service-bad-answer'])

/** The interface's language, in which a refused call's message is written (set with the UI's language). */
export function setErrorLanguage(lang: Lang): void {
  errorLanguage = lang
}

/** A call the service refused: its code and parameters, and its text in the interface's language. */
export class CallError extends Error {
  readonly code: string
  readonly params: Record<string, unknown>
  /** The service's English text, for logs. */
  readonly english: string
  /**
   * The service refused the call itself (sending it again cannot help); false when the call failed on
   * its way (the harness is not running) or inside the service (internal), so a save is retried.
   */
  readonly refused: boolean

  constructor(info: ErrorInfo) {
    super(errorText(errorLanguage, info))
    this.code = info.code
    this.params = info.params ?? {}
    this.english = info.message
    this.refused = !UNANSWERED.has(info.code)
  }
}

let onWrite: ((done: Promise<unknown>) => void) | null = null

/** Tells the save tracker about every change sent to the service, so "Saving…" covers them all. */
export function watchWrites(listener: ((done: Promise<unknown>) => void) | null): void {
  onWrite = listener
}

type Answer<M extends Method> = Promise<CallResult<M>>

/**
 * The answer to a read asked for as the app's script started (early.ts: the essay and its claims, at
 * open), once; later reads are calls of their own.
 */
function takeEarly<M extends Method>(method: M): Answer<M> | null {
  const early = (window as { __factdeskEarly?: Partial<Record<Method, Answer<Method>>> }).__factdeskEarly
  const pending = early?.[method]
  if (!early || !pending) return null
  delete early[method]
  return pending
}

/** Calls the review service through whichever transport the window was given (IPC or the harness). */
export async function call<M extends Method>(method: M, args: ArgsOf<M>, early = false): Promise<ResultOf<M>> {
  const pending = (early ? takeEarly(method) : null) ?? window.factdesk.call(method, args)
  // The contract says which calls only read the review (the same list lets a read-only window call
  // them); the team server link writes nothing the save indicator speaks of (src/core/sync/).
  if (!readingMethods.has(method) && !method.startsWith('sync-')) onWrite?.(pending)
  const result = await pending
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.factdesk.on(event, listener)
}

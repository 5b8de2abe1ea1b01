import {
  readingMethods,
  type ArgsOf,
  type EventName,
  type Events,
  type Method,
  type ResultOf,
} from '../../shared/contract'

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

let onWrite: ((done: Promise<unknown>) => void) | null = null

/** Tells the save tracker about every change sent to the service, so "Saving…" covers them all. */
export function watchWrites(listener: ((done: Promise<unknown>) => void) | null): void {
  onWrite = listener
}

/** Calls the review service through whichever transport the window was given (IPC or the harness). */
export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const pending = window.factdesk.call(method, args)
  // The contract says which calls only read the review (the same list lets a read-only window call
  // them); the team server link writes nothing the save indicator speaks of (src/core/sync/).
  if (!readingMethods.has(method) && !method.startsWith('sync-')) onWrite?.(pending)
  const result = await pending
  if (!result.ok) throw new CallError(result.error.code, result.error.message)
  return result.value
}

export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.factdesk.on(event, listener)
}

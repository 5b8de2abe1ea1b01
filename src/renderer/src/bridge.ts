import type { ArgsOf, EventName, Events, Method, ResultOf } from '../../shared/contract'

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Calls the review service through whichever transport the window was given (IPC or the harness). */
export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await window.factdesk.call(method, args)
  if (!result.ok) throw new CallError(result.error.code, result.error.message)
  return result.value
}

export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.factdesk.on(event, listener)
}

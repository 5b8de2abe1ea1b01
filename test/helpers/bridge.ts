import type { FactdeskBridge } from '../../src/shared/contract'
import { dispatch } from '../../src/core/service'
import type { Service } from '../../src/core/registry'

/**
 * The page's `window.factdesk` for renderer code run under Node: every call goes straight to the
 * service (`seen` hears each method first), and no event ever arrives.
 */
export function installBridge(service: () => Service, seen?: (method: string) => void): void {
  const bridge: FactdeskBridge = {
    call: (method, args) => {
      seen?.(method)
      return dispatch(service(), method, args) as never
    },
    on: () => () => undefined,
  }
  ;(globalThis as { window?: unknown }).window = { factdesk: bridge }
}

export function removeBridge(): void {
  delete (globalThis as { window?: unknown }).window
}

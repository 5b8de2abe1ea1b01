import type { FactdeskBridge } from '../shared/contract'

declare global {
  interface Window {
    /** Defined by the preload (Electron) or by the harness bridge script (browser). */
    readonly factdesk: FactdeskBridge
  }
}

export {}

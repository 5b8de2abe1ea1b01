import { BrowserWindow, ipcMain } from 'electron'
import type { EventName, Events } from '../shared/contract'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/ipc'
import type { Service } from '../core/registry'
import { dispatch } from '../core/service'
import { errorInfo } from '../shared/errors'

/**
 * The one IPC entry: only the app's own top-level page may call, and `dispatch` validates the
 * method name and arguments against the contract.
 */
export function handleCalls(service: Service, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      return { ok: false, error: errorInfo('request-not-allowed') }
    }
    return dispatch(service, method, args)
  })
}

export function sendEvent<E extends EventName>(win: BrowserWindow, name: E, payload: Events[E]): void {
  if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload)
}

export function broadcast<E extends EventName>(name: E, payload: Events[E]): void {
  for (const win of BrowserWindow.getAllWindows()) sendEvent(win, name, payload)
}

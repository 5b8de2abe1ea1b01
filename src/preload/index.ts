import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EventName, Events, FactdeskBridge } from '../shared/contract'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/ipc'

const bridge = {
  call: (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args),
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    // The IPC event object is never handed to the page: it exposes ipcRenderer's sender.
    const handler = (_e: IpcRendererEvent, name: EventName, payload: unknown): void => {
      if (name === event) listener(payload as Events[E])
    }
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler)
    }
  },
} satisfies FactdeskBridge

contextBridge.exposeInMainWorld('factdesk', bridge)

import { z } from 'zod'

/** Live co-review through a team server (docs/team-server.md, src/core/sync/). */

/** ws:// or wss:// with a host: the team server's address. */
export const syncUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'The server address starts with ws:// or wss:// (for example ws://127.0.0.1:4320).')

export const syncTokenSchema = z.string().trim().min(1, 'Give the team token.').max(500)

export interface SyncPeer {
  name: string
  /** The claim this reviewer has open. */
  claimId?: string
}

/** What the last batch of records from the server changed here (a reconnect after hours says it all at once). */
export interface SyncArrival {
  at: string
  added: number
  updated: number
  deleted: number
  conflicts: number
  thread: number
}

export interface SyncStatus {
  /** 'offline' with `url` null: the review is not shared. */
  state: 'connected' | 'offline' | 'refused'
  url: string | null
  /** Changes in the review file the server has not acknowledged yet. */
  waiting: number
  peers: SyncPeer[]
  /** Why the server refused (state 'refused'). */
  reason?: string
  arrived?: SyncArrival
}

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { importNote, type ImportSummary } from '../../shared/exchange'
import type { SyncPeer, SyncStatus } from '../../shared/sync'
import type { ReviewStore } from '../review/store'
import { adaptIncomingVerdicts } from '../scales/scales'
import { mergeIncoming } from '../exchange/merge'
import { incomingFrom, KINDS, localKeys, missingIn, pushRecords, recordMap, STATE_QUESTION } from './records'
import { readDocument } from '../document/queries'

/**
 * One open review's live link to a team server (docs/team-server.md). The review file stays the truth:
 *  - out: every 100 ms the client looks whether the file changed (its own connection's total_changes,
 *    other connections' data_version); records the shared document lacks are written into it, which the
 *    provider sends (or queues while offline and sends on reconnect);
 *  - in: records other reviewers wrote are merged into the file by the import's merge (one transaction
 *    per batch, conflicts exactly as a file import makes them, no undo-import entry: a sync batch is
 *    not an import to take back, and its records are already on every other machine);
 *  - what the server acknowledged is kept in the file (`sync_pushed`), so "n changes waiting" is true
 *    even when the desk starts offline. Nothing else is kept here: a killed client loses nothing,
 *    because its next start compares the file with the server's document again.
 */
export interface SyncClientOptions {
  store: () => ReviewStore
  url: string
  token: string
  /** The reviewer name shown to the others. */
  name: () => string
  onStatus: (status: SyncStatus) => void
  /** Records arrived and were merged (a summary of what changed). */
  onArrived: (summary: ImportSummary) => void
  pollMs?: number
}

const LOCAL = Symbol('factdesk-local')

export class SyncClient {
  readonly doc = new Y.Doc()
  private readonly socket: HocuspocusProviderWebsocket
  private readonly provider: HocuspocusProvider
  private readonly reviewId: string
  private state: SyncStatus['state'] = 'offline'
  private reason = ''
  private everSynced = false
  private pushed = new Set<string>()
  private waiting = 0
  private focus: string | undefined
  private arrived = new Set<string>()
  private applyTimer: NodeJS.Timeout | undefined
  private readonly poll: NodeJS.Timeout
  private seen: [number, number] = [-1, -1]
  private closed = false
  /** This client's clock when it last asked the server what it holds; undefined while no question is out. */
  private asked: number | undefined
  /** The records the document held when the question was asked: an answer covers those, not later ones. */
  private askedKeys = new Set<string>()
  /** Records the server holds, waiting to be written down as acknowledged. */
  private held = new Set<string>()
  private askAgain = false
  private ackTimer: NodeJS.Timeout | undefined

  constructor(private readonly opts: SyncClientOptions) {
    const store = opts.store()
    this.reviewId = readDocument(store).id
    this.pushed = new Set(
      store.db.prepare(`SELECT record FROM sync_pushed WHERE server = ?`).pluck().all(this.serverKey) as string[],
    )
    for (const kind of KINDS) {
      recordMap(this.doc, kind).observe((event, tr) => {
        if (tr.origin === LOCAL) return
        for (const key of event.keysChanged) this.arrived.add(`${kind}:${key}`)
        this.applyTimer ??= setTimeout(() => this.applyArrived(), 40)
      })
    }
    this.socket = new HocuspocusProviderWebsocket({ url: opts.url, WebSocketPolyfill: WebSocket, maxDelay: 5000 })
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.reviewId,
      document: this.doc,
      token: JSON.stringify({ token: opts.token, name: opts.name() }),
    })
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.state === 'refused') return
      // A question out when the connection went is never answered: the next handshake asks again.
      if (status !== 'connected') this.asked = undefined
      this.setState(status === 'connected' ? 'connected' : 'offline')
    })
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      // The server's own reason, a technical word shown inside the desk's sentence (shareText).
      this.reason = reason || 'permission-denied'
      this.setState('refused')
      this.socket.disconnect()
    })
    this.provider.on('synced', () => {
      this.everSynced = true
      this.scan(true)
      this.ask()
    })
    this.provider.on('stateless', ({ payload }: { payload: string }) => this.answered(payload))
    this.provider.awareness?.on('change', () => this.report())
    this.setPresence()
    this.provider.attach()
    this.countWaiting(localKeys(store))
    this.poll = setInterval(() => {
      try {
        this.scan(false)
      } catch (err) {
        // A review being swapped or closed under the timer: the next look tries again.
        console.error(`Factdesk: the review could not be compared with the server: ${(err as Error).message}`)
      }
    }, opts.pollMs ?? 100)
    this.poll.unref?.()
  }

  private get serverKey(): string {
    return `${this.opts.url}#${this.reviewId}`
  }

  status(): SyncStatus {
    const peers: SyncPeer[] = []
    for (const [client, state] of this.provider.awareness?.getStates() ?? []) {
      if (client === this.doc.clientID || this.state !== 'connected') continue
      const user = (state as { user?: { name?: unknown; claimId?: unknown } }).user
      if (!user || typeof user.name !== 'string') continue
      peers.push({
        name: user.name.slice(0, 200),
        claimId: typeof user.claimId === 'string' ? user.claimId : undefined,
      })
    }
    return {
      state: this.state,
      url: this.opts.url,
      waiting: this.waiting,
      peers,
      ...(this.state === 'refused' ? { reason: this.reason } : {}),
    }
  }

  /** The claim this reviewer has open, shown to the others. */
  setFocus(claimId: string | undefined): void {
    this.focus = claimId
    this.setPresence()
  }

  private setPresence(): void {
    this.provider.setAwarenessField('user', { name: this.opts.name(), claimId: this.focus ?? null })
  }

  private setState(state: SyncStatus['state']): void {
    if (this.state === state) return
    this.state = state
    this.report()
  }

  private report(): void {
    if (!this.closed) this.opts.onStatus(this.status())
  }

  /** Writes the file's records the shared document lacks; `force` looks even when the file did not change. */
  scan(force: boolean): void {
    if (this.closed) return
    const store = this.opts.store()
    if (!store.db.open || store.readOnly) return
    const now: [number, number] = [
      store.db.prepare('SELECT total_changes()').pluck().get() as number,
      store.db.pragma('data_version', { simple: true }) as number,
    ]
    if (!force && now[0] === this.seen[0] && now[1] === this.seen[1]) return
    this.seen = now
    const keys = localKeys(store)
    // Until the first handshake the document is empty: writing everything into it would only resend
    // what the server has. The file keeps the changes meanwhile; the count says how many wait.
    if (this.everSynced) {
      const missing = missingIn(this.doc, keys)
      if (missing.length) pushRecords(store, this.doc, new Set(missing), LOCAL)
    }
    this.countWaiting(keys)
    if (this.waiting > 0) this.ask()
  }

  /**
   * Changes, not records: a history entry goes with the change it tells of (a verdict is a claim
   * version and its entry), so entries are sent but not counted.
   */
  private countWaiting(keys: string[]): void {
    const waiting = keys.filter((k) => !this.pushed.has(k) && !k.startsWith('events:')).length
    if (waiting !== this.waiting) {
      this.waiting = waiting
      this.report()
    }
  }

  /**
   * What the server acknowledged: the provider's own count of unsent changes can stay above zero when
   * a handshake had nothing to answer, so the client asks the server for its state vector instead. When
   * the server holds every update this client wrote up to the question, every record in the document
   * is on the server.
   */
  private ask(): void {
    if (this.closed || this.state !== 'connected' || !this.everSynced) return
    if (this.asked !== undefined) {
      this.askAgain = true
      return
    }
    this.asked = Y.getState(this.doc.store, this.doc.clientID)
    this.askedKeys = new Set(
      KINDS.flatMap((kind) => [...recordMap(this.doc, kind).keys()].map((key) => `${kind}:${key}`)),
    )
    this.provider.sendStateless(STATE_QUESTION)
  }

  private answered(payload: string): void {
    const clock = this.asked
    if (clock === undefined) return
    this.asked = undefined
    let held = 0
    try {
      held = Y.decodeStateVector(Buffer.from(payload, 'base64')).get(this.doc.clientID) ?? 0
    } catch {
      return
    }
    if (held >= clock) {
      // A record written into the document after the question (say, offline) is not covered by it.
      for (const k of this.askedKeys) this.held.add(k)
      this.acknowledgeSoon()
    }
    if (this.askAgain || held < clock) {
      this.askAgain = false
      setTimeout(() => this.ask(), held < clock ? 100 : 0).unref?.()
    }
  }

  /** Writing what the server holds is bookkeeping: at most twice a second, so it adds few commits (each is synced to disk). */
  private acknowledgeSoon(): void {
    this.ackTimer ??= setTimeout(() => {
      this.ackTimer = undefined
      this.acknowledge()
    }, 500)
  }

  private acknowledge(): void {
    const store = this.opts.store()
    if (this.closed || !store.db.open || store.readOnly) return
    const keys = localKeys(store)
    const fresh = keys.filter((k) => !this.pushed.has(k) && this.held.has(k))
    this.held.clear()
    if (fresh.length) {
      const changes = store.db.prepare('SELECT total_changes()').pluck()
      const before = changes.get() as number
      const add = store.db.prepare(`INSERT OR IGNORE INTO sync_pushed (server, record) VALUES (?, ?)`)
      store.db.transaction(() => {
        for (const k of fresh) add.run(this.serverKey, k)
      })()
      for (const k of fresh) this.pushed.add(k)
      // Our own bookkeeping is no change to push; a change made since the last look still is.
      if (this.seen[0] === before) this.seen[0] = changes.get() as number
    }
    this.countWaiting(keys)
  }

  /** Merges what arrived since the last batch, in one transaction, through the import's merge. */
  private applyArrived(): void {
    this.applyTimer = undefined
    if (this.closed || this.arrived.size === 0) return
    const store = this.opts.store()
    if (!store.db.open || store.readOnly) return
    const keys = this.arrived
    this.arrived = new Set()
    const doc = readDocument(store)
    const hasClaim = store.db.prepare(`SELECT 1 FROM claim WHERE id = ?`).pluck()
    const { batches, refused, deferred } = incomingFrom(this.doc, keys, {
      text: doc.text,
      hash: doc.hash,
      hasClaim: (id) => hasClaim.get(id) !== undefined,
    })
    // Tried again with the next batch, which may bring their claim.
    for (const key of deferred) this.arrived.add(key)
    const meta = { fileName: this.opts.url, fileHash: '', importer: this.opts.name(), live: true }
    let total: ImportSummary
    try {
      total = store.db
        .transaction(() => {
          const summaries = batches.map((incoming) =>
            mergeIncoming(store, adaptIncomingVerdicts(store, incoming), meta),
          )
          return sumSummaries(summaries, this.opts.url)
        })
        .immediate()
    } catch (err) {
      // Nothing of the batch was written (one transaction); the records stay on the server and are
      // merged again when the review is next shared. The desk goes on working.
      console.error(`Factdesk: records from ${this.opts.url} could not be merged: ${(err as Error).message}`)
      return
    }
    if (refused) total.notes.push(importNote('sync-records-invalid', { count: refused }))
    this.scan(true)
    this.opts.onArrived(total)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    clearInterval(this.poll)
    if (this.applyTimer) clearTimeout(this.applyTimer)
    if (this.ackTimer) clearTimeout(this.ackTimer)
    this.provider.destroy()
    this.socket.destroy()
    this.doc.destroy()
  }
}

function sumSummaries(list: ImportSummary[], fileName: string): ImportSummary {
  const total: ImportSummary = { ...list[0], fileName, notes: [...list[0].notes] }
  const counts = total as unknown as Record<string, unknown>
  for (const s of list.slice(1)) {
    for (const [key, v] of Object.entries(s))
      if (typeof v === 'number') counts[key] = ((counts[key] as number | undefined) ?? 0) + v
    total.unanchored = [...total.unanchored, ...s.unanchored]
    total.changedClaims = [...(total.changedClaims ?? []), ...(s.changedClaims ?? [])]
    total.notes.push(...s.notes)
    total.documentDiffers ||= s.documentDiffers
  }
  return total
}

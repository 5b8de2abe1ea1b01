import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { ImportSummary } from '../../shared/exchange'
import type { SyncPeer, SyncStatus } from '../../shared/sync'
import type { ReviewStore } from '../review/store'
import { KINDS, missingIn, recordMap, STATE_QUESTION } from './records'
import { mergeArrived } from './incoming'
import { pushRecords } from './push'
import { Outbox } from './outbox'
import { BatchPace } from './batchPace'
import { readDocument } from '../document/queries'

/**
 * One open review's live link to a team server (docs/team-server.md). The review file stays the truth:
 *  - out: every 50 ms the client looks which records this connection wrote (outbox.ts, changes.ts:
 *    TEMP triggers note their keys) or, when another connection wrote (data_version), compares the whole
 *    file; records the shared document lacks are written into it, which the provider sends (or queues
 *    while offline and sends on reconnect);
 *  - in: records other reviewers wrote are merged into the file by the import's merge (one transaction
 *    per batch, conflicts exactly as a file import makes them, no undo-import entry: a sync batch is
 *    not an import to take back, and its records are already on every other machine); the wait before
 *    a batch grows with what the last one cost, so a flood of changes makes fewer, larger batches;
 *  - what the server acknowledged is kept in the file (`sync_pushed`), so "n changes waiting" is true
 *    even when the desk starts offline; while records keep arriving it is written in the batches'
 *    own transactions, so it adds no commit. Nothing else is kept here: a killed client loses nothing,
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
  private readonly outbox: Outbox
  private readonly pace = new BatchPace()
  private waiting = 0
  private focus: string | undefined
  private arrived = new Set<string>()
  private applyTimer: NodeJS.Timeout | undefined
  private readonly poll: NodeJS.Timeout
  private closed = false
  /** This client's clock when it last asked the server what it holds; undefined while no question is out. */
  private asked: number | undefined
  /** The records the document held when the question was asked: an answer covers those, not later ones. */
  private askedKeys = new Set<string>()
  private askAgain = false
  private ackTimer: NodeJS.Timeout | undefined

  constructor(private readonly opts: SyncClientOptions) {
    const store = opts.store()
    this.reviewId = readDocument(store).id
    this.outbox = new Outbox(store, this.serverKey)
    for (const kind of KINDS) {
      recordMap(this.doc, kind).observe((event, tr) => {
        if (tr.origin === LOCAL) return
        for (const key of event.keysChanged) this.arrived.add(`${kind}:${key}`)
        this.applyTimer ??= setTimeout(() => this.applyArrived(), this.pace.delay())
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
    this.scan(true)
    this.poll = setInterval(() => {
      try {
        this.scan(false)
      } catch (err) {
        // A review being swapped or closed under the timer: the next look tries again.
        console.error(`Factdesk: the review could not be compared with the server: ${(err as Error).message}`)
      }
    }, opts.pollMs ?? 50)
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

  /**
   * Writes the file's records the shared document lacks: those this connection wrote since the last
   * look, or, with `whole` (a handshake, another review, another connection's write), every record.
   */
  scan(whole: boolean): void {
    if (this.closed) return
    const store = this.opts.store()
    if (!store.db.open || store.readOnly) return
    const look = this.outbox.look(store, whole)
    if (!look) return
    // Until the first handshake the document is empty: writing everything into it would only resend
    // what the server has. The file keeps the changes meanwhile; the count says how many wait.
    if (this.everSynced) {
      const missing = missingIn(this.doc, look.fresh)
      if (missing.length) pushRecords(store, this.doc, new Set(missing), LOCAL, look.entities)
    }
    this.countWaiting()
    if (this.waiting > 0) this.ask()
  }

  private countWaiting(): void {
    const waiting = this.outbox.waiting()
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
    this.askedKeys = this.outbox.inDocument(this.doc)
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
      this.outbox.hold(this.askedKeys)
      this.acknowledgeSoon()
    }
    if (this.askAgain || held < clock) {
      this.askAgain = false
      setTimeout(() => this.ask(), held < clock ? 100 : 0).unref?.()
    }
  }

  /**
   * Writing what the server holds is bookkeeping, each commit synced to disk: at most twice a second,
   * and while records keep arriving every two seconds, as a batch's merge usually writes it first.
   */
  private acknowledgeSoon(): void {
    this.ackTimer ??= setTimeout(() => {
      this.ackTimer = undefined
      this.acknowledge()
    }, this.pace.acknowledgeDelay())
  }

  private acknowledge(): void {
    const store = this.opts.store()
    if (this.closed || !store.db.open || store.readOnly) return
    // Changes made since the last look are noted first, so none is counted as acknowledged unseen.
    this.scan(false)
    this.outbox.written(store.db.transaction(() => this.outbox.writeHeld(store))())
    this.outbox.prune(store)
    this.countWaiting()
  }

  /** Merges what arrived since the last batch, in one transaction, through the import's merge. */
  private applyArrived(): void {
    this.applyTimer = undefined
    if (this.closed || this.arrived.size === 0) return
    const store = this.opts.store()
    if (!store.db.open || store.readOnly) return
    // This desk's own changes first: acknowledging in the batch's transaction must see them.
    this.scan(false)
    const keys = this.arrived
    this.arrived = new Set()
    const started = performance.now()
    const merged = mergeArrived(store, this.doc, keys, {
      fileName: this.opts.url,
      importer: this.opts.name(),
      inTransaction: () => this.outbox.writeHeld(store),
    })
    // Tried again with the next batch, which may bring their claim.
    for (const key of merged.deferred) this.arrived.add(key)
    if (!merged.total) return
    this.pace.merged(started, keys.size)
    this.outbox.written(merged.acknowledged)
    this.scan(false)
    // They came from the server's document: the server holds them (written down with the next batch).
    this.outbox.hold(keys)
    this.acknowledgeSoon()
    this.opts.onArrived(merged.total)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    clearInterval(this.poll)
    this.outbox.close()
    if (this.applyTimer) clearTimeout(this.applyTimer)
    if (this.ackTimer) clearTimeout(this.ackTimer)
    this.provider.destroy()
    this.socket.destroy()
    this.doc.destroy()
  }
}

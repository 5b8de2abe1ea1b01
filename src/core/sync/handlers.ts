import type { ImportSummary } from '../../shared/exchange'
import { FactdeskError } from '../../shared/errors'
import type { SyncArrival, SyncStatus } from '../../shared/sync'
import type { HandlerRegistry, OpenReview, ServiceContext } from '../registry'
import { SyncClient } from './client'

/**
 * The open review's link to a team server, for one window (app or harness). Opening another review
 * (File > Open, New, Save as) links that one to the same server: the document name is the review's id.
 */
class SyncLink {
  private client: SyncClient | undefined
  private target: { url: string; token: string } | undefined
  private arrived: SyncArrival | undefined

  constructor(private readonly ctx: ServiceContext) {
    ctx.session.onChange(() => {
      if (this.target) this.start(this.target)
    })
  }

  start(target: { url: string; token: string }): SyncStatus {
    if (this.ctx.session.store.readOnly) {
      throw new FactdeskError('share-read-only')
    }
    this.client?.close()
    this.target = target
    this.arrived = undefined
    const actor = (): string => this.ctx.prefs.get().reviewerName || 'Reviewer'
    this.client = new SyncClient({
      store: () => this.ctx.session.store,
      url: target.url,
      token: target.token,
      name: actor,
      onStatus: () => this.ctx.emit('sync-changed', this.status()),
      onArrived: (summary) => this.noteArrival(summary),
    })
    return this.told()
  }

  /** The status, also told to every window: a link just made or ended changes what the toolbar says. */
  private told(): SyncStatus {
    const status = this.status()
    this.ctx.emit('sync-changed', status)
    return status
  }

  private noteArrival(summary: ImportSummary): void {
    const arrival: SyncArrival = {
      at: new Date().toISOString(),
      added: summary.added,
      updated: summary.updated + summary.sourcesAdded + summary.sourcesUpdated,
      deleted: summary.deleted,
      conflicts: summary.conflicts,
      thread:
        (summary.repliesAdded ?? 0) +
        (summary.repliesUpdated ?? 0) +
        (summary.tagsChanged ?? 0) +
        (summary.correctionsChanged ?? 0),
    }
    if (arrival.added + arrival.updated + arrival.deleted + arrival.conflicts + arrival.thread === 0) return
    this.arrived = arrival
    this.ctx.emit('review-changed', { reason: 'external' })
    this.ctx.emit('sync-changed', this.status())
  }

  /** `tell`: false when the window is going away, with no one left to tell. */
  stop(tell = true): SyncStatus {
    this.client?.close()
    this.client = undefined
    this.target = undefined
    return tell ? this.told() : this.status()
  }

  focus(claimId: string | undefined): void {
    this.client?.setFocus(claimId)
  }

  status(): SyncStatus {
    if (!this.client) return { state: 'offline', url: null, waiting: 0, peers: [] }
    return { ...this.client.status(), ...(this.arrived ? { arrived: this.arrived } : {}) }
  }
}

const links = new WeakMap<OpenReview, SyncLink>()

export function registerSyncHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const link = new SyncLink(ctx)
  links.set(ctx.session, link)
  reg.register('sync-connect', (target) => link.start(target))
  reg.register('sync-disconnect', () => link.stop())
  reg.register('sync-status', () => link.status())
  reg.register('sync-focus', ({ claimId }) => {
    link.focus(claimId)
    return { ok: true as const }
  })
}

/** Ends the session's server link before the session closes (the app's window, the harness). */
export function stopSync(session: OpenReview): void {
  links.get(session)?.stop(false)
}

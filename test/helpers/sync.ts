/** Desks (review services) linked to a real team server on 127.0.0.1, for the live co-review tests. */
import { copyFileSync } from 'node:fs'
import { PrefsStore } from '../../src/core/prefs/prefs'
import { createService, dispatch } from '../../src/core/service'
import type { Service } from '../../src/core/registry'
import { ReviewSession, openForWindow } from '../../src/core/review/session'
import { ReviewStore } from '../../src/core/review/store'
import { exportBundle } from '../../src/core/exchange/bundle'
import { stopSync } from '../../src/core/sync/handlers'
import type { Method, ResultOf } from '../../src/shared/contract'
import type { SyncStatus } from '../../src/shared/sync'
import { bundledEssay } from './essay'
import { openReview } from '../../src/core/review/open'
import { localKeys } from '../../src/core/sync/records'

export interface Desk {
  name: string
  session: ReviewSession
  service: Service
  store: () => ReviewStore
  call<M extends Method>(method: M, args?: unknown): Promise<ResultOf<M>>
  statuses: SyncStatus[]
  close(): void
}

/** A new review file of the bundled essay; `copies` more files of the same review (the same id). */
export function reviewFiles(paths: string[]): void {
  openReview(paths[0], bundledEssay()).close()
  for (const p of paths.slice(1)) copyFileSync(paths[0], p)
}

/**
 * `durable: false` commits without waiting for the disk (synchronous = NORMAL: safe from a killed
 * process, not from power loss), for tests about many desks in one process rather than about the disk.
 */
export function openDesk(path: string, name: string, prefsPath: string, opts: { durable?: boolean } = {}): Desk {
  const session = new ReviewSession(openForWindow(path))
  if (opts.durable === false) session.store.db.pragma('synchronous = NORMAL')
  const prefs = new PrefsStore(prefsPath, { reviewerName: name, lang: 'en', essayFontSize: 18, defaultScale: 'snu' })
  prefs.set({ reviewerName: name })
  const statuses: SyncStatus[] = []
  const service = createService({
    session,
    prefs,
    emit: (event, payload) => {
      if (event === 'sync-changed') statuses.push(payload as SyncStatus)
    },
  })
  return {
    name,
    session,
    service,
    store: () => session.store,
    statuses,
    async call(method, args) {
      const r = await dispatch(service, method, args ?? {})
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    close() {
      stopSync(session)
      session.close()
    },
  }
}

/** Waits until `check` holds, polling every 20 ms; fails after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms = 5000,
  what = 'the condition',
): Promise<number> {
  const start = Date.now()
  for (;;) {
    if (await check()) return Date.now() - start
    if (Date.now() - start > ms) throw new Error(`${what} did not hold within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Every record key the review file holds, in order: equal on desks that hold the same records. */
export function recordKeys(store: ReviewStore): string {
  return localKeys(store).sort().join('\n')
}

/** The review as a bundle, without what differs by who exports it and when, every list in a fixed order. */
export function comparable(store: ReviewStore): string {
  const bundle = exportBundle(store, 'same') as unknown as Record<string, unknown>
  // Each record written once, then sorted as text: thousands of claims compare in milliseconds.
  const sorted = Object.entries(bundle).map(([key, value]) => [
    key,
    Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : JSON.stringify(value),
  ])
  return JSON.stringify([...sorted.filter(([key]) => key !== 'exported')])
}

export type SavePhase = 'saved' | 'saving' | 'failed'

export interface SaveStatus {
  phase: SavePhase
  /** Why the newest failed save failed (the service's or the transport's message). */
  reason?: string
}

interface Failed {
  save: () => Promise<void>
  reason: string
}

/** The first automatic retry waits this long; each failure doubles it, up to the cap. */
export const RETRY_FIRST_MS = 2000
export const RETRY_CAP_MS = 30000

/**
 * The one place that knows whether the reviewer's edits are in the review file. Every save of an edit
 * runs through `run` under a key (one per thing saved: the essay, a claim's fields). Saves of one key go
 * one after another, so an older edit never lands after a newer one. A save that fails stays listed with
 * its reason, and the status says so, until it is sent again and succeeds: on `retry` (the Retry
 * button), automatically after a pause that grows with each failure, or as soon as any other save gets
 * through. A save function reads what to send when it runs, so a retry sends the newest edit.
 */
export class SaveTracker {
  private inFlight = 0
  private readonly held = new Set<string>()
  private readonly failed = new Map<string, Failed>()
  private readonly chains = new Map<string, Promise<boolean>>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private delay = RETRY_FIRST_MS
  private last: SaveStatus = { phase: 'saved' }

  constructor(private readonly onStatus: (status: SaveStatus) => void) {}

  get status(): SaveStatus {
    return this.last
  }

  /** Queues a save under `key`; resolves true once it succeeded, false if it failed (it stays listed). */
  run(key: string, save: () => Promise<void>): Promise<boolean> {
    // Counted from the moment it is queued: an edit waiting behind another is not saved yet either.
    this.inFlight += 1
    this.publish()
    const next = (this.chains.get(key) ?? Promise.resolve(true)).then(() => this.attempt(key, save))
    this.chains.set(key, next)
    return next.then((ok) => {
      if (this.chains.get(key) === next) this.chains.delete(key)
      if (!ok) this.scheduleRetry()
      else if (this.failed.size > 0) this.retry()
      else this.delay = RETRY_FIRST_MS
      return ok
    })
  }

  /**
   * Counts a change sent outside `run` (a source, a reply, a tag…) as being saved until it is answered.
   * Such a change is not retried here: its form stays open with the reason when it fails.
   */
  watch(done: Promise<unknown>): void {
    this.inFlight += 1
    this.publish()
    const settle = () => {
      this.inFlight -= 1
      this.publish()
    }
    done.then(settle, settle)
  }

  /**
   * Marks an edit that waits to be sent (typing pauses before the essay or a note is saved): until it is
   * handed to `run`, it is not saved either, and the status says Saving….
   */
  waiting(key: string, on: boolean): void {
    if (on === this.held.has(key)) return
    if (on) this.held.add(key)
    else this.held.delete(key)
    this.publish()
  }

  /** Sends every failed save again now (each once: one already queued again is not doubled). */
  retry(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    for (const [key, { save }] of [...this.failed]) if (!this.chains.has(key)) void this.run(key, save)
  }

  /** Resolves once every save queued so far has been answered, whether it succeeded or not. */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()])
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private async attempt(key: string, save: () => Promise<void>): Promise<boolean> {
    try {
      await save()
      this.failed.delete(key)
      return true
    } catch (err) {
      // Re-inserted, so the newest failure is last and gives the reason shown.
      this.failed.delete(key)
      this.failed.set(key, { save, reason: err instanceof Error ? err.message : String(err) })
      return false
    } finally {
      this.inFlight -= 1
      this.publish()
    }
  }

  private scheduleRetry(): void {
    if (this.timer !== undefined) return
    this.timer = setTimeout(() => this.retry(), this.delay)
    this.delay = Math.min(this.delay * 2, RETRY_CAP_MS)
  }

  private publish(): void {
    const newest = [...this.failed.values()].at(-1)
    const next: SaveStatus = newest
      ? { phase: 'failed', reason: newest.reason }
      : { phase: this.inFlight > 0 || this.held.size > 0 ? 'saving' : 'saved' }
    if (next.phase === this.last.phase && next.reason === this.last.reason) return
    this.last = next
    this.onStatus(next)
  }
}

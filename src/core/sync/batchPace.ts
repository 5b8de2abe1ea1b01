/**
 * Records that arrive are merged 40 ms after the first of them. In a flood (the last batch, under a
 * second ago, had 25 records or more) a batch waits 250 ms, or three times what the last one took, up
 * to a second: each merge is a durable commit with fixed costs, so a flood makes a few large batches,
 * while one reviewer's changes one after another still arrive at once.
 */
const QUIET_BATCH_MS = 40
const BUSY_BATCH_MS = 250
const MAX_BATCH_MS = 1000
const BUSY_WINDOW_MS = 1000
const BUSY_BATCH_RECORDS = 25

/** The pace of a sync client's merges: how long the next batch waits, from what the last one cost. */
export class BatchPace {
  private last = { at: -Infinity, took: 0, records: 0 }

  /** A batch of `records` was merged, starting at `started` (performance.now()). */
  merged(started: number, records: number): void {
    const now = performance.now()
    this.last = { at: now, took: now - started, records }
  }

  /** Records keep arriving: the last batch, under a second ago, was a large one. */
  busy(): boolean {
    return performance.now() - this.last.at < BUSY_WINDOW_MS && this.last.records >= BUSY_BATCH_RECORDS
  }

  /** How long the next batch waits after its first record. */
  delay(): number {
    if (!this.busy()) return QUIET_BATCH_MS
    return Math.min(MAX_BATCH_MS, Math.max(BUSY_BATCH_MS, 3 * this.last.took))
  }

  /** How long writing down what the server holds waits: twice the busy window while records keep arriving. */
  acknowledgeDelay(): number {
    return this.busy() ? 2 * BUSY_WINDOW_MS : 500
  }
}

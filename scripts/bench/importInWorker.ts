/**
 * Imports as the app runs them: through the app's own runner (workerImportRunner) and worker module,
 * in a worker thread with the app's worker options, on its own connection to the review file. As in
 * the app, the worker is loaded before the file comes (asked for as the file dialog opens) and kept for
 * the next file; the bench waits until it has loaded, so the figure is the import, not the loading of
 * TypeScript through tsx.
 */
import type { Worker } from 'node:worker_threads'
import type { ImportSummary } from '../../src/shared/exchange'
import { workerImportRunner, type ImportJob, type ImportMessage } from '../../src/core/exchange/importRunner'
import { sourceImportWorker } from '../../src/harness/importWorker'
import type { HeapInfo } from 'node:v8'
import { settle, timedAsync, type Timing } from './report'

/** A runner as the app's whose workers say when they have loaded. */
function runnerWithLoads(onStart: (w: Worker) => void = () => undefined) {
  const loaded: Promise<void>[] = []
  const run = workerImportRunner(() => {
    const w = sourceImportWorker()
    loaded.push(
      new Promise<void>((ready, failed) => {
        w.on('message', (m: ImportMessage) => m.type === 'ready' && ready())
        w.once('error', failed)
      }),
    )
    onStart(w)
    return w
  })
  return { run, loaded }
}

/**
 * The files of one drop, as the window sends them (each once the one before is answered), on the worker
 * asked for as the files were dragged over the window; beside it, one of them on a worker started for
 * it, as every file but the first was imported before the runner kept its worker. Wall-clock times.
 */
export async function benchImportDrop(jobs: ImportJob[]): Promise<{ drop: number; workers: number; alone: number }> {
  const never = new AbortController().signal
  // An idle worker does not keep the process alive: this does, while one loads or checkpoints.
  const alive = setInterval(() => undefined, 1000)
  try {
    const kept = runnerWithLoads()
    kept.run.prepare?.()
    await kept.loaded[0]
    await settle()
    const t0 = performance.now()
    for (const job of jobs) await kept.run(job, () => undefined, never)
    const drop = performance.now() - t0
    const fresh = runnerWithLoads()
    await settle()
    const t1 = performance.now()
    await fresh.run(jobs[0], () => undefined, never)
    return { drop, workers: kept.loaded.length, alone: performance.now() - t1 }
  } finally {
    clearInterval(alive)
  }
}

/** A runner as the app's, and what its worker said: that it has loaded, that it is free again. */
export function benchImportRunner() {
  let worker: Worker | null = null
  let free = 0
  const { run, loaded } = runnerWithLoads((w) => {
    worker = w
    w.on('message', (m: ImportMessage) => m.type === 'free' && free++)
  })
  // As the window does when the reviewer opens the file dialog.
  run.prepare?.()
  /**
   * Imports `job` once the worker has loaded and is free (the job before it checkpointed the file);
   * the CPU time of the whole process (the worker's included) until its summary arrives, as the
   * window's wait. `checkpoint`: the CPU time from then until the worker is free, its checkpoint of
   * the file after the summary. `heapMb`: the worker's heap once it is free again, what it holds while
   * it waits for the next file.
   */
  return async (job: ImportJob): Promise<Timing<ImportSummary> & { checkpoint: number; heapMb: number }> => {
    // An idle worker does not keep the process alive: this does, while it loads or checkpoints.
    const alive = setInterval(() => undefined, 1000)
    try {
      await loaded.at(-1)
      await settle()
      const before = free
      const imported = await timedAsync(() => run(job, () => undefined, new AbortController().signal))
      const checkpoint = await timedAsync(async () => {
        while (free === before) await new Promise((next) => setTimeout(next, 5))
      })
      // Node 22 has it (since 22.16); the types installed do not name it yet.
      const heap = await (worker as unknown as { getHeapStatistics(): Promise<HeapInfo> }).getHeapStatistics()
      return { ...imported, checkpoint: checkpoint.ms, heapMb: heap.used_heap_size / 1024 / 1024 }
    } finally {
      clearInterval(alive)
    }
  }
}

import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads'
import type { ImportSummary } from '../../shared/exchange'
import { FactdeskError, type ErrorInfo } from '../../shared/errors'

export interface ImportJob {
  reviewPath: string
  /**
   * Which file the window's connection opened at that path (ReviewStore.identity): while it is still
   * there, the job's connection does not inspect it again (../db/reviewFile.ts openReviewDatabase).
   */
  openedAs?: string
  fileName: string
  bytes: Uint8Array
  importer: string
  /** A reviewed Word document: take its resolved comments as checked claims. */
  acceptResolved?: boolean
}

export type ImportPhase = 'reading' | 'merging'

/**
 * What a worker posts: that its code is loaded, then a job's progress and its summary or refusal, then
 * that it is free for the next job (the job's checkpoint done, its connection closed).
 */
export type ImportMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: ImportPhase }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'free' }

/**
 * Runs an import job; `signal` cancels it (the transaction never commits, the review is unchanged).
 * `prepare`: a file may come soon (the reviewer opened the file dialog or drags files over the window).
 */
export type ImportRunner = ((
  job: ImportJob,
  progress: (phase: ImportPhase) => void,
  signal: AbortSignal,
) => Promise<ImportSummary>) & { prepare?: () => void }

/**
 * The worker's young generation, larger than V8's default: an import parses the whole file into objects
 * that all live until its merge ends (a 10,000-claim bundle: some 200,000), and with the default each
 * young collection copied them again. Measured in the worker (alternating, a 10,000-claim bundle, the code
 * warm, medians of six): the import's CPU time 257 ms against 292 with the default.
 * Only what an import allocates is held, and a worker left free ends (IMPORT_WORKER_IDLE_MS).
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 }

/** An import worker's options, wherever the worker comes from (the app's bundle, tsx). It gets its job as a message. */
export const IMPORT_WORKER_OPTIONS: WorkerOptions = { resourceLimits: IMPORT_WORKER_LIMITS }

const cancelledError = (fileName: string): FactdeskError => new FactdeskError('import-cancelled', { file: fileName })

/**
 * How long a worker waits, loaded and free, for the next file before it ends and its heap goes: long
 * enough for the files of one drop or one file dialog, which come one after another, and for a
 * reviewer who imports the next reply after reading the summary of the last.
 */
export const IMPORT_WORKER_IDLE_MS = 30_000

interface QueuedJob {
  job: ImportJob
  progress: (phase: ImportPhase) => void
  signal: AbortSignal
  onAbort: () => void
  resolve: (summary: ImportSummary) => void
  reject: (err: FactdeskError) => void
}

/**
 * In a worker thread with its own connection: the app's main process (and the harness) stays free to
 * answer the window while a large file is read, checked and merged. Cancelling terminates the worker;
 * its connection closes without committing, so the import is all or nothing.
 *
 * One worker, loaded before the file comes and kept for the next: starting a worker and loading its
 * code is most of a small import (20 claims: 0.58–0.60 s in a new worker, 0.10–0.14 s on one waiting
 * loaded; the built worker, Node 22), and a worker that has imported once runs the next import's code
 * already optimized. The worker is started when a file may come (`prepare`: the reviewer opened the
 * file dialog or drags files over the window, a second or more before the file), not on a timer after
 * the window's start: loading it (≈ 0.45 s of CPU) would compete with the opening of a long review on
 * two cores, for a file that may never come. Jobs run one after another, as the window sends them (a
 * drop of several files: one at a time); each is answered as soon as its summary is made, and the next
 * is sent once the worker has checkpointed the file and closed its connection. A worker left free for
 * IMPORT_WORKER_IDLE_MS ends, and the heap its last import left with it; ten times that when a file
 * was asked for since (`prepare`: a file dialog may stay open a while, or be cancelled). A worker that
 * fails or is stopped (cancel) is not used again. A waiting worker does not keep the process alive.
 */
export function workerImportRunner(start: () => Worker, idleMs = IMPORT_WORKER_IDLE_MS): ImportRunner {
  let worker: Worker | null = null
  /** The job the worker has, from when it is sent until the worker is free again. */
  let active: QueuedJob | null = null
  let answered = false
  const queue: QueuedJob[] = []
  let idle: ReturnType<typeof setTimeout> | null = null
  /** A file was asked for (`prepare`) since the last job was sent: a free worker waits longer for it. */
  let expected = false

  const stopIdle = (): void => {
    if (idle) clearTimeout(idle)
    idle = null
  }
  /** The worker waits for a file: ended after the idle time, ten times that while a file is expected. */
  const rest = (w: Worker): void => {
    w.unref()
    stopIdle()
    idle = setTimeout(
      () => {
        if (worker === w && !active) drop(w)
      },
      expected ? idleMs * 10 : idleMs,
    )
    idle.unref()
  }
  /** The worker is not used again; a job it had not answered is refused with `why`. */
  const drop = (w: Worker, why?: FactdeskError): void => {
    if (worker !== w) return
    worker = null
    stopIdle()
    const job = active
    active = null
    if (job && !answered) settle(job, () => job.reject(why ?? new FactdeskError('import-stopped', { detail: 'ended' })))
    // The next job once the thread has gone: a cancelled import's connection may still hold the file.
    void w.terminate().then(next, next)
  }
  const settle = (job: QueuedJob, done: () => void): void => {
    job.signal.removeEventListener('abort', job.onAbort)
    done()
  }
  const cancel = (job: QueuedJob): void => {
    const waiting = queue.indexOf(job)
    if (waiting >= 0) {
      queue.splice(waiting, 1)
      settle(job, () => job.reject(cancelledError(job.job.fileName)))
    } else if (active === job && !answered && worker) drop(worker, cancelledError(job.job.fileName))
  }

  const launch = (): Worker | Error => {
    let w: Worker
    try {
      w = start()
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err))
    }
    worker = w
    w.on('message', (message: ImportMessage) => {
      if (worker !== w) return
      const job = active
      if (message.type === 'free') {
        // Every job answers before it is free; one that did not is not left waiting.
        if (job && !answered) settle(job, () => job.reject(new FactdeskError('import-stopped', { detail: 'free' })))
        active = null
        rest(w)
        next()
      } else if (!job || answered) return
      else if (message.type === 'progress') job.progress(message.phase)
      else if (message.type === 'done') {
        answered = true
        settle(job, () => job.resolve(message.summary))
      } else if (message.type === 'failed') {
        answered = true
        settle(job, () => job.reject(FactdeskError.from(message.error)))
      }
    })
    w.on('error', (err) => drop(w, new FactdeskError('import-stopped', { detail: err.message })))
    w.on('exit', (code) => drop(w, new FactdeskError('import-stopped', { detail: `exit ${code}` })))
    rest(w)
    return w
  }

  /** Sends the next job once the worker is free, starting one when there is none. */
  const next = (): void => {
    if (active || queue.length === 0) return
    const w = worker ?? launch()
    const job = queue.shift()!
    if (w instanceof Error) {
      // No thread to be had now: the job is refused as a stopped import is, and the next is tried.
      settle(job, () => job.reject(new FactdeskError('import-stopped', { detail: w.message })))
      return next()
    }
    stopIdle()
    expected = false
    w.ref()
    active = job
    answered = false
    w.postMessage(job.job)
  }

  const run: ImportRunner = (job, progress, signal) =>
    new Promise<ImportSummary>((resolve, reject) => {
      if (signal.aborted) return reject(cancelledError(job.fileName))
      const queued: QueuedJob = { job, progress, signal, onAbort: () => cancel(queued), resolve, reject }
      signal.addEventListener('abort', queued.onAbort, { once: true })
      queue.push(queued)
      next()
    })
  run.prepare = (): void => {
    // A file is coming: the worker waits for it while the reviewer chooses it, if not for ever.
    expected = true
    if (!worker) launch()
    else if (!active) rest(worker)
  }
  return run
}

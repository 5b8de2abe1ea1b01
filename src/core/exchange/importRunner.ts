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

/** What a worker posts: that its code is loaded, then a job's progress, then the summary or the refusal. */
export type ImportMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: ImportPhase }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: ErrorInfo }

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
 * young collection copied them again. Measured in the worker (`npm run bench`, alternating, a 10,000-claim
 * bundle): the import 684–725 ms against 730–965 with the default; the merge after it, no clear change.
 * Only what an import allocates is held: the worker exits with it.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 }

/** An import worker's options, wherever the worker comes from (the app's bundle, tsx). It gets its job as a message. */
export const IMPORT_WORKER_OPTIONS: WorkerOptions = { resourceLimits: IMPORT_WORKER_LIMITS }

const cancelledError = (fileName: string): FactdeskError => new FactdeskError('import-cancelled', { file: fileName })

/**
 * In a worker thread with its own connection: the app's main process (and the harness) stays free to
 * answer the window while a large file is read, checked and merged. Cancelling terminates the worker;
 * its connection closes without committing, so the import is all or nothing.
 *
 * Each import has a worker of its own, whose heap goes when it exits, but the worker is started before
 * the file comes: starting one and loading its code is most of a small import (20 claims: 0.58–0.60 s
 * in a new worker, 0.10–0.14 s on one waiting loaded; the built worker, Node 22), and every import,
 * however small, waited for it. One worker waits loaded (the standby), started when a file may come
 * (`prepare`: the reviewer opened the file dialog or drags files over the window, a second or more
 * before the file) and again once an import's worker has ended. Not on a timer after the window's
 * start: loading it (≈ 0.45 s of CPU) would compete with the opening of a long review on two cores,
 * for a file that may never come. A standby that is not there (not asked for, still
 * loading, or it failed) is no matter: the job starts a worker of its own, as before. An idle standby
 * does not keep the process alive.
 */
export function workerImportRunner(start: () => Worker): ImportRunner {
  let standby: Worker | null = null
  const prepare = (): void => {
    if (standby) return
    let worker: Worker
    try {
      worker = start()
    } catch {
      // No thread to be had now (a gesture or a worker's exit called this): the next job starts its own.
      return
    }
    worker.unref()
    standby = worker
    // A standby that fails to load, or ends, is not used.
    const gone = (): void => {
      if (standby === worker) standby = null
    }
    worker.once('error', gone)
    worker.once('exit', gone)
  }
  const run: ImportRunner = (job, progress, signal) =>
    new Promise<ImportSummary>((resolve, reject) => {
      if (signal.aborted) return reject(cancelledError(job.fileName))
      const worker = standby ?? start()
      standby = null
      worker.ref()
      let settled = false
      const settle = (done: () => void): void => {
        if (settled) return
        settled = true
        signal.removeEventListener('abort', cancel)
        done()
      }
      const cancel = (): void => {
        settle(() => reject(cancelledError(job.fileName)))
        void worker.terminate()
      }
      signal.addEventListener('abort', cancel, { once: true })
      worker.on('message', (message: ImportMessage) => {
        if (message.type === 'ready') return
        if (message.type === 'progress') progress(message.phase)
        else if (message.type === 'done') settle(() => resolve(message.summary))
        else settle(() => reject(FactdeskError.from(message.error)))
        // After its answer a job checkpoints the file and ends by itself (./importJob.ts): stopping it
        // then would leave that copy to the window's next commit.
        if (message.type === 'failed') void worker.terminate()
      })
      worker.on('error', (err) => settle(() => reject(new FactdeskError('import-stopped', { detail: err.message }))))
      worker.on('exit', (code) => {
        settle(() => reject(new FactdeskError('import-stopped', { detail: `exit ${code}` })))
        prepare()
      })
      worker.postMessage(job)
    })
  run.prepare = prepare
  return run
}

import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads'
import type { ImportSummary } from '../../shared/exchange'
import { FactdeskError, type ErrorInfo } from '../../shared/errors'

export interface ImportJob {
  /** The review the window has open: its connection inspected the file and holds it (./importJob.ts). */
  reviewPath: string
  fileName: string
  bytes: Uint8Array
  importer: string
  /** A reviewed Word document: take its resolved comments as checked claims. */
  acceptResolved?: boolean
}

export type ImportPhase = 'reading' | 'merging'

/** What a worker posts back: progress, then the summary or the refusal. */
export type ImportMessage =
  | { type: 'progress'; phase: ImportPhase }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: ErrorInfo }

/** Runs an import job; `signal` cancels it (the transaction never commits, the review is unchanged). */
export type ImportRunner = (
  job: ImportJob,
  progress: (phase: ImportPhase) => void,
  signal: AbortSignal,
) => Promise<ImportSummary>

/**
 * The worker's young generation, larger than V8's default: an import parses the whole file into objects
 * that all live until its merge ends (a 10,000-claim bundle: some 200,000), and with the default each
 * young collection copied them again. Measured in the worker (`npm run bench`, alternating, a 10,000-claim
 * bundle): the import 684–725 ms against 730–965 with the default; the merge after it, no clear change.
 * Only what an import allocates is held: the worker exits with it.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 }

/** A worker's options for an import job, wherever the worker comes from (the app's bundle, tsx). */
export const importWorkerOptions = (job: ImportJob): WorkerOptions => ({
  workerData: job,
  resourceLimits: IMPORT_WORKER_LIMITS,
})

const cancelledError = (fileName: string): FactdeskError => new FactdeskError('import-cancelled', { file: fileName })

/**
 * In a worker thread with its own connection: the app's main process (and the harness) stays free to
 * answer the window while a large file is read, checked and merged. Cancelling terminates the worker;
 * its connection closes without committing, so the import is all or nothing.
 */
export function workerImportRunner(start: (job: ImportJob) => Worker): ImportRunner {
  return (job, progress, signal) =>
    new Promise<ImportSummary>((resolve, reject) => {
      if (signal.aborted) return reject(cancelledError(job.fileName))
      const worker = start(job)
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
        if (message.type === 'progress') progress(message.phase)
        else if (message.type === 'done') settle(() => resolve(message.summary))
        else settle(() => reject(FactdeskError.from(message.error)))
        // After its answer a job checkpoints the file and ends by itself (./importJob.ts): stopping it
        // then would leave that copy to the window's next commit.
        if (message.type === 'failed') void worker.terminate()
      })
      worker.on('error', (err) => settle(() => reject(new FactdeskError('import-stopped', { detail: err.message }))))
      worker.on('exit', (code) => settle(() => reject(new FactdeskError('import-stopped', { detail: `exit ${code}` }))))
    })
}

/**
 * The worker thread imports run in (src/core/exchange/importRunner.ts): it loads, says so, and takes the
 * jobs the runner sends it, one at a time.
 */
import { parentPort } from 'node:worker_threads'
import { failureMessage, runImportJob } from './importJob'
import type { ImportJob, ImportMessage } from './importRunner'

const post = (message: ImportMessage): void => parentPort?.postMessage(message)

// The runner sends a job only once the last is free; chained all the same, so two never share the thread.
let last: Promise<void> = Promise.resolve()
parentPort?.on('message', (job: ImportJob) => {
  last = last.then(() =>
    // Once it has answered the job still checkpoints and closes its connection; then the worker is free.
    runImportJob(
      job,
      (phase) => post({ type: 'progress', phase }),
      (summary) => post({ type: 'done', summary }),
    )
      .catch((err: unknown) => post(failureMessage(err)))
      .finally(() => post({ type: 'free' })),
  )
})
post({ type: 'ready' })

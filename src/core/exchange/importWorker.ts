/**
 * The worker thread an import runs in (src/core/exchange/importRunner.ts): it loads, says so, and waits
 * for its one job.
 */
import { parentPort } from 'node:worker_threads'
import { failureMessage, runImportJob } from './importJob'
import type { ImportJob, ImportMessage } from './importRunner'

const post = (message: ImportMessage): void => parentPort?.postMessage(message)

parentPort?.once('message', (job: ImportJob) => {
  // Once it has answered the job still checkpoints and closes its connection: the worker ends by itself.
  runImportJob(
    job,
    (phase) => post({ type: 'progress', phase }),
    (summary) => post({ type: 'done', summary }),
  ).catch((err: unknown) => post(failureMessage(err)))
})
post({ type: 'ready' })

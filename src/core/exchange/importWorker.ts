/** The worker thread an import runs in (src/core/exchange/importRunner.ts). */
import { parentPort, workerData } from 'node:worker_threads'
import { failureMessage, runImportJob } from './importJob'
import type { ImportJob, ImportMessage } from './importRunner'

const post = (message: ImportMessage): void => parentPort?.postMessage(message)

// Once it has answered the job still checkpoints and closes its connection: the worker ends by itself.
runImportJob(
  workerData as ImportJob,
  (phase) => post({ type: 'progress', phase }),
  (summary) => post({ type: 'done', summary }),
).catch((err: unknown) => post(failureMessage(err)))

/** The worker thread an import runs in (src/core/exchange/importRunner.ts). */
import { parentPort, workerData } from 'node:worker_threads'
import { failureMessage, runImportJob } from './importJob'
import type { ImportJob, ImportMessage } from './importRunner'

const post = (message: ImportMessage): void => parentPort?.postMessage(message)

runImportJob(workerData as ImportJob, (phase) => post({ type: 'progress', phase })).then(
  (summary) => post({ type: 'done', summary }),
  (err: unknown) => post(failureMessage(err)),
)

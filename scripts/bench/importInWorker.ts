/**
 * An import as the app runs it: in a worker thread of its own, with the app's worker options
 * (importWorkerOptions: its young generation), on its own connection to the review file, through the
 * app's own job (runImportJob). The worker loads its modules first and says so; only then is the clock
 * started and the file handed over, so the figure is the import, not the loading of TypeScript.
 */
import { join } from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { ImportSummary } from '../../src/shared/exchange'
import { importWorkerOptions, type ImportJob } from '../../src/core/exchange/importRunner'
import { runImportJob } from '../../src/core/exchange/importJob'
import { settle, timedAsync } from './report'

const entry = join(__dirname, 'importInWorker.ts')

/**
 * Imports `job` in a new worker; the CPU time of the whole process (the workers' included) until its
 * summary arrives, as the window's does. The job's checkpoint after it is left out, as the reviewer
 * does not wait for it; the next import starts once it is done.
 */
export async function importInWorker(job: ImportJob): Promise<{ ms: number; result: ImportSummary }> {
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`, {
    ...importWorkerOptions(job),
    eval: true,
  })
  try {
    await new Promise<void>((ready, failed) => {
      worker.once('message', () => ready())
      worker.once('error', failed)
    })
    await settle()
    return await timedAsync(
      () =>
        new Promise<ImportSummary>((done, failed) => {
          worker.once('message', (m: { summary?: ImportSummary; error?: string }) =>
            m.summary ? done(m.summary) : failed(new Error(m.error)),
          )
          worker.postMessage('go')
        }),
    )
  } finally {
    // As in the app, the job checkpoints the file after its summary and ends by itself.
    const ended = new Promise((done) => worker.once('exit', done))
    await Promise.race([ended, new Promise((done) => setTimeout(done, 10_000))])
    await worker.terminate()
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort
  port.once('message', () => {
    runImportJob(
      workerData as ImportJob,
      () => undefined,
      (summary) => port.postMessage({ summary }),
    ).catch((err: unknown) => port.postMessage({ error: (err as Error).message }))
  })
  port.postMessage('ready')
}

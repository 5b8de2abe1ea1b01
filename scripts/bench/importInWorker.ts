/**
 * Imports as the app runs them: through the app's own runner (workerImportRunner) and worker module,
 * each in a worker thread of its own with the app's worker options, on its own connection to the review
 * file. As in the app, the worker waits loaded before the file comes (the runner's standby, asked for as
 * the file dialog opens); the bench waits until it has said so, so the figure is the import, not the
 * loading of TypeScript through tsx.
 */
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ImportSummary } from '../../src/shared/exchange'
import {
  IMPORT_WORKER_OPTIONS,
  workerImportRunner,
  type ImportJob,
  type ImportMessage,
} from '../../src/core/exchange/importRunner'
import { settle, timedAsync } from './report'

const entry = join(__dirname, '..', '..', 'src', 'core', 'exchange', 'importWorker.ts')

/** A runner as the app's, and a promise for each worker it starts that it has loaded. */
export function benchImportRunner() {
  const loaded: Promise<void>[] = []
  const run = workerImportRunner(() => {
    const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`, {
      ...IMPORT_WORKER_OPTIONS,
      eval: true,
    })
    loaded.push(
      new Promise<void>((ready, failed) => {
        worker.on('message', (m: ImportMessage) => m.type === 'ready' && ready())
        worker.once('error', failed)
      }),
    )
    return worker
  })
  // As the window does when the reviewer opens the file dialog.
  run.prepare?.()
  /**
   * Imports `job` once the standby worker has loaded (and so the worker of the job before has ended:
   * the runner starts the next standby then); the CPU time of the whole process (the workers' included)
   * until its summary arrives, as the window's wait. The job's checkpoint after it is left out.
   */
  return async (job: ImportJob): Promise<{ ms: number; result: ImportSummary }> => {
    while (loaded.length === 0) await new Promise((next) => setTimeout(next, 5))
    // A standby does not keep the process alive (the runner unrefs it): this does, while it loads.
    const alive = setInterval(() => undefined, 1000)
    await loaded[loaded.length - 1].finally(() => clearInterval(alive))
    const standbys = loaded.length
    await settle()
    const imported = await timedAsync(() => run(job, () => undefined, new AbortController().signal))
    // The next import starts once this one's worker has ended and its successor is loading.
    while (loaded.length === standbys) await new Promise((next) => setTimeout(next, 5))
    return imported
  }
}

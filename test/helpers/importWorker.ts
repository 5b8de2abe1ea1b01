import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { IMPORT_WORKER_OPTIONS, workerImportRunner, type ImportRunner } from '../../src/core/exchange/importRunner'
import { openForWindow } from '../../src/core/review/session'
import { bundledEssay, ROOT, type TempDir } from './essay'
import { openDesk, type Desk } from './service'

/** Imports in a worker thread as the app runs them, the worker's TypeScript loaded through tsx. */
const entry = join(ROOT, 'src', 'core', 'exchange', 'importWorker.ts')
export const workerRunner: ImportRunner = workerImportRunner(
  () =>
    new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`, {
      ...IMPORT_WORKER_OPTIONS,
      eval: true,
    }),
)

/** A desk on a new review of the bundled essay in `dir` whose imports run in the worker. */
export function openWorkerDesk(dir: TempDir): Desk {
  return openDesk(openForWindow(dir.file('r.factdesk'), bundledEssay()), { defaultScale: 'snu' }, null, {
    runImport: workerRunner,
  })
}

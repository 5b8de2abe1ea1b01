import { workerImportRunner, type ImportRunner } from '../../src/core/exchange/importRunner'
import { sourceImportWorker } from '../../src/harness/importWorker'
import { openForWindow } from '../../src/core/review/session'
import { bundledEssay, type TempDir } from './essay'
import { openDesk, type Desk } from './service'

/** Imports in a worker thread as the app runs them, the worker's TypeScript loaded through tsx. */
export const workerRunner: ImportRunner = workerImportRunner(sourceImportWorker)

/** A desk on a new review of the bundled essay in `dir` whose imports run in the worker. */
export function openWorkerDesk(dir: TempDir): Desk {
  return openDesk(openForWindow(dir.file('r.factdesk'), bundledEssay()), { defaultScale: 'snu' }, null, {
    runImport: workerRunner,
  })
}

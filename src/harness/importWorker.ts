import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { IMPORT_WORKER_OPTIONS } from '../core/exchange/importRunner'

/**
 * An import worker run from the TypeScript source, as the harness, the tests and the benchmark run it
 * (the app runs the built module): the worker registers tsx before loading the worker module.
 */
export function sourceImportWorker(): Worker {
  const entry = join(__dirname, '..', 'core', 'exchange', 'importWorker.ts')
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`
  return new Worker(boot, { ...IMPORT_WORKER_OPTIONS, eval: true })
}

import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { IMPORT_WORKER_OPTIONS, workerImportRunner, type ImportMessage } from '../src/core/exchange/importRunner'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import type { ReviewStore } from '../src/core/review/store'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { ratedClaimsBundle } from './helpers/exchange'

/**
 * The import runner loads a worker when a file may come: an import takes it, and the next one starts
 * once that import's worker has ended. A standby that is gone is not used.
 */

const entry = join(ROOT, 'src', 'core', 'exchange', 'importWorker.ts')

let dir: TempDir
let desk: ReviewStore
let started: { worker: Worker; loaded: Promise<void>; exited: Promise<void> }[]
const start = (): Worker => {
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`, {
    ...IMPORT_WORKER_OPTIONS,
    eval: true,
  })
  const loaded = new Promise<void>((ready) => worker.on('message', (m: ImportMessage) => m.type === 'ready' && ready()))
  const exited = new Promise<void>((ended) => worker.once('exit', () => ended()))
  started.push({ worker, loaded, exited })
  return worker
}
// A standby is unreferenced: the test's own timer keeps the process alive while one loads.
const waitFor = async (until: () => boolean) => {
  while (!until()) await new Promise((next) => setTimeout(next, 10))
}

beforeEach(() => {
  dir = tempDir()
  started = []
  desk = openReview(dir.file('r.factdesk'), bundledEssay())
})
afterEach(async () => {
  await Promise.all(started.map((s) => s.worker.terminate()))
  desk.close()
  dir.remove()
})

/** A file of two claims to import into the review the window (`desk`) has open. */
const job = () => ({
  reviewPath: dir.file('r.factdesk'),
  openedAs: desk.identity ?? undefined,
  fileName: 'park.factdesk.json',
  bytes: ratedClaimsBundle(2),
  importer: '박검증',
})

it('starts no worker until a file may come, then imports on the one that waited loaded', async () => {
  const run = workerImportRunner(start)
  await new Promise((next) => setTimeout(next, 300))
  expect(started).toHaveLength(0)
  run.prepare!()
  run.prepare!()
  expect(started).toHaveLength(1)
  await started[0].loaded
  const summary = await run(job(), () => undefined, new AbortController().signal)
  expect(summary.added).toBe(2)
  // The job ran on the standby: no worker was started for it.
  expect(started).toHaveLength(1)
  await started[0].exited
  await waitFor(() => started.length === 2)
  await started[1].loaded
  expect(listClaims(desk)).toHaveLength(2)
})

it('starts a worker of its own when the standby has gone', async () => {
  const run = workerImportRunner(start)
  run.prepare!()
  await started[0].loaded
  await started[0].worker.terminate()
  const summary = await run(job(), () => undefined, new AbortController().signal)
  expect(summary.added).toBe(2)
  expect(started).toHaveLength(2)
})

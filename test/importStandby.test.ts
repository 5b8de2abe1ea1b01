import { getEventListeners } from 'node:events'
import type { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { workerImportRunner, type ImportMessage } from '../src/core/exchange/importRunner'
import { sourceImportWorker } from '../src/harness/importWorker'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import type { ReviewStore } from '../src/core/review/store'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { ratedClaimsBundle } from './helpers/exchange'

/**
 * The import runner loads a worker when a file may come and keeps it for the files after: a drop of
 * several files runs on one worker, one file at a time. A worker left free for the idle time ends; one
 * that has gone, or was stopped by a cancel, is not used again.
 */

let dir: TempDir
let desk: ReviewStore
let started: { worker: Worker; loaded: Promise<void>; exited: Promise<void> }[]
const start = (): Worker => {
  const worker = sourceImportWorker()
  const loaded = new Promise<void>((ready) => worker.on('message', (m: ImportMessage) => m.type === 'ready' && ready()))
  const exited = new Promise<void>((ended) => worker.once('exit', () => ended()))
  started.push({ worker, loaded, exited })
  return worker
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

/** A file of `claims` claims another reviewer sends, to import into the review the window (`desk`) has open. */
const job = (claims = 2, fileName = 'park.factdesk.json') => ({
  reviewPath: dir.file('r.factdesk'),
  openedAs: desk.identity ?? undefined,
  fileName,
  bytes: ratedClaimsBundle(claims),
  importer: '박검증',
})
const never = () => new AbortController().signal

it('starts no worker until a file may come, then imports on the one that waited loaded', async () => {
  const run = workerImportRunner(start)
  await new Promise((next) => setTimeout(next, 300))
  expect(started).toHaveLength(0)
  run.prepare!()
  run.prepare!()
  expect(started).toHaveLength(1)
  await started[0].loaded
  const summary = await run(job(), () => undefined, never())
  expect(summary.added).toBe(2)
  // The job ran on the worker that waited: none was started for it.
  expect(started).toHaveLength(1)
  expect(listClaims(desk)).toHaveLength(2)
})

it('imports the files of one drop one after another on the same worker, each answered with its own summary', async () => {
  const run = workerImportRunner(start)
  run.prepare!()
  const files = [job(2, 'a.factdesk.json'), job(3, 'b.factdesk.json'), job(1, 'c.factdesk.json')]
  // As the window sends them: each as soon as the one before is answered, before its checkpoint is done.
  const summaries = []
  for (const file of files) summaries.push(await run(file, () => undefined, never()))
  expect(summaries.map((s) => [s.fileName, s.added])).toEqual([
    ['a.factdesk.json', 2],
    ['b.factdesk.json', 3],
    ['c.factdesk.json', 1],
  ])
  expect(started).toHaveLength(1)
  expect(listClaims(desk)).toHaveLength(6)
  // Sent together, they still run one at a time, in the order they came.
  const together = await Promise.all([
    run(job(1, 'd.factdesk.json'), () => undefined, never()),
    run(job(2, 'e.factdesk.json'), () => undefined, never()),
  ])
  expect(together.map((s) => s.added)).toEqual([1, 2])
  expect(started).toHaveLength(1)
  expect(listClaims(desk)).toHaveLength(9)
})

it('answers a refused file with its refusal and imports the next file on the same worker', async () => {
  const run = workerImportRunner(start)
  const refused = run({ ...job(), fileName: 'notes.json', bytes: Buffer.from('{ not json') }, () => undefined, never())
  await expect(refused).rejects.toMatchObject({ code: 'import-not-json' })
  expect((await run(job(), () => undefined, never())).added).toBe(2)
  expect(started).toHaveLength(1)
})

it('ends a worker left free for the idle time after an import, unless a file was asked for since', async () => {
  const run = workerImportRunner(start, 200)
  expect((await run(job(), () => undefined, never())).added).toBe(2)
  await started[0].exited
  expect((await run(job(), () => undefined, never())).added).toBe(2)
  expect(started).toHaveLength(2)
  // The reviewer opens the file dialog again: the worker waits ten times as long for the file.
  run.prepare!()
  let ended = false
  void started[1].exited.then(() => (ended = true))
  await new Promise((next) => setTimeout(next, 600))
  expect(ended).toBe(false)
  expect((await run(job(), () => undefined, never())).added).toBe(2)
  expect(started).toHaveLength(2)
  // A dialog closed without a file does not keep the worker and its heap for ever.
  run.prepare!()
  await started[1].exited
  expect(started).toHaveLength(2)
})

it('does not use a worker stopped by a cancel: the file after it imports on a new one', async () => {
  const run = workerImportRunner(start)
  const cancel = new AbortController()
  const cancelled = run(job(200, 'big.factdesk.json'), () => undefined, cancel.signal)
  // Sent while the first is under way: it waits its turn, and is not cancelled with it.
  const after = run(job(2, 'small.factdesk.json'), () => undefined, never())
  cancel.abort()
  await expect(cancelled).rejects.toMatchObject({ code: 'import-cancelled' })
  await started[0].exited
  expect((await after).added).toBe(2)
  expect(started).toHaveLength(2)
  expect(listClaims(desk)).toHaveLength(2)
})

it('cancels a file still waiting its turn without stopping the one under way, and leaves no listener behind', async () => {
  const run = workerImportRunner(start)
  const signals = [new AbortController(), new AbortController(), new AbortController()]
  const first = run(job(50, 'a.factdesk.json'), () => undefined, signals[0].signal)
  const second = run(job(2, 'b.factdesk.json'), () => undefined, signals[1].signal)
  const third = run(job(3, 'c.factdesk.json'), () => undefined, signals[2].signal)
  signals[1].abort()
  await expect(second).rejects.toMatchObject({ code: 'import-cancelled' })
  expect((await first).added).toBe(50)
  expect((await third).added).toBe(3)
  expect(started).toHaveLength(1)
  expect(listClaims(desk)).toHaveLength(53)
  for (const { signal } of signals) expect(getEventListeners(signal, 'abort')).toHaveLength(0)
})

it('starts a worker of its own when the one that waited has gone', async () => {
  const run = workerImportRunner(start)
  run.prepare!()
  await started[0].loaded
  await started[0].worker.terminate()
  const summary = await run(job(), () => undefined, never())
  expect(summary.added).toBe(2)
  expect(started).toHaveLength(2)
})

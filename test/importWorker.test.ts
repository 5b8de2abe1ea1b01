import { afterEach, beforeEach, expect, it } from 'vitest'
import { dispatch } from '../src/core/service'
import type { Service } from '../src/core/registry'
import { importProgress, type Desk } from './helpers/service'
import { openWorkerDesk } from './helpers/importWorker'
import type { ReviewSession } from '../src/core/review/session'
import { tempDir, type TempDir } from './helpers/essay'
import { dump, ratedClaimsBundle } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'

/** Imports run in a worker thread on their own connection, report progress, and can be cancelled. */

let dir: TempDir
let session: ReviewSession
let desk: Desk
const progress = () => importProgress(desk)
let service: Service
beforeEach(() => {
  dir = tempDir()
  desk = openWorkerDesk(dir)
  session = desk.session
  service = desk.service
})
afterEach(() => {
  session.close()
  dir.remove()
})

const bundleData = (claims: number): string => ratedClaimsBundle(claims).toString('base64')

it('imports in a worker: the window’s connection sees the result, with progress through every phase', async () => {
  const result = await dispatch(service, 'review-import', { fileName: 'park.factdesk.json', data: bundleData(3) })
  expect(result).toMatchObject({ ok: true, value: { added: 3 } })
  expect(listClaims(session.store)).toHaveLength(3)
  expect(progress().map((p) => p.phase)).toEqual(['reading', 'merging', 'done'])
  // The import is this window's own: undo finds it.
  const undone = await dispatch(service, 'import-undo', {})
  expect(undone.ok).toBe(true)
  expect(listClaims(session.store)).toHaveLength(0)
})

it('passes a refusal on with its code and message, and the review is unchanged', async () => {
  const before = dump(session.store)
  const result = await dispatch(service, 'review-import', {
    fileName: 'notes.json',
    data: Buffer.from('{ not json').toString('base64'),
  })
  expect(result).toMatchObject({
    ok: false,
    error: {
      code: 'import-not-json',
      params: { file: 'notes.json' },
      message: expect.stringContaining('notes.json: the file is not JSON'),
    },
  })
  expect(dump(session.store)).toEqual(before)
  expect(progress().at(-1)?.phase).toBe('failed')
})

it('cancels an import under way: nothing is imported, and it says so', async () => {
  const before = dump(session.store)
  const pending = dispatch(service, 'review-import', { fileName: 'big.factdesk.json', data: bundleData(200) })
  // Cancel as soon as the worker has started reading.
  while (progress().length === 0) await new Promise((r) => setTimeout(r, 5))
  const cancel = await dispatch(service, 'import-cancel', {})
  expect(cancel).toEqual({ ok: true, value: { cancelled: true } })
  expect(await pending).toMatchObject({
    ok: false,
    error: {
      code: 'import-cancelled',
      params: { file: 'big.factdesk.json' },
      message: expect.stringContaining('the review is unchanged'),
    },
  })
  expect(progress().at(-1)?.phase).toBe('cancelled')
  expect(dump(session.store)).toEqual(before)
  expect(await dispatch(service, 'import-cancel', {})).toEqual({ ok: true, value: { cancelled: false } })
})

it('keeps answering the window while a file is imported', async () => {
  const order: string[] = []
  const pending = dispatch(service, 'review-import', { fileName: 'big.factdesk.json', data: bundleData(300) }).then(
    () => order.push('import'),
  )
  while (progress().length === 0) await new Promise((r) => setTimeout(r, 5))
  await dispatch(service, 'claims-list', {}).then(() => order.push('claims-list'))
  await pending
  expect(order).toEqual(['claims-list', 'import'])
  expect(listClaims(session.store)).toHaveLength(300)
})

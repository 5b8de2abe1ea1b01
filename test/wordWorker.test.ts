/** A reviewed Word document through the service and the import worker: Accept resolved, Cancel, Undo import. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { contentTables } from '../src/core/exchange/importUndo'
import { dispatch } from '../src/core/service'
import type { Service } from '../src/core/registry'
import { importProgress, type Desk } from './helpers/service'
import { openWorkerDesk } from './helpers/importWorker'
import type { ReviewSession } from '../src/core/review/session'
import type { ExportedFile } from '../src/shared/exchange'
import { claimMarker } from '../src/shared/wordReview'
import { tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump } from './helpers/exchange'
import { WordDoc } from './helpers/wordEdits'
import { getClaim } from '../src/core/claims/queries'
import { createClaim } from '../src/core/claims/commands'

let dir: TempDir
let session: ReviewSession
let desk: Desk
const progress = () => importProgress(desk)
let service: Service
let claimId: string
beforeEach(() => {
  dir = tempDir()
  desk = openWorkerDesk(dir)
  session = desk.session
  service = desk.service
  claimId = createClaim(session.store, anchorOf(session.store, '현지화된 챗GPT 개발'), '김기자').id
})
afterEach(() => {
  session.close()
  dir.remove()
})

async function reviewedDocx(): Promise<string> {
  const exported = await dispatch(service, 'review-export', { format: 'docx', forReview: true })
  if (!exported.ok) throw new Error(exported.error.message)
  const file = exported.value as ExportedFile
  const doc = new WordDoc(new Uint8Array(Buffer.from(file.data, 'base64')))
  doc.resolve(claimMarker(claimId))
  doc.reply(claimMarker(claimId), '정편집', '2026-11-20T09:30:00Z', '확인했습니다.')
  return Buffer.from(doc.bytes()).toString('base64')
}

it('imports in the worker with acceptResolved; Undo import takes it back exactly', async () => {
  // The import log keeps the undone import; everything else is as it was.
  const content = () =>
    dump(
      session.store,
      contentTables(session.store.db).map((t) => t.name),
    )
  const before = content()
  const result = await dispatch(service, 'review-import', {
    fileName: 'reviewed.docx',
    data: await reviewedDocx(),
    acceptResolved: true,
  })
  expect(result).toMatchObject({ ok: true, value: { format: 'docx', word: { repliesAdded: 1, resolved: 1 } } })
  expect(progress().map((p) => p.phase)).toEqual(['reading', 'merging', 'done'])
  expect(getClaim(session.store, claimId).status).toBe('checked')
  expect(await dispatch(service, 'import-undo', {})).toMatchObject({ ok: true })
  expect(content()).toEqual(before)
})

it('cancelled, nothing of the document is kept', async () => {
  const before = dump(session.store)
  const pending = dispatch(service, 'review-import', { fileName: 'reviewed.docx', data: await reviewedDocx() })
  while (progress().length === 0) await new Promise((r) => setTimeout(r, 5))
  expect(await dispatch(service, 'import-cancel', {})).toEqual({ ok: true, value: { cancelled: true } })
  expect(await pending).toMatchObject({ ok: false, error: { code: 'import-cancelled' } })
  expect(dump(session.store)).toEqual(before)
})

import { afterEach, beforeEach, expect, it } from 'vitest'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { PrefsStore } from '../src/core/prefs'
import { createService, dispatch, type Service } from '../src/core/service'
import { ReviewSession } from '../src/core/session'
import { ReviewStore } from '../src/core/store'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump } from './helpers/exchange'

/** Text with a lone surrogate is refused where it enters, so a stored value always reads back as written. */
let dir: TempDir
let session: ReviewSession
let service: Service
beforeEach(() => {
  dir = tempDir()
  session = new ReviewSession(ReviewStore.open(':memory:', bundledEssay()))
  const prefs = new PrefsStore(dir.file('prefs.json'), { reviewerName: '김기자', lang: 'ko', essayFontSize: 18, defaultScale: 'snu' })
  service = createService({ session, prefs, emit: () => undefined })
})
afterEach(() => {
  session.close()
  dir.remove()
})

it('refuses a lone surrogate in any argument and keeps astral characters', async () => {
  const claim = session.store.createClaim(anchorOf(session.store, '챗GPT 유료 가입자 수 2위'), '김기자')
  for (const note of ['깨진 \ud800 글자', '\udc00', 'x\ud83d']) {
    const r = await dispatch(service, 'claim-update', { id: claim.id, patch: { note } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-args', message: expect.stringMatching(/^patch\.note: .*broken character/) })
  }
  const r = await dispatch(service, 'source-add', { claimId: claim.id, source: { url: 'https://example.org/', title: 'a\udfffb' } })
  expect(r.ok).toBe(false)
  expect(session.store.claim(claim.id).note).toBe('')
  const fine = await dispatch(service, 'claim-update', { id: claim.id, patch: { note: '웃음 😀 확인' } })
  expect(fine.ok).toBe(true)
  expect(session.store.claim(claim.id).note).toBe('웃음 😀 확인')
})

it('refuses an imported file whose JSON escapes a lone surrogate, and the review is unchanged', async () => {
  const other = ReviewStore.open(':memory:', bundledEssay())
  const c = other.createClaim(anchorOf(other, '챗GPT 유료 가입자 수 2위'), '박검증')
  other.updateClaim(c.id, { note: 'MARKER' }, '박검증')
  const json = JSON.stringify(exportBundle(other, '박검증')).replace('MARKER', 'bad \\ud800 note')
  other.close()
  const before = dump(session.store)
  await expect(importFile(session.store, 'broken.json', Buffer.from(json), '김기자')).rejects.toThrow(/broken\.json: .*lone UTF-16 surrogate/)
  expect(dump(session.store)).toEqual(before)
})

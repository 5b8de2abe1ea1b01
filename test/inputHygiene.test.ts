import { afterEach, beforeEach, expect, it } from 'vitest'
import { fileBase } from '../src/core/lib/names'
import { revealInvisible } from '../src/shared/text'
import { sandboxArgs } from '../src/core/republish/pdf'
import { exportBundle, validateBundle } from '../src/core/exchange/bundle'
import { exportW3c } from '../src/core/exchange/w3c'
import { importFile } from '../src/core/exchange/files'
import { dispatch } from '../src/core/service'
import { openDesk } from './helpers/service'
import type { Service } from '../src/core/registry'
import type { ReviewSession } from '../src/core/review/session'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump } from './helpers/exchange'
import { getClaim } from '../src/core/claims/queries'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'

/** Text with a lone surrogate is refused where it enters, so a stored value always reads back as written. */
let dir: TempDir
let session: ReviewSession
let service: Service
beforeEach(() => {
  dir = tempDir()
  const desk = openDesk(openReview(':memory:', bundledEssay()), { defaultScale: 'snu' }, dir.file('prefs.json'))
  session = desk.session
  service = desk.service
})
afterEach(() => {
  session.close()
  dir.remove()
})

it('refuses a lone surrogate in any argument and keeps astral characters', async () => {
  const claim = createClaim(session.store, anchorOf(session.store, '챗GPT 유료 가입자 수 2위'), '김기자')
  for (const note of ['깨진 \ud800 글자', '\udc00', 'x\ud83d']) {
    const r = await dispatch(service, 'claim-update', { id: claim.id, patch: { note } })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'broken-character',
        params: { field: 'patch.note' },
        message: expect.stringMatching(/^patch\.note: .*broken character/),
      })
  }
  const r = await dispatch(service, 'source-add', {
    claimId: claim.id,
    source: { url: 'https://example.org/', title: 'a\udfffb' },
  })
  expect(r.ok).toBe(false)
  expect(getClaim(session.store, claim.id).note).toBe('')
  const fine = await dispatch(service, 'claim-update', { id: claim.id, patch: { note: '웃음 😀 확인' } })
  expect(fine.ok).toBe(true)
  expect(getClaim(session.store, claim.id).note).toBe('웃음 😀 확인')
})

it('refuses an imported file whose JSON escapes a lone surrogate, and the review is unchanged', async () => {
  const other = openReview(':memory:', bundledEssay())
  const c = createClaim(other, anchorOf(other, '챗GPT 유료 가입자 수 2위'), '박검증')
  updateClaim(other, c.id, { note: 'MARKER' }, '박검증')
  const json = JSON.stringify(exportBundle(other, '박검증')).replace('MARKER', 'bad \\ud800 note')
  other.close()
  const before = dump(session.store)
  await expect(importFile(session.store, 'broken.json', Buffer.from(json), '김기자')).rejects.toThrow(
    /broken\.json: .*lone UTF-16 surrogate/,
  )
  expect(dump(session.store)).toEqual(before)
})

it('refuses dates that do not exist, in settings and in sources', async () => {
  for (const essayPublished of ['2025-13-45', '2025-02-29', '2025-5-26']) {
    const r = await dispatch(service, 'settings-set', { essayPublished })
    expect(r.ok, essayPublished).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/real date as YYYY-MM-DD/)
  }
  expect((await dispatch(service, 'settings-set', { essayPublished: '2024-02-29' })).ok).toBe(true)
  const claim = createClaim(session.store, anchorOf(session.store, '2025년 5월'), '김기자')
  const r = await dispatch(service, 'source-add', {
    claimId: claim.id,
    source: { url: 'https://example.org/', published: '2025-04-31' },
  })
  expect(r.ok).toBe(false)
})

it('never exports a non-http link that another tool wrote into the review file', () => {
  const store = session.store
  const claim = createClaim(store, anchorOf(store, '챗GPT 유료 가입자 수 2위'), '김기자')
  const kept = addSource(
    store,
    claim.id,
    {
      url: 'https://example.org/a',
      title: '',
      publisher: '',
      published: '',
      accessed: '',
      excerpt: '',
      archiveUrl: '',
    },
    '김기자',
  )
  const bad = addSource(
    store,
    claim.id,
    {
      url: 'https://example.org/b',
      title: '',
      publisher: '',
      published: '',
      accessed: '',
      excerpt: '',
      archiveUrl: '',
    },
    '김기자',
  )
  store.db.prepare(`UPDATE source SET url = 'javascript:alert(1)' WHERE id = ?`).run(bad.id)
  store.db.prepare(`UPDATE source SET archive_url = 'file:///etc/passwd' WHERE id = ?`).run(kept.id)
  store.db.prepare(`UPDATE document SET source_url = 'javascript:alert(2)'`).run()
  const bundle = exportBundle(store, '김기자')
  const w3c = JSON.stringify(exportW3c(store))
  for (const text of [JSON.stringify(bundle), w3c]) {
    expect(text).not.toMatch(/javascript:|file:/)
    expect(text).toContain('https://example.org/a')
  }
  expect(() => validateBundle('again.json', bundle)).not.toThrow()
})

it('keeps Chromium’s sandbox on when printing a PDF, except as root where Chromium cannot start with it', () => {
  expect(sandboxArgs(1000)).toEqual([])
  expect(sandboxArgs(0)).toEqual(['--no-sandbox'])
})

it('keeps direction overrides and zero-width characters out of suggested file names, and names them for display', () => {
  expect(fileBase('보도\u200B자료 report\u202Egnp.exe', 'essay')).toBe('보도자료 reportgnp.exe')
  expect(fileBase('\u202E\u2066', 'essay')).toBe('essay')
  expect(revealInvisible('a\u202Eb\uFEFFc')).toBe('a⟨U+202E⟩b⟨U+FEFF⟩c')
  // Hangul, emoji and ordinary punctuation are not touched.
  expect(revealInvisible('서울 😀 — “2위”')).toBe('서울 😀 — “2위”')
})

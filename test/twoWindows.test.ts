import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { $saveDocument } from '../src/core/document/documentEdit'
import { PrefsStore } from '../src/core/prefs/prefs'
import { lockPathOf } from '../src/core/review/reviewLock'
import { createService, dispatch } from '../src/core/service'
import type { Service } from '../src/core/registry'
import { openForWindow, ReviewSession, type SessionChange } from '../src/core/review/session'
import { runCli } from '../src/cli/run'
import { exportBundle } from '../src/core/exchange/bundle'
import type { ReviewInfo } from '../src/shared/contract'
import type { ClaimSearchResult } from '../src/shared/claimQuery'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, editEssay, blockWith } from './helpers/exchange'
import type { ParsedEssay } from '../src/core/document/essayFormat'
import { describeRange } from '../src/shared/text'
import { value } from '../src/core/db/query'
import { openReview } from '../src/core/review/open'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { createClaim, updateClaim } from '../src/core/claims/commands'

/** Two windows (or the app and the command line) on one review file: nobody writes behind anyone's back. */
let dir: TempDir
let path: string
const open: ReviewSession[] = []
beforeEach(() => {
  dir = tempDir()
  path = dir.file('shared.factdesk')
})
afterEach(() => {
  for (const s of open.splice(0)) s.close()
  dir.remove()
})

function window(): { session: ReviewSession; service: Service; changes: SessionChange[] } {
  const session = new ReviewSession(openForWindow(path, bundledEssay()))
  open.push(session)
  const prefs = new PrefsStore(null, { reviewerName: '김기자', lang: 'en', essayFontSize: 18, defaultScale: 'snu' })
  const changes: SessionChange[] = []
  session.onChange((c) => void changes.push(c))
  return { session, service: createService({ session, prefs, emit: () => undefined }), changes }
}

const until = async (ok: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('one writer per review file', () => {
  it('a second window reads the review, refuses every edit saying who has it, and loses nothing of the first', async () => {
    const first = window()
    const claim = createClaim(first.session.store, anchorOf(first.session.store, '챗GPT 유료 가입자 수 2위'), '김기자')
    const second = window()
    expect(second.session.store.readOnly).toMatchObject({ pid: process.pid, host: hostname() })
    const info = await dispatch(second.service, 'review-info', {})
    expect(info.ok && (info.value as ReviewInfo).readOnly?.pid).toBe(process.pid)
    const refused = await dispatch(second.service, 'claim-update', { id: claim.id, patch: { verdict: 'false' } })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'read-only', message: expect.stringContaining(`process ${process.pid}`) },
    })
    for (const query of ['2위', '유료 가입자']) {
      const found = await dispatch(second.service, 'claims-search', { query })
      expect(found.ok && (found.value as ClaimSearchResult).ids).toEqual([claim.id])
    }
    // The first window keeps writing; the second sees it (data_version) within its watch interval.
    second.session.watchExternalChanges(30)
    updateClaim(first.session.store, claim.id, { verdict: 'mostly-true' }, '김기자')
    await until(() => second.changes.includes('external'))
    expect(getClaim(second.session.store, claim.id).verdict).toBe('mostly-true')
    expect(() => second.session.create(path + '.copy', bundledEssay())).not.toThrow()
  })

  it('when the first window closes, the reading window takes the review over for writing', async () => {
    const first = window()
    const second = window()
    second.session.watchExternalChanges(30)
    first.session.close()
    open.splice(open.indexOf(first.session), 1)
    await until(() => second.changes.includes('opened'))
    expect(second.session.store.readOnly).toBeNull()
    const claim = await dispatch(second.service, 'claim-create', {
      anchor: anchorOf(second.session.store, '2025년 5월'),
    })
    expect(claim.ok).toBe(true)
  })

  it('takes over the lock of a process that is gone, and never replaces a file another window has open', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    openReview(path, bundledEssay()).close()
    writeFileSync(
      lockPathOf(path),
      JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: '2026-01-01T00:00:00.000Z' }),
    )
    const { session } = window()
    expect(session.store.readOnly).toBeNull()
    const other = new ReviewSession(openReview(':memory:', bundledEssay()))
    open.push(other)
    writeFileSync(
      dir.file('busy.factdesk.lock'),
      JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }),
    )
    expect(() => other.create(dir.file('busy.factdesk'), bundledEssay())).toThrow(/open in another Factdesk window/)
    session.close()
    open.splice(open.indexOf(session), 1)
    expect(existsSync(lockPathOf(path))).toBe(false)
  })
})

describe('an essay save from a page that did not know every claim', () => {
  it('keeps a claim marked elsewhere on its words, and loses it only with them', () => {
    const { session } = window()
    const cli = openReview(path)
    const elsewhere = createClaim(cli, anchorOf(cli, '챗GPT 유료 가입자 수 2위'), '박검증')
    cli.close()
    const store = session.store
    // The page inserts a sentence before the claim and sends only the claims it knew of (none).
    const edited = editEssay(bundledEssay(), (blocks) => {
      blocks[blockWith(blocks, '2025년 5월')].inlines.unshift({ text: '새 문장. ' })
    })
    store.db.transaction(() => $saveDocument(store, { blocks: edited.blocks }, [], '김기자')).immediate()
    const moved = getClaim(store, elsewhere.id)
    expect(moved).toMatchObject({ anchored: true, exact: '챗GPT 유료 가입자 수 2위', start: elsewhere.start + 6 })
    const without = editEssay(edited, (blocks) => {
      const i = blockWith(blocks, '유료 가입자 수 2위')
      blocks[i].inlines = blocks[i].inlines.map((r) => ({ ...r, text: r.text.replace('챗GPT 유료 가입자 수 2위', '') }))
    })
    store.db.transaction(() => $saveDocument(store, { blocks: without.blocks }, [], '김기자')).immediate()
    expect(getClaim(store, elsewhere.id).anchored).toBe(false)
  })
})

describe('a window’s essay save after the command line saved the essay', () => {
  it('starts from the essay the file holds, not the one the window saved last', () => {
    const { session } = window()
    const store = session.store
    const later = createClaim(store, anchorOf(store, '맺음말'), '김기자')
    const save = (on: typeof store, blocks: ParsedEssay['blocks']) =>
      on.db.transaction(() => $saveDocument(on, { blocks }, [], '김기자')).immediate()
    const first = editEssay(bundledEssay(), (blocks) => {
      blocks[blockWith(blocks, '2025년 5월')].inlines.unshift({ text: '새 문장. ' })
    })
    save(store, first.blocks)
    // The command line adds words further down, before the claim.
    const cli = openReview(path)
    const second = editEssay(first, (blocks) => {
      blocks[blockWith(blocks, '국가를 위한 오픈AI(Nations')].inlines.unshift({ text: '덧붙임. ' })
    })
    save(cli, second.blocks)
    cli.close()
    // The window saves its next edit on top of the command line's, as its page reloaded it.
    const third = editEssay(second, (blocks) => {
      blocks[blockWith(blocks, '2025년 5월')].inlines.unshift({ text: '또. ' })
    })
    save(store, third.blocks)
    const text = value<string>(store.db, `SELECT text FROM document LIMIT 1`)!
    const claim = getClaim(store, later.id)
    expect(claim.anchored).toBe(true)
    expect(describeRange(text, claim.start, claim.end)).toMatchObject({ exact: '맺음말', prefix: claim.prefix })
    expect(claim.start).toBe(later.start + 6 + 5 + 3)
  })
})

describe('the command line beside an open window', () => {
  it('imports into a review a window has open, says which process has it, and the window hears of it', async () => {
    const { session, changes } = window()
    session.watchExternalChanges(30)
    const other = openReview(':memory:', bundledEssay())
    createClaim(other, anchorOf(other, '2025년 5월'), '박검증')
    const bundle = dir.file('from-park.factdesk.json')
    writeFileSync(bundle, JSON.stringify(exportBundle(other, '박검증')))
    other.close()
    let stdout = ''
    const code = await runCli(['import', bundle, '--review', path], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: { USER: 'tester' },
    })
    expect(code).toBe(0)
    expect(stdout).toContain(`The review is open in Factdesk (process ${process.pid} on ${hostname()})`)
    await until(() => changes.includes('external'))
    expect(listClaims(session.store).map((c) => c.exact)).toEqual(['2025년 5월'])
  })
})

import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PrefsStore, resolveLang } from '../src/core/prefs/prefs'
import { createService, dispatch } from '../src/core/service'
import { HandlerRegistry, type Service } from '../src/core/registry'
import { ReviewSession } from '../src/core/review/session'
import type { CallResult, Method } from '../src/shared/contract'
import type { Claim, Prefs } from '../src/shared/domain'
import { describeRange } from '../src/shared/text'
import { smallEssay, tempDir, type TempDir } from './helpers/essay'
import { getClaim } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

const defaults: Prefs = { reviewerName: '', lang: 'en', essayFontSize: 18, defaultScale: 'snu' }
let dir: TempDir
let session: ReviewSession
let prefs: PrefsStore
let service: Service
let notified: string[]

function setup(forcedLang?: Prefs['lang']): void {
  prefs = new PrefsStore(dir.file('prefs/prefs.json'), defaults, forcedLang)
  notified = []
  service = createService({ session, prefs, emit: (e) => void notified.push(e) })
}

beforeEach(() => {
  dir = tempDir()
  session = new ReviewSession(openReview(':memory:', smallEssay()))
  setup()
})
afterEach(() => {
  session.close()
  dir.remove()
})

const call = (method: unknown, args?: unknown): Promise<CallResult<Method>> => dispatch(service, method, args)

async function ok<T>(method: Method, args?: unknown): Promise<T> {
  const r = await call(method, args)
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

async function errorCode(method: unknown, args?: unknown): Promise<string> {
  const r = await call(method, args)
  expect(r.ok).toBe(false)
  return r.ok ? '' : r.error.code
}

const anchor = () => describeRange(readDocument(session.store).text, 0, 5)
const count = (table: string) => session.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()

describe('dispatch', () => {
  it('refuses unknown methods, including names inherited from Object', async () => {
    for (const m of ['claims-delete-all', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null]) {
      expect(await errorCode(m, {}), String(m)).toBe('unknown-method')
    }
  })

  it('validates the arguments before anything runs', async () => {
    expect(await errorCode('claim-update', { id: 'not-a-uuid', patch: { note: 'x' } })).toBe('invalid-args')
    expect(await errorCode('claim-delete', { id: '1; DROP TABLE claim' })).toBe('invalid-args')
    expect(await errorCode('claim-create', { id: 'abc', anchor: anchor() })).toBe('invalid-args')
    expect(await errorCode('claim-create', { anchor: { ...anchor(), end: 0 } })).toBe('invalid-args')
    // A verdict must at least look like a verdict id; whether the review's scale has it is the store's check.
    expect(await errorCode('claim-update', { id: crypto.randomUUID(), patch: { verdict: 'Pants on Fire!' } })).toBe(
      'invalid-args',
    )
    expect(await errorCode('claim-create', 'not an object')).toBe('invalid-args')
    expect(count('claim')).toBe(0)
  })

  it('stores only http(s) source URLs', async () => {
    const claim = await ok<Claim>('claim-create', { anchor: anchor() })
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'https://',
      '//example.org',
      'example.org',
    ]
    for (const url of bad) {
      const r = await call('source-add', { claimId: claim.id, source: { url } })
      expect(r.ok, url).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid-args')
    }
    expect(
      await errorCode('source-add', {
        claimId: claim.id,
        source: { url: 'https://a.example', archiveUrl: 'javascript:alert(1)' },
      }),
    ).toBe('invalid-args')
    expect(count('source')).toBe(0)
    expect((await ok<Claim[]>('claims-list'))[0].revision).toBe(1)

    const withSource = await ok<Claim>('source-add', {
      claimId: claim.id,
      source: { url: '  https://openai.com/ko  ' },
    })
    expect(withSource.sources).toHaveLength(1)
    expect(withSource.sources[0]).toMatchObject({ url: 'https://openai.com/ko', title: '' })
    expect(count('source')).toBe(1)
  })

  it('refuses keys the contract does not know', async () => {
    const claim = await ok<Claim>('claim-create', { anchor: anchor() })
    expect(await errorCode('claim-create', { anchor: anchor(), author: 'mallory' })).toBe('invalid-args')
    expect(await errorCode('claim-update', { id: claim.id, patch: { note: 'x', revision: 99 } })).toBe('invalid-args')
    expect(await errorCode('claim-update', { id: claim.id, patch: { note: 'x' }, actor: 'm' })).toBe('invalid-args')
    expect(await errorCode('source-add', { claimId: claim.id, source: { url: 'https://a.example', deleted: 1 } })).toBe(
      'invalid-args',
    )
    expect(await errorCode('prefs-set', { lang: 'ko', admin: true })).toBe('invalid-args')
    expect(await errorCode('claims-list', { all: true })).toBe('invalid-args')
    expect(await errorCode('claims-list', JSON.parse('{"__proto__": {"x": 1}}'))).toBe('invalid-args')
    expect(getClaim(session.store, claim.id)).toMatchObject({ note: '', revision: 1 })
    expect(prefs.get()).toEqual(defaults)
  })

  it('stores markup in a note as plain text, exactly as typed', async () => {
    const claim = await ok<Claim>('claim-create', { anchor: anchor() })
    const note = '<img src=x onerror=alert(1)> & <script>alert("x")</script> 😀'
    const updated = await ok<Claim>('claim-update', { id: claim.id, patch: { note } })
    expect(updated.note).toBe(note)
    expect((await ok<Claim[]>('claims-list'))[0].note).toBe(note)
    expect(session.store.db.prepare(`SELECT note FROM claim`).pluck().get()).toBe(note)
  })

  it('passes store errors through with their code, and hides nothing else', async () => {
    expect(await errorCode('claim-update', { id: crypto.randomUUID(), patch: { note: 'x' } })).toBe('claim-not-found')
    expect(await errorCode('claim-create', { anchor: { ...anchor(), exact: '다른 글' } })).toBe('selection-mismatch')
    session.store.db.close()
    expect(await errorCode('claims-list')).toBe('internal')
  })

  it('works with missing args for methods that take none', async () => {
    expect(await ok('claims-list')).toEqual([])
    expect(await ok('review-info')).toMatchObject({ path: ':memory:', documentTitle: '작은 글 😀' })
  })
})

describe('HandlerRegistry', () => {
  it('refuses a second handler for a method and a table with gaps', () => {
    const reg = new HandlerRegistry()
    reg.register('prefs-get', () => defaults)
    expect(() => reg.register('prefs-get', () => defaults)).toThrow(/registered twice/)
    expect(() => reg.complete()).toThrow(/No handler for: .*claims-list/)
  })
})

describe('prefs', () => {
  it('persists prefs-set to the prefs file and uses the name as the actor', async () => {
    expect(await ok('prefs-set', { reviewerName: '  김기자  ', lang: 'ko' })).toEqual({
      ...defaults,
      reviewerName: '김기자',
      lang: 'ko',
    })
    expect(notified).toEqual(['prefs-changed'])
    const path = dir.file('prefs/prefs.json')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...defaults, reviewerName: '김기자', lang: 'ko' })
    expect(new PrefsStore(path, defaults).get()).toEqual({ ...defaults, reviewerName: '김기자', lang: 'ko' })
    const claim = await ok<Claim>('claim-create', { anchor: anchor() })
    expect(claim).toMatchObject({ author: '김기자', modifiedBy: '김기자' })
    expect(await errorCode('prefs-set', { reviewerName: 'x'.repeat(101) })).toBe('invalid-args')
    expect(await errorCode('prefs-set', { lang: 'fr' })).toBe('invalid-args')
  })

  it('ignores a damaged prefs file and bad values in it', () => {
    const path = dir.file('prefs.json')
    writeFileSync(path, '{ not json')
    expect(new PrefsStore(path, defaults).get()).toEqual(defaults)
    writeFileSync(path, JSON.stringify({ reviewerName: 7, lang: 'fr', extra: true }))
    expect(new PrefsStore(path, defaults).get()).toEqual(defaults)
  })

  it('lets a forced language win for this run without saving it', async () => {
    const path = dir.file('prefs/prefs.json')
    await ok('prefs-set', { lang: 'en' })
    setup('ko')
    expect(await ok('prefs-get')).toEqual({ ...defaults, reviewerName: '', lang: 'ko' })
    await ok('prefs-set', { reviewerName: '이팩트' })
    expect(prefs.get()).toEqual({ ...defaults, reviewerName: '이팩트', lang: 'ko' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...defaults, reviewerName: '이팩트', lang: 'en' })
    // Choosing a language in the app is the user's choice: it applies and is saved.
    await ok('prefs-set', { lang: 'en' })
    expect(prefs.get().lang).toBe('en')
    expect(new PrefsStore(path, defaults).get()).toEqual({ ...defaults, reviewerName: '이팩트', lang: 'en' })
  })

  it('resolves the starting language: flag, then environment, then OS locale', () => {
    expect(resolveLang({ flag: 'en', env: 'ko', osLocale: 'ko-KR' })).toEqual({ lang: 'en', forced: true })
    expect(resolveLang({ flag: 'de', env: 'ko', osLocale: 'en-US' })).toEqual({ lang: 'ko', forced: true })
    expect(resolveLang({ osLocale: 'ko-KR' })).toEqual({ lang: 'ko', forced: false })
    expect(resolveLang({ osLocale: 'en-GB' })).toEqual({ lang: 'en', forced: false })
    expect(resolveLang({})).toEqual({ lang: 'en', forced: false })
  })
})

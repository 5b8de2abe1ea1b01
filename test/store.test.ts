import Database from 'better-sqlite3'
import { randomBytes, randomUUID } from 'node:crypto'
import { closeSync, openSync, ftruncateSync, statSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { migrate, migrations, SCHEMA_VERSION } from '../src/core/db/migrations'
import { APPLICATION_ID } from '../src/core/db/reviewFile'
import { ReviewStore } from '../src/core/review/store'
import type { SourceFields } from '../src/shared/domain'
import { describeRange } from '../src/shared/text'
import { bundledEssay, factdeskError, sha256, smallEssay, tempDir, type TempDir } from './helpers/essay'
import { getClaim, getSource, listClaims } from '../src/core/claims/queries'
import {
  addSource,
  createClaim,
  deleteClaim,
  deleteSource,
  restoreClaim,
  updateClaim,
  updateSource,
} from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'
import { readDocument, reviewInfo } from '../src/core/document/queries'

const source = (url: string): SourceFields => ({
  url,
  title: '보도자료',
  publisher: '오픈AI',
  published: '2025-05-26',
  accessed: '2025-06-01',
  excerpt: '서울 지사',
  archiveUrl: '',
})

let dir: TempDir
let open: ReviewStore[]
const track = (s: ReviewStore): ReviewStore => (open.push(s), s)

beforeEach(() => {
  dir = tempDir()
  open = []
})
afterEach(() => {
  vi.useRealTimers()
  for (const s of open) s.close()
  dir.remove()
})

/** The range of the first occurrence of `needle` in the document, in code points. */
function anchorOf(store: ReviewStore, needle: string) {
  const text = readDocument(store).text
  const at = Array.from(text.slice(0, text.indexOf(needle))).length
  expect(at).toBeGreaterThanOrEqual(0)
  return describeRange(text, at, at + Array.from(needle).length)
}

describe('migrations', () => {
  it('turn a new file into a review file with the right settings', () => {
    for (const path of [dir.file('new.factdesk'), dir.file('empty.factdesk')]) {
      if (path.endsWith('empty.factdesk')) writeFileSync(path, '')
      const store = track(openReview(path, smallEssay()))
      const p = (name: string) => store.db.pragma(name, { simple: true })
      expect(p('user_version')).toBe(SCHEMA_VERSION)
      expect(p('application_id')).toBe(APPLICATION_ID)
      expect(p('journal_mode')).toBe('wal')
      expect(p('synchronous')).toBe(2) // FULL
      expect(p('foreign_keys')).toBe(1)
      expect(p('busy_timeout')).toBe(5000)
    }
  })

  it('run every step from an empty database, once', () => {
    const db = new Database(':memory:')
    migrate(db, 1)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    migrate(db)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['claim', 'document', 'meta', 'source']))
    migrate(db) // already current: nothing to do
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    db.close()
  })
})

describe('ReviewStore', () => {
  it('creates, updates, deletes and restores claims with revisions', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-06-01T00:00:00Z'))
    const store = track(openReview(':memory:', smallEssay()))
    const anchor = anchorOf(store, '둘째 문장은 거짓')
    const c = createClaim(store, anchor, '김기자')
    expect(c).toMatchObject({ ...anchor, verdict: 'unrated', status: 'open', note: '', author: '김기자' })
    expect(c).toMatchObject({ modifiedBy: '김기자', revision: 1, created: '2025-06-01T00:00:00.000Z', sources: [] })

    vi.setSystemTime(new Date('2025-06-01T00:01:00Z'))
    const u = updateClaim(store, c.id, { verdict: 'false', note: '<b>출처 없음</b>' }, '이팩트')
    expect(u).toMatchObject({ verdict: 'false', status: 'open', note: '<b>출처 없음</b>', revision: 2 })
    expect(u).toMatchObject({ author: '김기자', modifiedBy: '이팩트', modified: '2025-06-01T00:01:00.000Z' })
    expect(u.created).toBe(c.created)
    // A patch that changes nothing is not a revision.
    expect(updateClaim(store, c.id, { verdict: 'false' }, '박').revision).toBe(2)

    vi.setSystemTime(new Date('2025-06-01T00:02:00Z'))
    deleteClaim(store, c.id, '박')
    expect(listClaims(store)).toEqual([])
    factdeskError(() => getClaim(store, c.id), 'claim-not-found')
    factdeskError(() => updateClaim(store, c.id, { note: 'x' }, '박'), 'claim-not-found')
    factdeskError(() => deleteClaim(store, c.id, '박'), 'claim-not-found')
    const row = store.db.prepare(`SELECT deleted, revision, modified_by, modified FROM claim WHERE id = ?`).get(c.id)
    expect(row).toEqual({ deleted: 1, revision: 3, modified_by: '박', modified: '2025-06-01T00:02:00.000Z' })

    const r = restoreClaim(store, c.id, '최')
    expect(r).toMatchObject({ revision: 4, modifiedBy: '최', verdict: 'false', note: '<b>출처 없음</b>' })
    factdeskError(() => restoreClaim(store, c.id, '최'), 'claim-not-found')
    factdeskError(() => deleteClaim(store, randomUUID(), '최'), 'claim-not-found')
  })

  it('keeps sources; their changes show on the claim but are not new versions of it', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-06-01T00:00:00Z'))
    const store = track(openReview(':memory:', smallEssay()))
    const c = createClaim(store, anchorOf(store, '첫 문장은 참이다.'), 'a')

    vi.setSystemTime(new Date('2025-06-01T00:01:00Z'))
    const s = addSource(store, c.id, source('https://openai.com/ko'), 'b')
    expect(s).toMatchObject({ claimId: c.id, url: 'https://openai.com/ko', revision: 1, publisher: '오픈AI' })
    expect(getClaim(store, c.id)).toMatchObject({
      revision: 1,
      version: c.version,
      modifiedBy: 'b',
      modified: '2025-06-01T00:01:00.000Z',
    })
    expect(getClaim(store, c.id).sources).toEqual([s])

    vi.setSystemTime(new Date('2025-06-01T00:02:00Z'))
    const s2 = updateSource(store, s.id, { ...source('https://example.org/a'), title: '바뀐 제목' }, 'c')
    expect(s2).toMatchObject({ url: 'https://example.org/a', title: '바뀐 제목', revision: 2 })
    expect(s2.modified).not.toBe(s.modified)
    expect(s2.version).not.toBe(s.version)
    expect(getClaim(store, c.id)).toMatchObject({ revision: 1, version: c.version, modifiedBy: 'c' })

    deleteSource(store, s.id, 'd')
    expect(getClaim(store, c.id)).toMatchObject({ revision: 1, modifiedBy: 'd', sources: [] })
    expect(store.db.prepare(`SELECT deleted FROM source WHERE id = ?`).pluck().get(s.id)).toBe(1)
    factdeskError(() => getSource(store, s.id), 'source-not-found')
    factdeskError(() => updateSource(store, s.id, source('https://a.example'), 'd'), 'source-not-found')

    // A source for a claim that is not there is refused and nothing is stored.
    factdeskError(() => addSource(store, randomUUID(), source('https://a.example'), 'e'), 'claim-not-found')
    deleteClaim(store, c.id, 'e')
    factdeskError(() => addSource(store, c.id, source('https://a.example'), 'e'), 'claim-not-found')
    expect(store.db.prepare(`SELECT count(*) FROM source`).pluck().get()).toBe(1)
  })

  it('lists claims by position, with code point offsets', () => {
    const store = track(openReview(':memory:', smallEssay()))
    const later = createClaim(store, anchorOf(store, '거짓'), 'a')
    const earlier = createClaim(store, anchorOf(store, '소제목 🇰🇷'), 'a')
    const middle = createClaim(store, anchorOf(store, '😀 둘째'), 'a')
    expect(listClaims(store).map((c) => c.id)).toEqual([earlier.id, middle.id, later.id])
    // "작은 글 😀\n" is 7 code points (8 UTF-16 units).
    expect(earlier.start).toBe(7)
  })

  it('refuses an anchor that does not match the essay, and a duplicate id', () => {
    const store = track(openReview(':memory:', smallEssay()))
    const good = anchorOf(store, '첫 문장은 참이다.')
    factdeskError(() => createClaim(store, { ...good, exact: '첫 문장은 거짓이다.' }, 'a'), 'selection-mismatch')
    factdeskError(() => createClaim(store, { ...good, start: good.start + 1 }, 'a'), 'selection-mismatch')
    factdeskError(() => createClaim(store, { ...good, end: good.end + 1 }, 'a'), 'selection-mismatch')
    // UTF-16 offsets of a quote after an astral character are off by one code point.
    const text = readDocument(store).text
    const u16 = text.indexOf('둘째')
    factdeskError(
      () => createClaim(store, { ...good, exact: '둘째', start: u16, end: u16 + 2 }, 'a'),
      'selection-mismatch',
    )
    expect(listClaims(store)).toEqual([])

    const id = randomUUID()
    expect(createClaim(store, good, 'a', id).id).toBe(id)
    expect(factdeskError(() => createClaim(store, good, 'b', id), 'claim-exists').message).toContain(id)
    deleteClaim(store, id, 'a')
    factdeskError(() => createClaim(store, good, 'b', id), 'claim-exists') // a tombstone keeps its id
    expect(store.db.prepare(`SELECT count(*) FROM claim`).pluck().get()).toBe(1)
  })

  it('brings everything back when the file is reopened', () => {
    const path = dir.file('r.factdesk')
    const a = openReview(path, bundledEssay())
    const doc = readDocument(a)
    const c1 = createClaim(a, anchorOf(a, '챗GPT 유료 가입자 수 2위'), '김')
    updateClaim(a, c1.id, { verdict: 'mostly-true', status: 'checked', note: '통계 확인' }, '김')
    addSource(a, c1.id, source('https://openai.com/index/'), '김')
    const c2 = createClaim(a, anchorOf(a, '2025년 5월'), '이')
    deleteClaim(a, c2.id, '이')
    const claims = listClaims(a)
    a.close()

    const b = track(openReview(path))
    expect(readDocument(b)).toEqual(doc)
    expect(listClaims(b)).toEqual(claims)
    expect(reviewInfo(b)).toEqual({
      path,
      documentTitle: '서울, 오픈AI의 전략적 거점이 되다',
      schemaVersion: SCHEMA_VERSION,
      readOnly: null,
    })
    expect(b.db.prepare(`SELECT deleted FROM claim WHERE id = ?`).pluck().get(c2.id)).toBe(1)
    expect(b.db.pragma('synchronous', { simple: true })).toBe(2)
    // The document is not replaced by another essay on reopen.
    b.close()
    expect(readDocument(track(openReview(path, smallEssay())))).toEqual(doc)
  })

  it('refuses to open a new file without an essay', () => {
    factdeskError(() => openReview(':memory:'), 'review-file-empty')
  })
})

describe('files that are not review files this version can read', () => {
  function refuses(path: string, code: string): string {
    const before = sha256(path)
    const size = statSync(path).size
    const err = factdeskError(() => openReview(path, smallEssay()))
    expect(err.code).toBe(code)
    expect(sha256(path)).toBe(before)
    expect(statSync(path).size).toBe(size)
    return err.message
  }

  it('a text file', () => {
    const path = dir.file('notes.factdesk')
    writeFileSync(path, '이것은 리뷰 파일이 아니다.\n'.repeat(200))
    expect(refuses(path, 'not-a-review-file')).toMatch(/not a Factdesk review file/)
  })

  it('random bytes', () => {
    const path = dir.file('random.factdesk')
    writeFileSync(path, randomBytes(64 * 1024))
    refuses(path, 'not-a-review-file')
  })

  it("another app's SQLite database", () => {
    const path = dir.file('other.db')
    const db = new Database(path)
    db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`)
    db.close()
    expect(refuses(path, 'database-not-review')).toMatch(/SQLite database, but not a Factdesk review file/)
    const check = new Database(path, { readonly: true })
    expect(check.prepare(`SELECT body FROM notes`).pluck().all()).toEqual(['hello'])
    check.close()
  })

  it('a review file from a newer version', () => {
    const path = dir.file('newer.factdesk')
    openReview(path, smallEssay()).close()
    const db = new Database(path)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const message = refuses(path, 'review-file-newer')
    expect(message).toMatch(/newer version/)
    expect(message).toContain(String(SCHEMA_VERSION + 1))
  })

  it('a truncated review file', () => {
    const path = dir.file('cut.factdesk')
    const store = openReview(path, bundledEssay())
    const text = readDocument(store).text
    for (let i = 0; i < 200; i++) {
      const c = createClaim(store, describeRange(text, i * 5, i * 5 + 20), '김')
      updateClaim(store, c.id, { note: `메모 ${i} `.repeat(50) }, '김')
    }
    store.close()
    const size = statSync(path).size
    expect(size).toBeGreaterThan(64 * 1024)
    const fd = openSync(path, 'r+')
    ftruncateSync(fd, Math.floor(size / 2))
    closeSync(fd)
    expect(refuses(path, 'review-file-damaged')).toMatch(/damaged/)
  })
})

import Database from 'better-sqlite3'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../src/core/db/migrations'
import { APPLICATION_ID } from '../src/core/db/reviewFile'
import { ReviewSession, type SessionChange } from '../src/core/review/session'
import { ReviewStore } from '../src/core/review/store'
import { describeRange } from '../src/shared/text'
import { bundledEssay, factdeskError, sha256, smallEssay, tempDir, type TempDir } from './helpers/essay'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import { readDocument } from '../src/core/document/queries'
import { createClaim, updateClaim } from '../src/core/claims/commands'

let dir: TempDir
let session: ReviewSession
let changes: SessionChange[]

function claimFirst(store: ReviewStore, from: number, to: number) {
  return createClaim(store, describeRange(readDocument(store).text, from, to), '김')
}

beforeEach(() => {
  dir = tempDir()
  session = new ReviewSession(openReview(dir.file('a.factdesk'), bundledEssay()))
  changes = []
  session.onChange((c) => changes.push(c))
})
afterEach(() => {
  session.close()
  dir.remove()
})

describe('ReviewSession', () => {
  it('keeps the current review open and usable when a file is refused', () => {
    const first = claimFirst(session.store, 0, 5)
    const bad = dir.file('bad.factdesk')
    writeFileSync(bad, 'not a database')
    factdeskError(() => session.open(bad), 'not-a-review-file')
    factdeskError(() => session.open(dir.file('missing.factdesk')), 'file-not-found')
    const other = dir.file('other.db')
    const db = new Database(other)
    db.exec(`CREATE TABLE t (x)`)
    db.close()
    factdeskError(() => session.open(other), 'database-not-review')

    expect(session.store.path).toBe(dir.file('a.factdesk'))
    expect(session.store.db.open).toBe(true)
    const second = claimFirst(session.store, 10, 20)
    expect(listClaims(session.store).map((c) => c.id)).toEqual([first.id, second.id])
    expect(changes).toEqual([])
  })

  it('opens another review file and closes the previous one', () => {
    const b = dir.file('b.factdesk')
    const other = openReview(b, smallEssay('둘째 리뷰'))
    other.close()
    const previous = session.store
    session.open(b)
    expect(previous.db.open).toBe(false)
    expect(readDocument(session.store).title).toBe('둘째 리뷰')
    expect(changes).toEqual(['opened'])
  })

  it('refuses to open an empty or blank file as a review and leaves it as it was', () => {
    const empty = dir.file('empty.factdesk')
    writeFileSync(empty, '')
    factdeskError(() => session.open(empty), 'review-file-empty')
    expect(statSync(empty).size).toBe(0)
    // A SQLite file with no tables at all: also not a review, also left alone.
    const blank = dir.file('blank.factdesk')
    const db = new Database(blank)
    db.exec(`CREATE TABLE t (x); DROP TABLE t`)
    db.close()
    const before = sha256(blank)
    factdeskError(() => session.open(blank), 'database-not-review')
    expect(sha256(blank)).toBe(before)
    expect(session.store.path).toBe(dir.file('a.factdesk'))
  })

  it('saves as a copy and goes on working in the copy', async () => {
    const a = dir.file('a.factdesk')
    const kept = claimFirst(session.store, 0, 5)
    updateClaim(session.store, kept.id, { note: '원본' }, '김')
    const copy = dir.file('copy.factdesk')
    writeFileSync(copy, 'an old file the user chose to overwrite')
    await session.saveAs(copy)
    expect(changes).toEqual(['saved-as'])
    expect(session.store.path).toBe(copy)
    expect(listClaims(session.store).map((c) => [c.id, c.note])).toEqual([[kept.id, '원본']])
    const p = (n: string) => session.store.db.pragma(n, { simple: true })
    expect([p('application_id'), p('user_version'), p('journal_mode'), p('synchronous')]).toEqual([
      APPLICATION_ID,
      SCHEMA_VERSION,
      'wal',
      2,
    ])

    const later = claimFirst(session.store, 10, 20)
    const original = openReview(a)
    try {
      expect(listClaims(original).map((c) => c.id)).toEqual([kept.id])
    } finally {
      original.close()
    }
    expect(listClaims(session.store).map((c) => c.id)).toEqual([kept.id, later.id])
    await session.saveAs(copy) // same path: nothing to do
    expect(changes).toEqual(['saved-as'])
  })

  it('creates a new review, replacing a chosen file but never the open one', () => {
    claimFirst(session.store, 0, 5)
    const before = sha256(dir.file('a.factdesk'))
    factdeskError(() => session.create(dir.file('a.factdesk'), smallEssay()), 'review-is-open')
    expect(listClaims(session.store)).toHaveLength(1)
    expect(sha256(dir.file('a.factdesk'))).toBe(before)

    const c = dir.file('c.factdesk')
    writeFileSync(c, 'junk')
    writeFileSync(c + '-wal', 'stale wal')
    session.create(c, smallEssay('새 리뷰'))
    expect(changes).toEqual(['created'])
    expect(session.store.path).toBe(c)
    expect(readDocument(session.store).title).toBe('새 리뷰')
    expect(listClaims(session.store)).toEqual([])
    claimFirst(session.store, 0, 2)
    expect(existsSync(c)).toBe(true)
  })
})

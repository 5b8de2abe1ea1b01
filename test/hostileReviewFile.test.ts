import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../src/core/exchange/files'
import { migrate } from '../src/core/db/migrations'
import { APPLICATION_ID } from '../src/core/db/reviewFile'
import { FactdeskError } from '../src/shared/errors'
import { bundledEssay, sha256, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump, sourceFields } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'
import { addSource, createClaim } from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'

/**
 * A review file is untrusted input: SQLite would run the triggers, views and indexes it carries on our
 * own writes. Each crafted file must be refused quickly, before any write, and left byte-for-byte as it
 * was with nothing beside it.
 */
let dir: TempDir
let good: string

beforeAll(() => {
  dir = tempDir()
  good = dir.file('good.factdesk')
  const store = openReview(good, bundledEssay())
  const claim = createClaim(store, anchorOf(store, '챗GPT 유료 가입자 수 2위'), '김기자')
  addSource(store, claim.id, sourceFields('https://openai.com/ko'), '김기자')
  store.close()
})
afterAll(() => dir.remove())

/** A copy of the good review file changed with `sql` by a hostile tool. */
function crafted(name: string, sql: string, prepare?: (db: Database.Database) => void): string {
  const path = dir.file(name)
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  if (prepare) {
    const db = new Database(path)
    prepare(db)
    db.exec(sql)
    db.close()
  } else {
    writeFileSync(path, readFileSync(good))
    // A hostile tool does not run in SQLite's defensive mode.
    const db = new Database(path).unsafeMode(true)
    db.exec(sql)
    db.close()
  }
  return path
}

const burn = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n`

const hostile: [string, () => string][] = [
  [
    'a trigger on claims that deletes every reply',
    () => crafted('claim-trigger.factdesk', `CREATE TRIGGER t AFTER UPDATE ON claim BEGIN DELETE FROM reply; END`),
  ],
  [
    'a trigger on replies',
    () =>
      crafted(
        'reply-trigger.factdesk',
        `CREATE TRIGGER t AFTER INSERT ON reply BEGIN UPDATE document SET text = 'x'; END`,
      ),
  ],
  [
    'a trigger on the history',
    () => crafted('event-trigger.factdesk', `CREATE TRIGGER t BEFORE INSERT ON event BEGIN DELETE FROM claim; END`),
  ],
  [
    'a trigger on the import log',
    () => crafted('log-trigger.factdesk', `CREATE TRIGGER t AFTER INSERT ON import_log BEGIN DELETE FROM source; END`),
  ],
  [
    'a CPU-burning trigger',
    () => crafted('burn.factdesk', `CREATE TRIGGER t AFTER UPDATE ON claim BEGIN ${burn}; END`),
  ],
  [
    'a view that replaces a table (with an INSTEAD OF trigger that swallows writes)',
    () =>
      crafted(
        'view.factdesk',
        `PRAGMA foreign_keys = OFF; ALTER TABLE reply RENAME TO reply_real;
         CREATE VIEW reply AS SELECT * FROM reply_real;
         CREATE TRIGGER swallow INSTEAD OF INSERT ON reply BEGIN SELECT 1; END`,
      ),
  ],
  [
    'an extra table',
    () => crafted('extra.factdesk', `CREATE TABLE payload (x TEXT); INSERT INTO payload VALUES ('hi')`),
  ],
  [
    'an index of its own with an expression',
    () => crafted('index.factdesk', `CREATE INDEX odd ON claim (length(note) * 2)`),
  ],
  [
    'a table definition without its constraints',
    () =>
      crafted(
        'changed.factdesk',
        `PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (end > start)', '') WHERE name = 'claim'`,
      ),
  ],
  [
    'an old-version file with a trigger (migrations would run it)',
    () =>
      crafted(
        'old.factdesk',
        `CREATE TRIGGER t AFTER INSERT ON meta BEGIN ${burn}; END; CREATE TRIGGER u AFTER UPDATE ON claim BEGIN ${burn}; END`,
        (db) => {
          migrate(db, 1)
          db.pragma(`application_id = ${APPLICATION_ID}`)
        },
      ),
  ],
]

function beside(path: string): string[] {
  const name = path.slice(dir.path.length + 1)
  return readdirSync(dir.path).filter((f) => f.startsWith(name) && f !== name)
}

describe('review files carrying SQL of their own', () => {
  it.each(hostile)('refuses %s within a second, leaving the file unchanged', (_, make) => {
    const path = make()
    const before = sha256(path)
    const started = performance.now()
    let error: unknown
    try {
      openReview(path).close()
    } catch (err) {
      error = err
    }
    expect(performance.now() - started).toBeLessThan(1000)
    expect(error).toBeInstanceOf(FactdeskError)
    expect((error as FactdeskError).code).toBe('review-file-untrusted')
    expect((error as FactdeskError).message).toMatch(/not a review file Factdesk can trust/)
    expect(sha256(path)).toBe(before)
    expect(beside(path)).toEqual([])
  })

  it.each(hostile)('refuses to import %s, and the open review is unchanged', async (_, make) => {
    const path = make()
    const review = openReview(':memory:', bundledEssay())
    try {
      const before = dump(review)
      const started = performance.now()
      await expect(importFile(review, 'from-a-stranger.factdesk', readFileSync(path), '김기자')).rejects.toMatchObject({
        code: 'review-file-untrusted',
        params: { file: 'from-a-stranger.factdesk' },
        message: expect.stringMatching(/^from-a-stranger\.factdesk is not a review file Factdesk can trust/),
      })
      expect(performance.now() - started).toBeLessThan(1000)
      expect(dump(review)).toEqual(before)
    } finally {
      review.close()
    }
  })

  it('still opens its own files, old versions included, and inspecting leaves no -wal or -shm beside them', () => {
    const before = sha256(good)
    const copy = dir.file('copy.factdesk')
    writeFileSync(copy, readFileSync(good))
    const store = openReview(copy)
    expect(listClaims(store)).toHaveLength(1)
    store.close()
    expect(sha256(good)).toBe(before)

    const old = dir.file('v1.factdesk')
    const db = new Database(old)
    migrate(db, 1)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.close()
    expect(() => openReview(old, bundledEssay()).close()).not.toThrow()

    // A refused file in WAL mode: the inspection reads a private copy.
    const wal = crafted('wal.factdesk', `PRAGMA journal_mode = WAL; CREATE TABLE payload (x TEXT)`)
    expect(existsSync(`${wal}-wal`)).toBe(false)
    expect(() => openReview(wal)).toThrow(FactdeskError)
    expect(beside(wal)).toEqual([])
  })
})

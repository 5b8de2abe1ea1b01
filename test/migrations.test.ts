import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bundleSchema, exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { migrate, migrations, SCHEMA_VERSION } from '../src/core/db/migrations'
import { APPLICATION_ID } from '../src/core/db/reviewFile'
import { contentHash } from '../src/core/review/store'
import { essayText } from '../src/shared/essay'
import { codePointLength } from '../src/shared/text'
import { smallEssay, tempDir, type TempDir } from './helpers/essay'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'

let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

const T = '2025-06-01T00:00:00.000Z'

/** A review file as Factdesk wrote it at schema step 1: two live claims, a tombstone, two sources. */
function stepOneFile(name = 'v1.factdesk'): {
  path: string
  claims: Record<string, unknown>[]
  sources: Record<string, unknown>[]
} {
  const path = dir.file(name)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.transaction(() => {
    db.exec(migrations[0])
    db.pragma('user_version = 1')
  })()
  const essay = smallEssay()
  const text = essayText(essay.blocks)
  const documentId = randomUUID()
  db.prepare(
    `INSERT INTO document (id, title, byline, source_url, language, blocks_json, text, content_hash, created, modified)
     VALUES (?, '작은 글 😀', '', '', 'ko', ?, ?, ?, ?, ?)`,
  ).run(documentId, JSON.stringify(essay.blocks), text, contentHash(text), T, T)
  const at = (needle: string) => {
    const start = codePointLength(text.slice(0, text.indexOf(needle)))
    return { exact: needle, start, end: start + codePointLength(needle) }
  }
  const claims = [
    { ...at('첫 문장은 참이다.'), verdict: 'true', status: 'checked', note: '확인 <b>끝</b>', deleted: 0, revision: 3 },
    { ...at('둘째 문장은 거짓'), verdict: 'unrated', status: 'open', note: '', deleted: 0, revision: 1 },
    { ...at('소제목 🇰🇷'), verdict: 'false', status: 'open', note: '지움', deleted: 1, revision: 2 },
  ].map((c) => ({
    id: randomUUID(),
    document_id: documentId,
    prefix: '',
    suffix: '',
    author: '김기자',
    created: T,
    modified: T,
    modified_by: '이팩트',
    ...c,
  }))
  const insertClaim = db.prepare(
    `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, verdict, status, note, author, created, modified, modified_by, revision, deleted)
     VALUES (@id, @document_id, @exact, @prefix, @suffix, @start, @end, @verdict, @status, @note, @author, @created, @modified, @modified_by, @revision, @deleted)`,
  )
  for (const c of claims) insertClaim.run(c)
  const sources = [0, 1].map((i) => ({
    id: randomUUID(),
    claim_id: claims[0].id,
    url: `https://example.org/${i}`,
    title: `출처 ${i}`,
    publisher: '',
    published: '2025-05-26',
    accessed: '',
    excerpt: '',
    archive_url: '',
    created: T,
    modified: T,
    revision: 1,
    deleted: i,
  }))
  const insertSource = db.prepare(
    `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, revision, deleted)
     VALUES (@id, @claim_id, @url, @title, @publisher, @published, @accessed, @excerpt, @archive_url, @created, @modified, @revision, @deleted)`,
  )
  for (const s of sources) insertSource.run(s)
  db.close()
  return { path, claims, sources }
}

const schemaOf = (db: Database.Database) => db.prepare(`SELECT type, name, sql FROM sqlite_schema ORDER BY name`).all()

describe('a review file from schema step 1', () => {
  it('is migrated to the latest step on open, with every claim versioned and anchored and its data intact', () => {
    const { path, claims, sources } = stepOneFile()
    const store = openReview(path)
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      const rows = store.db.prepare(`SELECT * FROM claim ORDER BY start`).all() as Record<string, unknown>[]
      expect(rows).toHaveLength(3)
      for (const c of claims) {
        const row = rows.find((r) => r.id === c.id)!
        expect(row).toMatchObject({ ...c, anchored: 1 })
        expect(row.version).toMatch(/^[0-9a-f]{32}$/)
        expect(
          store.db.prepare(`SELECT 1 FROM version_seen WHERE entity_id = ? AND version = ?`).get(c.id, row.version),
        ).toBeTruthy()
      }
      for (const s of sources) {
        const row = store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(s.id) as Record<string, unknown>
        expect(row).toMatchObject(s)
        expect(
          store.db.prepare(`SELECT 1 FROM version_seen WHERE entity_id = ? AND version = ?`).get(s.id, row.version),
        ).toBeTruthy()
      }
      expect(new Set(rows.map((r) => r.version)).size).toBe(3)
      expect(listClaims(store).map((c) => [c.exact, c.anchored, c.note, c.sources.length])).toEqual([
        ['첫 문장은 참이다.', true, '확인 <b>끝</b>', 1],
        ['둘째 문장은 거짓', true, '', 0],
      ])
      expect(store.db.prepare(`SELECT count(*) FROM conflict`).pluck().get()).toBe(0)
      expect(store.db.prepare(`SELECT count(*) FROM import_log`).pluck().get()).toBe(0)
      // The migrated file exports a valid bundle, tombstone included.
      const bundle = exportBundle(store, '김기자')
      expect(bundleSchema.safeParse(bundle).success).toBe(true)
      expect(bundle.claims.filter((c) => c.deleted)).toHaveLength(1)
    } finally {
      store.close()
    }
  })

  it('can be imported into a current review: it is migrated in a private copy, the original untouched', async () => {
    const { path, claims } = stepOneFile()
    const bytes = readFileSync(path)
    const store = openReview(':memory:', smallEssay())
    try {
      const summary = await importFile(store, 'old.factdesk', bytes, '박검증')
      expect(summary).toMatchObject({
        format: 'sqlite',
        added: 2,
        sourcesAdded: 2,
        conflicts: 0,
        documentDiffers: false,
      })
      expect(
        listClaims(store)
          .map((c) => c.id)
          .sort(),
      ).toEqual(
        claims
          .filter((c) => !c.deleted)
          .map((c) => c.id)
          .sort(),
      )
      expect(readFileSync(path).equals(bytes)).toBe(true)
    } finally {
      store.close()
    }
  })

  it('keeps its step when a later step fails: each step is one transaction', () => {
    const { path, claims } = stepOneFile()
    const db = new Database(path)
    db.exec(`CREATE TABLE version_seen (something_else TEXT)`) // step 2 creates this table
    const before = schemaOf(db)
    db.close()

    expect(() => openReview(path)).toThrow(/version_seen/)

    const after = new Database(path, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(1)
    expect(schemaOf(after)).toEqual(before) // step 2's ALTER TABLEs were rolled back with it
    expect(after.prepare(`SELECT id FROM claim ORDER BY start`).pluck().all()).toEqual(
      [...claims].sort((a, b) => (a.start as number) - (b.start as number)).map((c) => c.id),
    )
    after.close()

    // Once the obstacle is gone, the same file migrates.
    const fix = new Database(path)
    fix.exec(`DROP TABLE version_seen`)
    fix.close()
    const store = openReview(path)
    expect(listClaims(store)).toHaveLength(2)
    store.close()
  })

  it('applies every step from 1 on its own: the steps before a failing one are kept, it is not', () => {
    for (let step = 2; step <= SCHEMA_VERSION; step++) {
      const created = /CREATE TABLE (\w+)/.exec(migrations[step - 1])?.[1]
      if (!created) continue
      const reference = new Database(':memory:')
      migrate(reference, step - 1)
      const db = new Database(':memory:')
      migrate(db, 1)
      db.exec(`CREATE TABLE ${created} (obstacle TEXT)`)
      expect(() => migrate(db)).toThrow()
      expect(db.pragma('user_version', { simple: true })).toBe(step - 1)
      const obstacle = (r: unknown) => (r as { name: string }).name !== created
      expect(schemaOf(db).filter(obstacle)).toEqual(schemaOf(reference).filter(obstacle))
      db.close()
      reference.close()
    }
  })
})

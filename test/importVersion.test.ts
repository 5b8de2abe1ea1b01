import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listImports } from '../src/core/exchange/importLog'
import { contentTables, stateHash, undoImport } from '../src/core/exchange/importUndo'
import { currentVersion } from '../src/core/exchange/importState'
import { claimHistory } from '../src/core/review/history'
import { searchClaimIds } from '../src/core/search/search'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { addTag } from '../src/core/thread/thread'
import { anchorOf, contentDump, refusal, Reviewer, sourceFields } from './helpers/exchange'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { onceForAll } from '../src/core/db/contentVersion'
import { SCHEMA_VERSION } from '../src/core/db/migrations'
import { foreignObject } from '../src/core/db/reviewSchema'
import { openReview } from '../src/core/review/open'

/**
 * "Undo import" is offered only while nothing changed since the import: the review's content version
 * (moved by triggers in the file on every write, whoever writes) tells, as the hash of every row did.
 */

let dir: TempDir
let A: Reviewer, B: Reviewer
let x: string
beforeEach(() => {
  dir = tempDir('factdesk-version-')
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay)
  B = new Reviewer('이팩트', essay, dir.file('b.factdesk'))
  x = createClaim(A.store, anchorOf(A.store, '챗GPT 유료 가입자 수 2위'), A.name).id
  addSource(A.store, x, sourceFields('https://openai.com/ko'), A.name)
})
afterEach(() => {
  A.close()
  B.close()
  dir.remove()
})

/** Content only: the import log keeps the undone import. */
const content = (r: Reviewer) => contentDump(r.store)

/** Another program writing to the review file on its own connection (the sqlite3 shell, a script). */
function otherTool(path: string, sql: string): void {
  const db = new Database(path)
  try {
    db.exec(sql)
  } finally {
    db.close()
  }
}

describe('the content version', () => {
  it('has its three triggers on every content table (a table added later needs them in its own step)', () => {
    const triggers = new Set(
      B.store.db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%review_version%'`)
        .pluck()
        .all() as string[],
    )
    const tables = contentTables(B.store.db).map((t) => t.name)
    expect(tables.length).toBeGreaterThan(10)
    for (const t of tables)
      for (const op of ['insert', 'update', 'delete']) expect(triggers, `${t} ${op}`).toContain(`${t}_version_${op}`)
  })

  it('moves on every write to any content table, to a value never given before', () => {
    const seen = new Set([currentVersion(B.store.db)])
    const write = (sql: string) => {
      B.store.db.exec(sql)
      const v = currentVersion(B.store.db)
      expect(seen.has(v), sql).toBe(false)
      seen.add(v)
    }
    write(`INSERT INTO tag_style (name, color) VALUES ('통계', '#112233')`)
    write(`UPDATE tag_style SET color = '#445566'`)
    write(`DELETE FROM tag_style`)
    write(`UPDATE document SET title = title`)
    // Not content: the import log, the undo rows, the notices seen.
    const before = currentVersion(B.store.db)
    B.store.db.exec(`INSERT INTO notice_seen (reviewer, key) VALUES ('a', 'b')`)
    expect(currentVersion(B.store.db)).toBe(before)
  })
})

/** The file's triggers, as text: the schema check compares exactly this. */
const triggers = (r: Reviewer) =>
  r.store.db.prepare(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all()
const latest = (r: Reviewer) => r.store.db.prepare(`SELECT latest FROM review_version`).pluck().get() as number

describe('a write of many rows moves the content version once', () => {
  it('an import and its undo each move it once, and leave the triggers exactly as the file had them', async () => {
    for (let i = 0; i < 30; i++) createClaim(A.store, anchorOf(A.store, '오픈AI', i % 5), A.name)
    const before = triggers(B)
    const given = latest(B)
    const summary = await B.receive(A)
    expect(summary.added).toBe(31)
    // One value for the import, where the triggers gave one for every row it wrote (over a hundred).
    expect(latest(B)).toBe(given + 1)
    expect(currentVersion(B.store.db)).toBe(`version:${given + 1}`)
    expect(triggers(B)).toEqual(before)
    expect(foreignObject(B.store.db, SCHEMA_VERSION)).toBeNull()
    undoImport(B.store.db, summary.importId, B.name)
    expect(latest(B)).toBe(given + 2)
    expect(currentVersion(B.store.db)).toBe(`version:${given}`)
    expect(triggers(B)).toEqual(before)
    // The file opens again: the schema check finds its own triggers.
    B.close()
    B = new Reviewer('이팩트', bundledEssay(), dir.file('b.factdesk'))
    expect(triggers(B)).toEqual(before)
    // And every other writer still moves it.
    B.store.db.exec(`INSERT INTO tag_style (name, color) VALUES ('통계', '#112233')`)
    expect(latest(B)).toBe(given + 3)
  })

  it('a write that fails leaves the triggers and the version as they were', () => {
    const before = triggers(B)
    const version = currentVersion(B.store.db)
    const db = B.store.db
    expect(() =>
      db
        .transaction(() =>
          onceForAll(db, () => {
            db.exec(`INSERT INTO tag_style (name, color) VALUES ('통계', '#112233')`)
            throw new Error('refused')
          }),
        )
        .immediate(),
    ).toThrow('refused')
    expect(triggers(B)).toEqual(before)
    expect(currentVersion(db)).toBe(version)
    db.exec(`INSERT INTO tag_style (name, color) VALUES ('통계', '#112233')`)
    expect(currentVersion(db)).not.toBe(version)
  })

  it('is refused outside a transaction, so no one else ever sees the file without its triggers', () => {
    const before = triggers(B)
    expect(() => onceForAll(B.store.db, () => undefined)).toThrow(/transaction/)
    expect(triggers(B)).toEqual(before)
    // Another connection reading while an import writes sees the triggers of the last commit.
    const reader = openReview(dir.file('b.factdesk'))
    try {
      B.store.db
        .transaction(() =>
          onceForAll(B.store.db, () => {
            expect(triggers({ store: reader } as Reviewer)).toEqual(before)
          }),
        )
        .immediate()
    } finally {
      reader.close()
    }
  })
})

describe('undo import after a change by another route', () => {
  it('is refused with the usual message once another program changed the review file, whatever it changed', async () => {
    for (const sql of [
      `UPDATE claim SET note = '다른 도구로 고침'`,
      `INSERT INTO tag_style (name, color) VALUES ('새 태그', '#000000')`,
      `DELETE FROM event WHERE rowid = (SELECT max(rowid) FROM event)`,
      `UPDATE version_seen SET version = version || 'x' WHERE entity_id = (SELECT min(entity_id) FROM version_seen)`,
    ]) {
      updateClaim(A.store, x, { note: `메모 ${sql.length}` }, A.name)
      const summary = await B.receive(A)
      expect(listImports(B.store)[0]).toMatchObject({ id: summary.importId, canUndo: true })
      otherTool(dir.file('b.factdesk'), sql)
      expect(listImports(B.store)[0].canUndo, sql).toBe(false)
      const err = refusal(() => undoImport(B.store.db, summary.importId, B.name))
      expect(err.code).toBe('undo-import-stale')
      expect(err.message).toMatch(/can no longer be undone: the review has changed since\. Nothing was changed\./)
    }
  })

  it('is refused after a change through Factdesk, and a change undone by hand does not bring it back', async () => {
    const summary = await B.receive(A)
    const note = B.claim(x).note
    updateClaim(B.store, x, { note: '잠깐 고침' }, B.name)
    updateClaim(B.store, x, { note }, B.name)
    expect(listImports(B.store)[0].canUndo).toBe(false)
    expect(refusal(() => undoImport(B.store.db, summary.importId, B.name)).code).toBe('undo-import-stale')
  })

  it('after undoing the newer of two imports, a later change makes the older one refused too', async () => {
    const before = content(B)
    const one = await B.receive(A, 'a1.factdesk.json')
    addTag(A.store, x, '통계', A.name)
    const two = await B.receive(A, 'a2.factdesk.json')
    expect(undoImport(B.store.db, undefined, B.name)).toBe(two.importId)
    expect(listImports(B.store).find((i) => i.id === one.importId)?.canUndo).toBe(true)
    otherTool(dir.file('b.factdesk'), `INSERT INTO setting (key, value) VALUES ('org.name', '팩트데스크')`)
    expect(listImports(B.store).some((i) => i.canUndo)).toBe(false)
    expect(refusal(() => undoImport(B.store.db, undefined, B.name)).message).toMatch(/no import to undo/)
    otherTool(dir.file('b.factdesk'), `DELETE FROM setting WHERE key = 'org.name'`)
    expect(content(B)).not.toEqual(before)
  })

  it('still undoes an import recorded with a hash of every row, until the next change', async () => {
    const before = content(B)
    const summary = await B.receive(A)
    // As a Factdesk from before the content version recorded it.
    B.store.db
      .prepare(`UPDATE import_log SET before_state = ?, after_state = ? WHERE id = ?`)
      .run('sha256:' + '0'.repeat(64), stateHash(B.store.db), summary.importId)
    expect(listImports(B.store)[0].canUndo).toBe(true)
    const hashed = stateHash(B.store.db)
    B.store.db.prepare(`UPDATE import_log SET before_state = ? WHERE id = ?`).run(hashed, summary.importId)
    // Its "before" is checked by hashing: a wrong one rolls the undo back.
    expect(refusal(() => undoImport(B.store.db, summary.importId, B.name)).code).toBe('undo-import-inexact')
    expect(listImports(B.store)[0].canUndo).toBe(true)
    updateClaim(B.store, x, { note: '바꿈' }, B.name)
    expect(listImports(B.store)[0].canUndo).toBe(false)
    expect(content(B)).not.toEqual(before)
  })
})

describe('what an import leaves', () => {
  it('every claim it brought or changed shows in its history that it was merged from the file', async () => {
    const y = createClaim(A.store, anchorOf(A.store, '2025년 5월'), A.name).id
    await B.receive(A, 'a.factdesk.json')
    for (const id of [x, y])
      expect(claimHistory(B.store, id)[0]).toMatchObject({
        kind: 'merged',
        actor: B.name,
        detail: { file: 'a.factdesk.json', change: 'added' },
      })
    updateClaim(A.store, y, { verdict: 'false' }, A.name)
    updateClaim(A.store, x, { note: 'A가 고침' }, A.name)
    updateClaim(B.store, x, { note: 'B가 고침' }, B.name)
    await B.receive(A, 'a2.factdesk.json')
    expect(claimHistory(B.store, y)[0]).toMatchObject({
      kind: 'merged',
      detail: { file: 'a2.factdesk.json', change: 'updated' },
    })
    expect(claimHistory(B.store, x)[0]).toMatchObject({
      kind: 'merged',
      detail: { file: 'a2.factdesk.json', change: 'conflict' },
    })
    expect(B.store.db.prepare(`SELECT count(*) FROM conflict WHERE entity_id = ?`).pluck().get(x)).toBe(1)
    expect(B.store.db.prepare(`SELECT count(*) FROM import_log`).pluck().get()).toBe(2)
  })

  it('the search finds what an import brought and forgets it when the import is undone', async () => {
    updateClaim(A.store, x, { note: '가입자 통계 출처 확인' }, A.name)
    expect(searchClaimIds(B.store.db, '가입자 통계')).toEqual(new Set())
    const summary = await B.receive(A)
    expect(searchClaimIds(B.store.db, '가입자 통계')).toEqual(new Set([x]))
    undoImport(B.store.db, summary.importId, B.name)
    expect(searchClaimIds(B.store.db, '가입자 통계')).toEqual(new Set())
  })
})

import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../src/core/db/migrations'
import { undoImport } from '../src/core/exchange/importUndo'
import { claimHistory } from '../src/core/review/history'
import { updateClaim } from '../src/core/claims/commands'
import { localKeys } from '../src/core/sync/records'
import { readRecords } from '../src/core/sync/push'
import { drainChanges, presentKeys, unwatchRecords, watchRecords } from '../src/core/sync/changes'
import { markTwoClaims, Reviewer } from './helpers/exchange'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'

/**
 * An import's 'merged' history entries are one row for the whole import (import_entry) and a narrow
 * row per claim (import_entry_claim), which every reader of the history sees as each claim's own
 * entry, exactly as when each was a full event row of its own.
 */

let dir: TempDir
let A: Reviewer, B: Reviewer
let x: string, y: string
beforeEach(() => {
  dir = tempDir('factdesk-entry-')
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay)
  B = new Reviewer('이팩트', essay, dir.file('b.factdesk'))
  ;[x, y] = markTwoClaims(A)
})
afterEach(() => {
  A.close()
  B.close()
  dir.remove()
})

const count = (r: Reviewer, sql: string) => r.store.db.prepare(sql).pluck().get() as number
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe("an import's history entries", () => {
  it('are one row for the import, and each claim still lists its own entry in its place', async () => {
    const summary = await B.receive(A, 'a.factdesk.json')
    expect(count(B, `SELECT count(*) FROM import_entry`)).toBe(1)
    expect(count(B, `SELECT count(*) FROM event WHERE kind = 'merged'`)).toBe(0)
    const entries = [x, y].map((id) => claimHistory(B.store, id)[0])
    for (const e of entries) {
      expect(e).toMatchObject({ kind: 'merged', actor: B.name, detail: { file: 'a.factdesk.json', change: 'added' } })
      expect(e.id).toMatch(UUID)
    }
    expect(entries[0].id).not.toBe(entries[1].id)
    // Undo takes them with it.
    undoImport(B.store.db, summary.importId, B.name)
    expect(count(B, `SELECT count(*) FROM claim_event`)).toBe(0)
    // What came after an import is listed before it, what the file brought after it.
    await B.receive(A, 'a.factdesk.json')
    updateClaim(B.store, x, { verdict: 'false' }, B.name)
    expect(claimHistory(B.store, x).map((e) => e.kind)).toEqual(['verdict-changed', 'merged', 'claim-created'])
  })

  it("are found by claim through an index: one claim's history never reads a whole import", async () => {
    await B.receive(A, 'a.factdesk.json')
    const plan = B.store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM claim_event WHERE claim_id = ? ORDER BY at DESC, seq DESC`)
      .all(x) as { detail: string }[]
    const steps = plan.map((p) => p.detail).join('\n')
    expect(steps).toMatch(/SEARCH c USING INDEX import_entry_claim_by_claim \(claim_id=\?\)/)
    expect(steps).not.toMatch(/SCAN (c|e|import_entry|import_entry_claim)\b/)
  })

  it('travel in a bundle as entries of their own, and coming back do not show twice', async () => {
    await B.receive(A, 'a.factdesk.json')
    const mine = claimHistory(B.store, x)
    const exported = B.bundle().events!.filter((e) => e.kind === 'merged')
    expect(exported.map((e) => [e.claimId, e.id]).sort()).toEqual(
      [x, y].map((id) => [id, claimHistory(B.store, id)[0].id]).sort(),
    )
    await A.receive(B, 'b.factdesk.json')
    // A keeps B's entries as rows; B taking them back lists each once.
    await B.receive(A, 'a2.factdesk.json')
    const again = claimHistory(B.store, x)
    expect(again.filter((e) => e.id === mine[0].id)).toHaveLength(1)
    expect(count(B, `SELECT count(*) FROM event WHERE id = '${mine[0].id}'`)).toBe(1)
  })

  it('are records a team server is sent, found by their ids, and noted when written', async () => {
    watchRecords(B.store.db)
    try {
      drainChanges(B.store.db)
      await B.receive(A, 'a.factdesk.json')
      const ids = [x, y].map((id) => claimHistory(B.store, id)[0].id)
      const keys = ids.map((id) => `events:${id}`)
      const noted = drainChanges(B.store.db).map((c) => c.record)
      for (const key of keys) expect(noted).toContain(key)
      expect(localKeys(B.store)).toEqual(expect.arrayContaining(keys))
      expect([...presentKeys(B.store, keys)].sort()).toEqual([...keys].sort())
      const sent = readRecords(B.store, keys).events
      expect(sent).toHaveLength(2)
      expect(sent[0]).toMatchObject({ kind: 'merged', actor: B.name, detail: { file: 'a.factdesk.json' } })
      // Undoing the import takes them away, and the server is told so.
      undoImport(B.store.db, B.store.db.prepare(`SELECT id FROM import_log`).pluck().get() as string, B.name)
      const gone = drainChanges(B.store.db).filter((c) => keys.includes(c.record))
      for (const key of keys) expect(gone).toContainEqual(expect.objectContaining({ record: key, present: 0 }))
      expect(presentKeys(B.store, keys).size).toBe(0)
    } finally {
      unwatchRecords(B.store.db)
    }
  })

  it('leave the entries of a file from before them as they were, and add the new ones beside them', async () => {
    const path = dir.file('old.factdesk')
    const old = new Reviewer('이팩트', bundledEssay(), path)
    await old.receive(A, 'a.factdesk.json')
    const before = claimHistory(old.store, x)
    // The same file as the Factdesk before this step wrote it: the entry a row of each claim.
    const db = old.store.db
    const [first] = before
    db.prepare(`INSERT INTO event (id, claim_id, at, actor, kind, detail_json) VALUES (?, ?, ?, ?, 'merged', ?)`).run(
      first.id,
      x,
      first.at,
      first.actor,
      JSON.stringify(first.detail),
    )
    expect(db.prepare(`SELECT count(*) FROM import_entry_claim`).pluck().get()).toBe(2)
    old.close()
    const file = new Database(path)
    file.exec(`DROP VIEW claim_event; DROP TABLE import_entry; DROP TABLE import_entry_claim`)
    file.pragma(`user_version = ${SCHEMA_VERSION - 1}`)
    file.close()

    const reopened = new Reviewer('이팩트', bundledEssay(), path)
    expect(reopened.store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(claimHistory(reopened.store, x)).toEqual(before)
    updateClaim(A.store, x, { note: '새 메모' }, A.name)
    await reopened.receive(A, 'a2.factdesk.json')
    expect(
      claimHistory(reopened.store, x)
        .filter((e) => e.kind === 'merged')
        .map((e) => e.detail),
    ).toEqual([
      { file: 'a2.factdesk.json', change: 'updated' },
      { file: 'a.factdesk.json', change: 'added' },
    ])
    reopened.close()
  })
})

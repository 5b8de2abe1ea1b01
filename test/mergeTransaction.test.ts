import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentTables, undoImport } from '../src/core/exchange/importUndo'
import { bundleToIncoming } from '../src/core/exchange/files'
import { mergeIncoming } from '../src/core/exchange/merge'
import { validateBundle } from '../src/core/exchange/bundle'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { anchorOf, dump, Reviewer, sourceFields } from './helpers/exchange'
import { bundledEssay } from './helpers/essay'

/**
 * A merge inside an import writes in the import's own transaction (no savepoint of its own): a failure
 * after its claims, sources and versions were written must still leave nothing of them behind.
 */

let A: Reviewer, B: Reviewer
beforeEach(() => {
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay)
  B = new Reviewer('이팩트', essay)
  const x = createClaim(A.store, anchorOf(A.store, '챗GPT 유료 가입자 수 2위'), A.name).id
  createClaim(A.store, anchorOf(A.store, '2025년 5월'), A.name)
  addSource(A.store, x, sourceFields('https://openai.com/ko'), A.name)
})
afterEach(() => {
  A.close()
  B.close()
})

const everything = (r: Reviewer) =>
  dump(r.store, [...contentTables(r.store.db).map((t) => t.name), 'import_log', 'import_undo', 'review_version'])

/** The import log is the merge's last write: refusing it fails the merge after everything else was written. */
function failTheLog(r: Reviewer): void {
  r.store.db.exec(
    `CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON main.import_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
  )
}

describe('a merge that fails late', () => {
  it('leaves a review that had imported nothing exactly as it was, and the next import lands', async () => {
    const before = everything(B)
    failTheLog(B)
    await expect(B.receive(A)).rejects.toThrow(/disk full/)
    expect(B.store.db.inTransaction).toBe(false)
    expect(everything(B)).toEqual(before)
    B.store.db.exec(`DROP TRIGGER temp.refuse_log`)
    const summary = await B.receive(A)
    expect(summary.added).toBe(2)
    expect(summary.sourcesAdded).toBe(1)
  })

  it('leaves the earlier import undoable and its rows in place', async () => {
    await B.receive(A)
    const afterFirst = everything(B)
    const [claim] = A.bundle().claims
    updateClaim(A.store, claim.id, { verdict: 'false', note: '통계청 자료와 다름' }, A.name)
    failTheLog(B)
    await expect(B.receive(A)).rejects.toThrow(/disk full/)
    expect(everything(B)).toEqual(afterFirst)
    B.store.db.exec(`DROP TRIGGER temp.refuse_log`)
    // Nothing changed since the first import: it is still the one Undo takes back.
    undoImport(B.store.db, B.store.db.prepare(`SELECT id FROM import_log`).pluck().get() as string, B.name)
    expect(B.store.db.prepare(`SELECT count(*) FROM claim`).pluck().get()).toBe(0)
  })

  it('called on its own, is still its own transaction', () => {
    failTheLog(B)
    const incoming = bundleToIncoming(validateBundle('a.factdesk.json', A.bundle()), 'bundle')
    const before = everything(B)
    expect(() =>
      mergeIncoming(B.store, incoming, { fileName: 'a.factdesk.json', fileHash: '', importer: B.name }),
    ).toThrow(/disk full/)
    expect(B.store.db.inTransaction).toBe(false)
    expect(everything(B)).toEqual(before)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { undoImport } from '../src/core/exchange/importUndo'
import { searchClaimIds } from '../src/core/search/search'
import { addSource, createClaim, deleteClaim, updateClaim, updateSource } from '../src/core/claims/commands'
import { getClaim } from '../src/core/claims/queries'
import { anchorOf, contentDump, refusal, Reviewer, sharedState, sourceFields, markTwoClaims } from './helpers/exchange'
import { bundledEssay } from './helpers/essay'

/**
 * The merge's path for claims this review already has: newer versions written as updates of the
 * columns that need it, pre-images kept for Undo as the columns changed, and the search index told
 * only of changes to what it reads.
 */

let A: Reviewer, B: Reviewer
let x: string, y: string, source: string
beforeEach(async () => {
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay)
  B = new Reviewer('이팩트', essay)
  ;[x, y] = markTwoClaims(A)
  source = addSource(A.store, x, sourceFields('https://openai.com/ko', '오픈AI 발표'), A.name).id
  await B.receive(A)
})
afterEach(() => {
  A.close()
  B.close()
})

const found = (r: Reviewer, query: string): string[] => [...(searchClaimIds(r.store.db, query) ?? [])].sort()
/** Claims marked for the search index to read again (the search's own TEMP table). */
const marked = (r: Reviewer): string[] =>
  r.store.db.prepare(`SELECT DISTINCT claim_id FROM temp.search_dirty ORDER BY claim_id`).pluck().all() as string[]
const importUndo = (r: Reviewer, importId: string | undefined) =>
  r.store.db
    .prepare(`SELECT tbl, op, key_json, before_json FROM import_undo WHERE import_id = ? AND op = 'update'`)
    .all(importId) as { tbl: string; op: string; key_json: string; before_json: string }[]

describe('a merge of newer versions of claims this review has', () => {
  it('leaves each claim as the other reviewer has it, and records each version as the claim ends up', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: '2위가 아니다' }, A.name)
    deleteClaim(A.store, x, A.name)
    updateClaim(A.store, y, { status: 'checked' }, A.name)
    const summary = await B.receive(A)
    expect(summary).toMatchObject({ updated: 1, deleted: 1, conflicts: 0 })
    expect(sharedState(B.store).claim).toEqual(sharedState(A.store).claim)
    // The removal is set before the version: the version's recorded values say "removed".
    const values = (r: Reviewer) =>
      JSON.parse(
        r.store.db
          .prepare(`SELECT values_json FROM version_value WHERE entity_id = ? AND version = ?`)
          .pluck()
          .get(x, r.row(x).version) as string,
      ) as Record<string, unknown>
    expect(values(B)).toEqual(values(A))
    expect(values(B)).toMatchObject({ deleted: 1, verdict: 'false', note: '2위가 아니다' })
  })

  it('reads only the claims the file brings when the review has many more, with the same answer', async () => {
    for (const words of [
      '삼성전자, 하이닉스 등 글로벌 반도체 강자',
      '이미 아랍에미리트(UAE)는 이에 동참해',
      '오픈AI가 공식적으로',
    ])
      createClaim(B.store, anchorOf(B.store, words), B.name)
    for (let i = 0; i < 6; i++) createClaim(B.store, anchorOf(B.store, '서울', i), B.name)
    updateClaim(A.store, y, { note: '통계청 발표와 같음' }, A.name)
    const summary = await B.receive(A)
    expect(summary).toMatchObject({ updated: 1, unchanged: 1, added: 0, conflicts: 0, sourcesUpdated: 0 })
    expect(B.claim(y).note).toBe('통계청 발표와 같음')
    expect(await B.receive(A)).toMatchObject({ updated: 0, unchanged: 2 })
  })

  it("records a conflict with the file's side of it, once per claim both changed", async () => {
    updateClaim(A.store, x, { note: 'A의 메모' }, A.name)
    updateClaim(B.store, x, { note: 'B의 메모' }, B.name)
    updateClaim(A.store, y, { verdict: 'true' }, A.name)
    const summary = await B.receive(A, 'a.factdesk.json')
    expect(summary).toMatchObject({ conflicts: 1, updated: 1 })
    const rows = B.store.db.prepare(`SELECT * FROM conflict`).all() as Record<string, string>[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      entity: 'claim',
      entity_id: x,
      their_version: A.row(x).version,
      origin: 'a.factdesk.json',
      resolved: '',
    })
    expect(JSON.parse(rows[0].theirs_json)).toMatchObject({ id: x, note: 'A의 메모', version: A.row(x).version })
    expect(getClaim(B.store, x)).toMatchObject({ note: 'B의 메모', hasConflict: true })
    // The same file again: the same conflict, still one row.
    expect(await B.receive(A, 'a.factdesk.json')).toMatchObject({ conflicts: 1, updated: 0, unchanged: 1 })
    expect(B.store.db.prepare(`SELECT count(*) FROM conflict`).pluck().get()).toBe(1)
  })
})

describe('Undo of a merge keeps the columns an update changed', () => {
  it('as their values before, and restores the review exactly', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: '다시 확인함' }, A.name)
    const before = contentDump(B.store)
    const rowBefore = B.row(x)
    const summary = await B.receive(A)
    const rowAfter = B.row(x)
    const changed = Object.keys(rowBefore).filter((k) => rowBefore[k] !== rowAfter[k])
    expect(changed.sort()).toEqual(['modified', 'note', 'revision', 'verdict', 'version'])
    const images = importUndo(B, summary.importId).filter((r) => r.tbl === 'claim')
    expect(images).toHaveLength(1)
    expect(JSON.parse(images[0].key_json)).toEqual([x])
    expect(JSON.parse(images[0].before_json)).toEqual(Object.fromEntries(changed.map((k) => [k, rowBefore[k]])))

    undoImport(B.store.db, summary.importId, B.name)
    expect(contentDump(B.store)).toEqual(before)
  })

  it('still undoes a whole-row pre-image (kept by earlier versions) exactly', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: '다시 확인함' }, A.name)
    const before = contentDump(B.store)
    const rowid = B.store.db.prepare(`SELECT rowid FROM claim WHERE id = ?`).pluck().get(x)
    const whole = JSON.stringify({ rowid, ...B.row(x) })
    const summary = await B.receive(A)
    B.store.db
      .prepare(`UPDATE import_undo SET before_json = ? WHERE import_id = ? AND tbl = 'claim' AND op = 'update'`)
      .run(whole, summary.importId)
    undoImport(B.store.db, summary.importId, B.name)
    expect(contentDump(B.store)).toEqual(before)
  })

  it('refuses a pre-image that names a column the table does not have, and changes nothing', async () => {
    updateClaim(A.store, x, { note: '다시 확인함' }, A.name)
    const summary = await B.receive(A)
    B.store.db
      .prepare(`UPDATE import_undo SET before_json = ? WHERE import_id = ? AND tbl = 'claim' AND op = 'update'`)
      .run(JSON.stringify({ note: '', 'note = 1; --': 'x' }), summary.importId)
    const after = contentDump(B.store)
    expect(refusal(() => undoImport(B.store.db, summary.importId, B.name)).code).toBe('undo-import-tables')
    expect(contentDump(B.store)).toEqual(after)
  })
})

describe('the search index after a merge', () => {
  it('finds the merged notes, quotes and sources, and no longer finds what they replaced', async () => {
    expect(found(B, '오픈AI 발표')).toEqual([x])
    updateClaim(A.store, x, { note: '국제 비교 통계 확인' }, A.name)
    updateSource(A.store, source, sourceFields('https://openai.com/ko', '서울 지사 보도자료'), A.name)
    deleteClaim(A.store, y, A.name)
    expect(found(B, '2025년')).toEqual([y])
    await B.receive(A)
    expect(found(B, '국제 비교')).toEqual([x])
    expect(found(B, '서울 지사 보도')).toEqual([x])
    expect(found(B, '오픈AI 발표')).toEqual([])
    expect(found(B, '2025년')).toEqual([])
  })

  it('is told of an update only when it changes what the index reads', async () => {
    found(B, '2위')
    expect(marked(B)).toEqual([])
    // A verdict, a status, a new version: the claim's searchable text is what it was.
    updateClaim(A.store, x, { verdict: 'false', status: 'checked' }, A.name)
    await B.receive(A)
    expect(B.claim(x).verdict).toBe('false')
    expect(marked(B)).toEqual([])
    updateClaim(B.store, y, { note: '통계청 자료' }, B.name)
    expect(marked(B)).toEqual([y])
    expect(found(B, '통계청')).toEqual([y])
    expect(marked(B)).toEqual([])
  })

  it('moves a source to the claim it now belongs to', () => {
    expect(found(B, '오픈AI 발표')).toEqual([x])
    B.store.db.prepare(`UPDATE source SET claim_id = ? WHERE id = ?`).run(y, source)
    expect(marked(B)).toEqual([x, y].sort())
    expect(found(B, '오픈AI 발표')).toEqual([y])
  })
})

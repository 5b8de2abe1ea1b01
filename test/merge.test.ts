import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listConflicts, resolveConflict } from '../src/core/exchange/conflicts'
import { listImports } from '../src/core/exchange/importLog'
import { bundledEssay } from './helpers/essay'
import { anchorOf, CONTENT_TABLES, dump, Reviewer, sharedState, sourceFields, markTwoClaims } from './helpers/exchange'
import { getSource, listClaims } from '../src/core/claims/queries'
import { addSource, createClaim, deleteClaim, updateClaim, updateSource } from '../src/core/claims/commands'

/**
 * Three reviewers of the same essay. A marks three claims (x, y, z; x with a source) and hands the
 * review on; B and C import it into their own files. Then they edit and exchange bundles.
 */
let A: Reviewer, B: Reviewer, C: Reviewer
let x: string, y: string, z: string, s1: string
let base: Buffer

beforeEach(async () => {
  const essay = bundledEssay()
  ;[A, B, C] = [new Reviewer('김기자', essay), new Reviewer('이팩트', essay), new Reviewer('박검증', essay)]
  ;[x, y] = markTwoClaims(A)
  z = createClaim(A.store, anchorOf(A.store, '삼성전자, 하이닉스 등 글로벌 반도체 강자'), A.name).id
  s1 = addSource(A.store, x, sourceFields('https://openai.com/ko'), A.name).id
  base = A.file()
  for (const r of [B, C])
    expect(await r.receive(base, 'base.factdesk.json')).toMatchObject({ added: 3, sourcesAdded: 1, conflicts: 0 })
})
afterEach(() => {
  for (const r of [A, B, C]) r.close()
})

const content = (r: Reviewer) => dump(r.store, CONTENT_TABLES)

describe('merging review bundles', () => {
  it('adds new claims, with the same rows as the file that made them', async () => {
    expect(sharedState(B.store)).toEqual(sharedState(A.store))
    const w = createClaim(B.store, anchorOf(B.store, '오픈AI가 서울을 선택한 것'), B.name)
    const summary = await A.receive(B)
    expect(summary).toMatchObject({ added: 1, updated: 0, unchanged: 3, conflicts: 0, unanchored: [] })
    expect(A.claim(w.id)).toMatchObject({
      exact: '오픈AI가 서울을 선택한 것',
      start: w.start,
      author: B.name,
      version: w.version,
    })
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
  })

  it('takes the only side that changed a claim, in both directions', async () => {
    updateClaim(A.store, x, { note: 'A의 메모', status: 'checked' }, A.name)
    updateClaim(B.store, y, { verdict: 'mostly-true' }, B.name)
    expect(await B.receive(A)).toMatchObject({ updated: 1, unchanged: 2, conflicts: 0 })
    expect(B.claim(x)).toMatchObject({
      note: 'A의 메모',
      status: 'checked',
      version: A.claim(x).version,
      modifiedBy: A.name,
    })
    expect(B.claim(y).verdict).toBe('mostly-true')
    expect(await A.receive(B)).toMatchObject({ updated: 1, unchanged: 2, conflicts: 0 })
    expect(A.claim(y)).toMatchObject({ verdict: 'mostly-true', version: B.claim(y).version, modifiedBy: B.name })
    expect(A.claim(x).note).toBe('A의 메모')
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
  })

  it('keeps both sides of a claim edited on both sides, and settles it per field', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: 'A: 2위가 아니다' }, A.name)
    updateClaim(B.store, x, { verdict: 'true', note: 'B: 통계로 확인' }, B.name)
    const fileA = A.file()
    const fileB = B.file()
    const mineBefore = B.row(x)

    expect(await B.receive(fileA, 'a.factdesk.json')).toMatchObject({ conflicts: 1, updated: 0 })
    expect(B.row(x)).toEqual(mineBefore)
    expect(B.claim(x).hasConflict).toBe(true)
    const [conflict, ...more] = listConflicts(B.store)
    expect(more).toEqual([])
    expect(conflict).toMatchObject({ entity: 'claim', entityId: x, claimId: x, origin: 'a.factdesk.json' })
    expect(conflict.mine).toMatchObject({ verdict: 'true', note: 'B: 통계로 확인', deleted: false, modifiedBy: B.name })
    expect(conflict.theirs).toMatchObject({
      verdict: 'false',
      note: 'A: 2위가 아니다',
      deleted: false,
      modifiedBy: A.name,
    })

    resolveConflict(B.store, conflict.id, { fields: { verdict: 'theirs', note: 'mine' } }, B.name)
    expect(B.claim(x)).toMatchObject({ verdict: 'false', note: 'B: 통계로 확인', hasConflict: false, author: A.name })
    expect(listConflicts(B.store)).toEqual([])

    const settled = content(B)
    for (const file of [fileA, fileB]) {
      expect(await B.receive(file)).toMatchObject({ conflicts: 0, updated: 0, added: 0 })
      expect(content(B)).toEqual(settled)
    }

    // A imports B's result: it descends from A's version, so A takes it; both files now agree.
    expect(await A.receive(B)).toMatchObject({ conflicts: 0, updated: 1 })
    expect(A.row(x)).toMatchObject({ ...B.row(x), document_id: A.row(x).document_id })
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
    expect(await B.receive(A)).toMatchObject({ conflicts: 0, updated: 0 })
    expect(content(B)).toEqual(settled)
  })

  it('clears a conflict both reviewers saw once one of them settles it', async () => {
    updateClaim(A.store, x, { note: 'A' }, A.name)
    updateClaim(B.store, x, { note: 'B' }, B.name)
    const [fileA, fileB] = [A.file(), B.file()]
    await A.receive(fileB)
    await B.receive(fileA)
    const [onB] = listConflicts(B.store)
    resolveConflict(B.store, onB.id, { all: 'theirs' }, B.name)
    expect(await A.receive(B)).toMatchObject({ conflicts: 0, updated: 1 })
    expect(A.claim(x)).toMatchObject({ note: 'A', hasConflict: false })
    expect(listConflicts(A.store)).toEqual([])
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
  })

  it('keeps a claim deleted on one side and edited on the other as a conflict', async () => {
    deleteClaim(A.store, y, A.name)
    updateClaim(B.store, y, { note: '날짜 확인함' }, B.name)
    const [fileA, fileB] = [A.file(), B.file()]
    expect(await B.receive(fileA)).toMatchObject({ conflicts: 1, deleted: 0 })
    expect(B.claim(y).note).toBe('날짜 확인함')
    expect(listConflicts(B.store)[0]).toMatchObject({
      entityId: y,
      mine: { deleted: false },
      theirs: { deleted: true },
    })
    expect(await A.receive(fileB)).toMatchObject({ conflicts: 1 })
    expect(A.row(y)).toMatchObject({ deleted: 1 })
    expect(listConflicts(A.store)[0]).toMatchObject({
      entityId: y,
      mine: { deleted: true },
      theirs: { deleted: false, note: '날짜 확인함' },
    })
  })

  it('lets a deletion win over a side that did not change the claim', async () => {
    deleteClaim(A.store, z, A.name)
    deleteClaim(B.store, y, B.name)
    expect(await B.receive(A)).toMatchObject({ deleted: 1, conflicts: 0 })
    expect(await A.receive(B)).toMatchObject({ deleted: 1, conflicts: 0 })
    for (const r of [A, B]) {
      expect(listClaims(r.store).map((c) => c.id)).toEqual([x])
      expect(r.row(z)).toMatchObject({ deleted: 1 })
      expect(r.row(y)).toMatchObject({ deleted: 1 })
    }
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
  })

  it('merges sources by their own ids: a new source and a note edit are not a conflict', async () => {
    const s2 = addSource(A.store, y, sourceFields('https://example.org/press', '발표'), A.name)
    updateClaim(B.store, y, { note: '5월 26일 발표' }, B.name)
    expect(await B.receive(A)).toMatchObject({ conflicts: 0, sourcesAdded: 1 })
    expect(await A.receive(B)).toMatchObject({ conflicts: 0, updated: 1 })
    for (const r of [A, B])
      expect(r.claim(y)).toMatchObject({
        note: '5월 26일 발표',
        sources: [{ id: s2.id, url: 'https://example.org/press' }],
      })
    expect(sharedState(A.store)).toEqual(sharedState(B.store))
  })

  it('keeps both sides of a source edited on both sides; the user picks one', async () => {
    updateSource(A.store, s1, sourceFields('https://openai.com/ko', 'A 제목'), A.name)
    updateSource(B.store, s1, sourceFields('https://openai.com/ko', 'B 제목'), B.name)
    expect(await B.receive(A)).toMatchObject({ conflicts: 1, sourcesUpdated: 0 })
    const [conflict] = listConflicts(B.store)
    expect(conflict).toMatchObject({
      entity: 'source',
      entityId: s1,
      claimId: x,
      mine: { title: 'B 제목' },
      theirs: { title: 'A 제목' },
    })
    expect(B.claim(x).hasConflict).toBe(true)
    resolveConflict(B.store, conflict.id, { all: 'theirs' }, B.name)
    expect(getSource(B.store, s1).title).toBe('A 제목')
    expect(await A.receive(B)).toMatchObject({ conflicts: 0, sourcesUpdated: 1 })
    // A source edit only touches its claim's modified/modified_by in the file where it was made.
    const omit = { claim: ['document_id', 'modified', 'modified_by'] }
    const tables = ['claim', 'source', 'version_seen']
    expect(dump(A.store, tables, omit)).toEqual(dump(B.store, tables, omit))
  })

  it('changes nothing when the same file is imported twice, and logs both imports', async () => {
    createClaim(A.store, anchorOf(A.store, '오픈AI가 서울을 선택한 것'), A.name)
    updateClaim(A.store, x, { verdict: 'mostly-true' }, A.name)
    deleteClaim(A.store, z, A.name)
    addSource(A.store, y, sourceFields('https://example.org/a'), A.name)
    updateClaim(A.store, y, { note: 'A' }, A.name)
    updateClaim(B.store, y, { note: 'B' }, B.name)
    const file = A.file()
    const first = await B.receive(file, 'a.factdesk.json')
    expect(first).toMatchObject({ added: 1, updated: 1, deleted: 1, conflicts: 1, sourcesAdded: 1 })
    const after = content(B)
    const logged = listImports(B.store).length
    const second = await B.receive(file, 'a.factdesk.json')
    expect(second).toMatchObject({ added: 0, updated: 0, deleted: 0, sourcesAdded: 0, sourcesUpdated: 0 })
    expect(content(B)).toEqual(after)
    const log = listImports(B.store)
    expect(log).toHaveLength(logged + 1)
    expect(log.filter((r) => r.fileName === 'a.factdesk.json')).toHaveLength(2)
    for (const r of log.filter((r) => r.fileName === 'a.factdesk.json')) {
      expect(r).toMatchObject({ importer: B.name, format: 'bundle' })
    }
    expect(log.map((r) => r.summary)).toEqual(expect.arrayContaining([first, second]))
  })

  it('lands all of a file or none of it', async () => {
    updateClaim(A.store, x, { note: 'A 메모' }, A.name)
    createClaim(A.store, anchorOf(A.store, '오픈AI가 서울을 선택한 것'), A.name)
    addSource(A.store, y, sourceFields('https://example.org/a'), A.name)
    const before = dump(B.store)
    // The disk fails while the sources are written, after the claims were.
    B.store.db.exec(`CREATE TEMP TRIGGER fail BEFORE INSERT ON source BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`)
    await expect(B.receive(A)).rejects.toThrow(/disk I\/O error/)
    expect(dump(B.store)).toEqual(before)
    B.store.db.exec(`DROP TRIGGER fail`)
    expect(await B.receive(A)).toMatchObject({ added: 1, updated: 1, sourcesAdded: 1 })
  })

  it('gives the same result whichever file is merged first when nothing conflicts', async () => {
    const D = new Reviewer('최독자', bundledEssay())
    try {
      await D.receive(base)
      updateClaim(A.store, x, { note: 'A 메모' }, A.name)
      createClaim(A.store, anchorOf(A.store, '오픈AI가 서울을 선택한 것'), A.name)
      deleteClaim(A.store, z, A.name)
      addSource(A.store, y, sourceFields('https://example.org/a'), A.name)
      updateClaim(B.store, y, { verdict: 'true', status: 'in-review' }, B.name)
      createClaim(B.store, anchorOf(B.store, '풀스택 AI 생태계'), B.name)
      updateSource(B.store, s1, sourceFields('https://openai.com/ko-kr', '바뀜'), B.name)
      const [fileA, fileB] = [A.file(), B.file()]
      await C.receive(fileA)
      await C.receive(fileB)
      await D.receive(fileB)
      await D.receive(fileA)
      const omit = { claim: ['document_id'] }
      expect(dump(C.store, CONTENT_TABLES, omit)).toEqual(dump(D.store, CONTENT_TABLES, omit))
      expect(dump(C.store, ['conflict'])).toEqual({ conflict: [] })
      expect(C.claim(y)).toMatchObject({ verdict: 'true', sources: [{ url: 'https://example.org/a' }] })
      expect(getSource(C.store, s1).title).toBe('바뀜')
    } finally {
      D.close()
    }
  })

  it('keeps every claim with its author', async () => {
    const w = createClaim(B.store, anchorOf(B.store, '오픈AI가 서울을 선택한 것'), B.name)
    updateClaim(B.store, x, { note: 'B가 고침' }, B.name)
    await A.receive(B)
    await C.receive(A)
    for (const r of [A, C]) {
      expect(r.claim(x)).toMatchObject({ author: A.name, modifiedBy: B.name, note: 'B가 고침' })
      expect(r.claim(w.id)).toMatchObject({ author: B.name, created: w.created })
      expect(r.claim(y).author).toBe(A.name)
    }
    // A file that says someone else wrote a claim does not change who did.
    updateClaim(A.store, y, { note: 'A가 고침' }, A.name)
    const bundle = A.bundle()
    const forged = { ...bundle, claims: bundle.claims.map((c) => (c.id === y ? { ...c, author: '다른 사람' } : c)) }
    expect(await B.receive(Buffer.from(JSON.stringify(forged)))).toMatchObject({ updated: 1 })
    expect(B.claim(y)).toMatchObject({ author: A.name, note: 'A가 고침' })
  })

  it('does not call identical edits made on both sides a conflict', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: '같은 결론' }, A.name)
    updateClaim(B.store, x, { verdict: 'false', note: '같은 결론' }, B.name)
    deleteClaim(A.store, z, A.name)
    deleteClaim(B.store, z, B.name)
    expect(await B.receive(A)).toMatchObject({ conflicts: 0 })
    expect(await A.receive(B)).toMatchObject({ conflicts: 0 })
    expect(listConflicts(A.store)).toEqual([])
    expect(listConflicts(B.store)).toEqual([])
    // The next edit on either side descends from both and is taken without a conflict.
    updateClaim(A.store, x, { note: '더 확인함' }, A.name)
    expect(await B.receive(A)).toMatchObject({ conflicts: 0, updated: 1 })
    expect(B.claim(x).note).toBe('더 확인함')
  })
})

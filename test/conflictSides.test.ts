import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listConflicts, resolveConflict } from '../src/core/exchange/conflicts'
import { claimHistory } from '../src/core/review/history'
import { describeEvent } from '../src/shared/historyText'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, Reviewer, sourceFields } from './helpers/exchange'
import { addSource, createClaim, updateClaim, updateSource } from '../src/core/claims/commands'

let dir: TempDir
let A: Reviewer, B: Reviewer
let x: string
beforeEach(async () => {
  dir = tempDir()
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay, dir.file('a.factdesk'))
  B = new Reviewer('이팩트', essay, dir.file('b.factdesk'))
  x = createClaim(A.store, anchorOf(A.store, '챗GPT 유료 가입자 수 2위'), A.name).id
  updateClaim(A.store, x, { verdict: 'half-true', status: 'in-review', note: '함께 본 판본' }, A.name)
  await B.receive(A)
})
afterEach(() => {
  A.close()
  B.close()
  dir.remove()
})

describe('a conflict shows whose is whose', () => {
  it('names each side’s author and time, and the version both started from', async () => {
    updateClaim(A.store, x, { verdict: 'false', note: 'A: 2위가 아니다' }, A.name)
    updateClaim(B.store, x, { verdict: 'true', note: 'B: 통계로 확인' }, B.name)
    await B.receive(A, 'a.factdesk.json')
    const [conflict] = listConflicts(B.store)
    expect(conflict.mine).toMatchObject({ verdict: 'true', modifiedBy: '이팩트', modified: B.claim(x).modified })
    expect(conflict.theirs).toMatchObject({ verdict: 'false', modifiedBy: '김기자', modified: A.claim(x).modified })
    expect(conflict.base).toMatchObject({
      verdict: 'half-true',
      status: 'in-review',
      note: '함께 본 판본',
      deleted: false,
      modifiedBy: '김기자',
    })

    resolveConflict(B.store, conflict.id, { fields: { verdict: 'theirs', note: 'mine' } }, B.name)
    const [entry] = claimHistory(B.store, x)
    expect(entry.detail).toMatchObject({
      choice: 'mixed',
      verdict: 'theirs',
      verdictValue: 'false',
      note: 'mine',
      noteValue: 'B: 통계로 확인',
    })
    // The status was the same on both sides: no choice to report.
    expect(entry.detail).not.toHaveProperty('status')
    expect(describeEvent(entry, 'en')).toBe(
      '이팩트 resolved a conflict with a.factdesk.json, choosing field by field: verdict: imported (False); note: this review’s (“B: 통계로 확인”).',
    )
    expect(describeEvent(entry, 'ko')).toBe(
      '이팩트 님이 충돌을 해결했습니다 (a.factdesk.json, 항목별로 선택): 판정 — 가져온 것(전혀 사실 아님), 메모 — 내 것(‘B: 통계로 확인’).',
    )
  })

  it('says the starting version is not known when the review no longer has its values', async () => {
    updateClaim(A.store, x, { note: 'A' }, A.name)
    updateClaim(B.store, x, { note: 'B' }, B.name)
    // As in a file written before versions' values were kept: the shared version is known by id only.
    B.store.db.prepare(`DELETE FROM version_value`).run()
    await B.receive(A)
    expect(listConflicts(B.store)[0].base).toBeNull()
  })

  it('shows a source conflict’s base and records the whole choice', async () => {
    const s = addSource(A.store, x, sourceFields('https://openai.com/ko', '처음 제목'), A.name)
    await B.receive(A)
    updateSource(A.store, s.id, sourceFields('https://openai.com/ko', 'A 제목'), A.name)
    updateSource(B.store, s.id, sourceFields('https://openai.com/ko', 'B 제목'), B.name)
    await B.receive(A, 'a.factdesk.json')
    const [conflict] = listConflicts(B.store)
    expect(conflict).toMatchObject({
      entity: 'source',
      base: { title: '처음 제목' },
      mine: { title: 'B 제목' },
      theirs: { title: 'A 제목' },
    })
    resolveConflict(B.store, conflict.id, { all: 'theirs' }, B.name)
    const [entry] = claimHistory(B.store, x)
    expect(describeEvent(entry, 'en')).toBe(
      '이팩트 resolved a conflict over a source with a.factdesk.json, taking the imported version: title: imported (“A 제목”).',
    )
  })
})

import { afterEach, beforeEach, expect, it } from 'vitest'
import { createClaim } from '../src/core/claims/commands'
import { bundledEssay } from './helpers/essay'
import { anchorOf, bytesOf, Reviewer } from './helpers/exchange'

/**
 * A merge writes a file's claims in the order of their ids (./src/core/exchange/merge.ts `byId`); the
 * reviewer still reads the summary's lists in the order the file has them.
 */

const QUOTES = ['오픈AI가 서울을 선택한', '세계적으로 가장 강력한', '글로벌 반도체 강자', '오픈AI가 서울을 선택한 것은']

let A: Reviewer, B: Reviewer
beforeEach(() => {
  A = new Reviewer('김기자', bundledEssay())
  B = new Reviewer('박편집', bundledEssay())
})
afterEach(() => {
  A.close()
  B.close()
})

it('lists the claims it could not place in the order of the file, not of their ids', async () => {
  for (const quote of QUOTES) createClaim(A.store, anchorOf(A.store, quote), A.name)
  const bundle = A.bundle()
  // Ids that sort against the file's order, on words no essay has: each must be found, and is not.
  const ids = ['ffffffff', 'aaaaaaaa', 'eeeeeeee', 'bbbbbbbb'].map((h) => `${h}-0000-4000-8000-000000000000`)
  bundle.claims = bundle.claims.map((c, i) => ({
    ...c,
    id: ids[i],
    exact: `어디에도 없는 문장 ${i + 1}번째`,
    anchored: false,
  }))
  // Their history names the claims by their ids before.
  bundle.events = []
  const summary = await B.receive(bytesOf(bundle), 'lost.factdesk.json')
  expect(summary.added).toBe(4)
  expect(summary.unanchored.map((c) => c.id)).toEqual(ids)
  for (const id of ids) expect(B.row(id)).toMatchObject({ anchored: 0 })
})

import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createClaim } from '../src/core/claims/commands'
import { bundledEssay } from './helpers/essay'
import { anchorOf, bytesOf, Reviewer } from './helpers/exchange'

/**
 * A merge writes a file's claims in the order of their ids (./src/core/exchange/merge.ts `byId`) when
 * none is looked for on the essay, else in the file's; the reviewer reads the summary's lists in the
 * order the file has them either way.
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

/** Ids that sort against the order the file has them in. */
const IDS = ['ffffffff', 'aaaaaaaa', 'eeeeeeee', 'bbbbbbbb'].map((h) => `${h}-0000-4000-8000-000000000000`)

/** B's claims in the order their rows were written. */
const written = () => B.store.db.prepare(`SELECT id FROM claim ORDER BY rowid`).pluck().all() as string[]

/** A's bundle of a claim on each quote, its claims given IDS, in that order. */
function bundleWithIds() {
  for (const quote of QUOTES) createClaim(A.store, anchorOf(A.store, quote), A.name)
  const bundle = A.bundle()
  bundle.claims = bundle.claims.map((c, i) => ({ ...c, id: IDS[i] }))
  // Their history names the claims by their ids before.
  bundle.events = []
  return bundle
}

it('lists the claims whose words a newer version changed in the order of the file, not of their ids', async () => {
  const first = bundleWithIds()
  expect((await B.receive(bytesOf(first), 'a.factdesk.json')).added).toBe(4)
  // Placed where the file has them: written in the order of their ids.
  expect(written()).toEqual([...IDS].sort())
  // A's newer version of each claim marks the words of the next one.
  const later = new Date(Date.now() + 60_000).toISOString()
  const moved = first.claims.map((c, i) => {
    const next = first.claims[(i + 1) % first.claims.length]
    const version = randomUUID()
    const { start, end, exact, prefix, suffix } = next
    return { ...c, start, end, exact, prefix, suffix, version, history: [...c.history, version], modified: later }
  })
  const summary = await B.receive(bytesOf({ ...first, claims: moved }), 'b.factdesk.json')
  expect(summary.updated).toBe(4)
  expect(summary.changedClaims!.map((c) => c.id)).toEqual(IDS)
  expect(summary.changedClaims![0]).toMatchObject({ before: first.claims[0].exact, after: first.claims[1].exact })
})

it('lists the claims it could not place in the order of the file, not of their ids', async () => {
  const bundle = bundleWithIds()
  // On words no essay has: each must be looked for, and is not found.
  bundle.claims = bundle.claims.map((c, i) => ({ ...c, exact: `어디에도 없는 문장 ${i + 1}번째`, anchored: false }))
  const summary = await B.receive(bytesOf(bundle), 'lost.factdesk.json')
  expect(summary.added).toBe(4)
  expect(summary.unanchored.map((c) => c.id)).toEqual(IDS)
  for (const id of IDS) expect(B.row(id)).toMatchObject({ anchored: 0 })
  // Looked for on the essay: written in the file's order, so the search's budget goes to its first claims.
  expect(written()).toEqual(IDS)
})

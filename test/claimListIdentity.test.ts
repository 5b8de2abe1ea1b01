import { expect, it } from 'vitest'
import { contentDigest } from '../src/renderer/src/state/useClaimQuery'
import { claimsQuery, createDeskClient, keys, shareClaims } from '../src/renderer/src/state/queryClient'
import { upsertClaim } from '../src/renderer/src/state/claimCache'
import { createClaim } from '../src/core/claims/commands'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import type { Claim } from '../src/shared/domain'
import { bundledEssay } from './helpers/essay'
import { anchorOf } from './helpers/exchange'

/** Claims of the bundled essay as the service lists them (the first two, then `more`). */
function claims(more: string[] = []): Claim[] {
  const store = openReview(':memory:', bundledEssay())
  try {
    createClaim(store, anchorOf(store, '챗GPT 유료 가입자 수 2위'), '검토자')
    createClaim(store, anchorOf(store, '서울'), '검토자')
    for (const quote of more) createClaim(store, anchorOf(store, quote), '검토자')
    return listClaims(store)
  } finally {
    store.close()
  }
}

it('the search key of the claims changes with what a search reads, not with positions', () => {
  const list = claims()
  const digest = contentDigest(list)
  expect(contentDigest(claims().map((c, i) => ({ ...c, id: list[i].id, modified: list[i].modified })))).toBe(digest)
  // Typing above the claims moves them: the same question has the same answer.
  expect(contentDigest(list.map((c) => ({ ...c, start: c.start + 3, end: c.end + 3 })))).toBe(digest)

  const changed = (patch: Partial<Claim>, at = 1): string =>
    contentDigest(list.map((c, i) => (i === at ? { ...c, ...patch } : c)))
  const others = [
    changed({ modified: '2030-01-01T00:00:00.000Z' }),
    changed({ anchored: false }),
    changed({ exact: list[1].exact + '다' }),
    changed({ tags: ['통계'] }),
    changed({ tags: ['통', '계'] }),
    changed({ replies: [{ ...({} as Claim['replies'][number]), version: 'v1' }] }),
    changed({ assignee: '김기자' }),
    changed({ signedOff: { by: '편집장', at: '2030-01-01T00:00:00.000Z', verdict: 'true' } as Claim['signedOff'] }),
    changed({ id: 'another' }, 0),
    contentDigest(list.slice(1)),
    contentDigest([...list].reverse()),
  ]
  expect(new Set([digest, ...others]).size).toBe(others.length + 1)
  // One field's end never runs into the next one's start.
  expect(changed({ exact: list[1].exact.slice(0, -1), assignee: list[1].exact.slice(-1) })).not.toBe(digest)
})

it('a claim marked near the top leaves every other claim object of the list as it was', async () => {
  const list = claims(['삼성전자', '반도체'])
  const [first, ...rest] = list
  const client = createDeskClient()
  await client.prefetchQuery({ ...claimsQuery(client), queryFn: () => rest })
  const before = client.getQueryData<Claim[]>(keys.claims)!
  upsertClaim(client, first)
  const after = client.getQueryData<Claim[]>(keys.claims)!
  expect(after.map((c) => c.id)).toEqual(list.map((c) => c.id))
  for (const c of before) expect(after.find((a) => a.id === c.id)).toBe(c)

  // A list the service answers again: equal claims stay the same objects, a changed one is new.
  const answered = structuredClone(after)
  answered[2] = { ...answered[2], note: '확인 필요' }
  const shared = shareClaims(after, answered)
  shared.forEach((c, i) => (i === 2 ? expect(c).not.toBe(after[i]) : expect(c).toBe(after[i])))
  expect(shared[2].note).toBe('확인 필요')
  expect(shareClaims(after, structuredClone(after))).toBe(after)
})

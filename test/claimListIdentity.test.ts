import { expect, it } from 'vitest'
import { contentDigest } from '../src/renderer/src/state/claimDigest'
import { claimsQuery, createDeskClient, keys, shareClaims } from '../src/renderer/src/state/queryClient'
import {
  applyQueuedMoves,
  moveClaims,
  onClaimsContent,
  patchClaims,
  queueMove,
  upsertClaim,
} from '../src/renderer/src/state/claimCache'
import { cpSlice } from '../src/shared/text'
import { createClaim } from '../src/core/claims/commands'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import type { Claim } from '../src/shared/domain'
import { bundledEssay } from './helpers/essay'
import { essayText } from '../src/shared/essay'
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

it('claims an edit moved keep their search hashes: the moved claims are not hashed again', async () => {
  const list = claims(['삼성전자', '반도체'])
  const client = createDeskClient()
  await client.prefetchQuery({ ...claimsQuery(client), queryFn: () => list })
  const digest = contentDigest(list)
  // Three characters typed at the essay's start: every claim moves, its words stay.
  const typed = '가나다' + essayText(bundledEssay().blocks)
  moveClaims(
    client,
    (c) => ({ start: c.start + 3, end: c.end + 3 }),
    () => typed,
  )
  // The list as the page reads it: the cache shares what it can of the old claims (shareClaims).
  const moved = client.getQueryData<Claim[]>(keys.claims)!
  moved.forEach((c, i) => {
    expect(c).not.toBe(list[i])
    expect([c.start, c.exact]).toEqual([list[i].start + 3, list[i].exact])
  })
  // Were a moved claim hashed again, a field changed behind the list's back would show in the digest.
  for (const c of moved) (c as { assignee: string }).assignee = '숨은 변경'
  expect(contentDigest(moved)).toBe(digest)
  // A claim whose words an edit changed is hashed again.
  moveClaims(
    client,
    (c) => ({ start: c.start - 3, end: c.end - 3 }),
    () => typed,
  )
  expect(contentDigest(client.getQueryData<Claim[]>(keys.claims)!)).not.toBe(digest)
})

it('an essay save’s answer replaces only the claims it names, and after newer edits keeps the list’s positions', async () => {
  const list = claims(['삼성전자', '반도체'])
  const [a, b, c, d] = list
  const client = createDeskClient()
  const load = () => client.prefetchQuery({ ...claimsQuery(client), queryFn: () => list.slice(0, 3) })
  await load()
  const held = () => client.getQueryData<Claim[]>(keys.claims)!
  const before = held()

  // No edit since the save was sent: the answer's claims are taken whole, one the page lacked joins.
  patchClaims(client, [{ ...b, textChanged: true }, d], true)
  expect(held().map((x) => x.id)).toEqual([...list].sort((x, y) => x.start - y.start).map((x) => x.id))
  expect(held().find((x) => x.id === b.id)?.textChanged).toBe(true)
  for (const x of [a, c]) expect(held().find((y) => y.id === x.id)).toBe(before.find((y) => y.id === x.id))

  // Newer edits moved the list's claims since: a claim both have placed keeps the list's range and
  // words and takes the rest; one the answer lost is unplaced; one the list lacks waits.
  client.clear()
  await load()
  moveClaims(
    client,
    (x) => ({ start: x.start + 3, end: x.end + 3 }),
    () => '가나다' + essayText(bundledEssay().blocks),
  )
  patchClaims(client, [{ ...a, note: '다시 확인', textChanged: true }, { ...b, anchored: false }, d], false)
  const now = held()
  expect(new Set(now.map((x) => x.id))).toEqual(new Set([a.id, b.id, c.id]))
  expect(now.find((x) => x.id === a.id)).toMatchObject({
    start: a.start + 3,
    end: a.end + 3,
    exact: a.exact,
    note: '다시 확인',
    textChanged: true,
  })
  expect(now.find((x) => x.id === b.id)?.anchored).toBe(false)
  expect(now.find((x) => x.id === c.id)?.start).toBe(c.start + 3)
})

it('what follows the claims’ content hears a reply or an assignment, not a move by typing', async () => {
  const list = claims(['삼성전자'])
  const client = createDeskClient()
  await client.prefetchQuery({ ...claimsQuery(client), queryFn: () => list })
  let heard = 0
  const off = onClaimsContent(client, () => heard++)
  moveClaims(
    client,
    (x) => ({ start: x.start + 3, end: x.end + 3 }),
    () => '가나다' + essayText(bundledEssay().blocks),
  )
  expect(heard).toBe(0)
  const [first] = client.getQueryData<Claim[]>(keys.claims)!
  upsertClaim(client, { ...first, assignee: '이팩트' })
  expect(heard).toBe(1)
  upsertClaim(client, {
    ...first,
    assignee: '이팩트',
    replies: [{ ...({} as Claim['replies'][number]), version: 'r1' }],
  })
  expect(heard).toBe(2)
  off()
  upsertClaim(client, { ...first, assignee: '' })
  expect(heard).toBe(2)
})

it('a pause reads the essay’s text only when an edit reached into a claim', async () => {
  const list = claims(['삼성전자', '반도체'])
  const client = createDeskClient()
  await client.prefetchQuery({ ...claimsQuery(client), queryFn: () => list })
  const essay = '가나다' + essayText(bundledEssay().blocks)
  let reads = 0
  const text = (t: string) => () => (reads++, t)
  // Three characters typed at the essay's start, at or before every claim: all move, their words unread.
  queueMove(client, { start: 0, oldEnd: 0, newEnd: 3 }, text(essay))
  const moved = applyQueuedMoves(client)
  expect(reads).toBe(0)
  moved.forEach((c, i) => expect([c.start, c.exact]).toEqual([list[i].start + 3, list[i].exact]))
  // A character typed inside one claim: its words are read from the text, once for the whole list.
  const inside = moved.find((c) => c.exact === '삼성전자')!
  const at = inside.start + 2
  const typed = cpSlice(essay, 0, at) + '·' + cpSlice(essay, at)
  queueMove(client, { start: at, oldEnd: at, newEnd: at + 1 }, text(typed))
  const after = applyQueuedMoves(client)
  expect(reads).toBe(1)
  expect(after.find((c) => c.id === inside.id)).toMatchObject({ exact: '삼성·전자', end: inside.end + 1 })
})

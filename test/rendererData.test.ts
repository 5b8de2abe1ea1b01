import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDesk } from './helpers/service'
import { installBridge, removeBridge } from './helpers/bridge'
import type { Service } from '../src/core/registry'
import type { ReviewSession } from '../src/core/review/session'
import { call, watchWrites } from '../src/renderer/src/bridge'
import {
  applyQueuedMoves,
  changeClaim,
  currentClaims,
  moveClaims,
  queueMove,
  upsertClaim,
} from '../src/renderer/src/state/claimCache'
import { cpSlice } from '../src/shared/text'
import { mapRange } from '../src/shared/textDiff'
import {
  claimsQuery,
  createDeskClient,
  queries,
  subscribeErrors,
  unsavedEdits,
} from '../src/renderer/src/state/queryClient'
import { shortcutCommand } from '../src/renderer/src/app/deskCommands'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf } from './helpers/exchange'
import { openReview } from '../src/core/review/open'
import { readDocument } from '../src/core/document/queries'
import { getClaim } from '../src/core/claims/queries'
import { createClaim } from '../src/core/claims/commands'

/** The renderer's data layer against the real service, reached as the page reaches it (window.factdesk). */
let dir: TempDir
let session: ReviewSession
let service: Service
beforeEach(() => {
  dir = tempDir()
  const desk = openDesk(openReview(':memory:', bundledEssay()), { defaultScale: 'snu' }, dir.file('prefs.json'))
  session = desk.session
  service = desk.service
  installBridge(() => service)
})
afterEach(() => {
  watchWrites(null)
  removeBridge()
  session.close()
  dir.remove()
})

const mark = (quote: string) => createClaim(session.store, anchorOf(session.store, quote), '김기자')

it('lays a verdict not yet confirmed over every claims list the service answers', async () => {
  const claim = mark('챗GPT 유료 가입자 수 2위')
  const client = createDeskClient()
  unsavedEdits(client).set(claim.id, { verdict: 'false' })
  const [shown] = await client.fetchQuery(claimsQuery(client))
  expect(shown.verdict).toBe('false')
  expect(getClaim(session.store, claim.id).verdict).toBe('unrated')
})

it('keeps the claims in essay order, and an edit elsewhere leaves a claim the same object', async () => {
  const later = mark('챗GPT 유료 가입자 수 2위')
  const client = createDeskClient()
  await client.fetchQuery(claimsQuery(client))
  const earlier = createClaim(
    session.store,
    anchorOf(session.store, readDocument(session.store).text.slice(0, 5)),
    '김기자',
  )
  upsertClaim(client, earlier)
  expect(currentClaims(client).map((c) => c.id)).toEqual([earlier.id, later.id])
  const untouched = currentClaims(client)[1]
  // An edit inside the first claim's words: only that claim moves.
  const text = readDocument(session.store).text
  const moved = moveClaims(
    client,
    (c) => (c.id === earlier.id ? { start: c.start, end: c.end + 1 } : { start: c.start, end: c.end }),
    () => text,
  )
  expect(moved[1]).toBe(untouched)
  expect(moved[0].end).toBe(earlier.end + 1)
})

it('queues the moves of typed keys without touching the list, then moves the claims as key by key would', async () => {
  const first = mark('챗GPT 유료 가입자 수 2위')
  const client = createDeskClient()
  await client.fetchQuery(claimsQuery(client))
  const listed = client.getQueryData(claimsQuery(client).queryKey)!
  const claim = listed[0]
  const before = readDocument(session.store).text
  // Three keys: one typed before the claim, one inside its words, one deleting the character before it.
  const edits = [
    { at: 0, remove: 0, insert: 'a' },
    { at: claim.start + 3, remove: 0, insert: 'xy' },
    { at: claim.start, remove: 1, insert: '' },
  ]
  let text = before
  for (const { at, remove, insert } of edits) {
    text = text.slice(0, at) + insert + text.slice(at + remove)
    const region = { start: at, oldEnd: at + remove, newEnd: at + insert.length }
    const now = text
    queueMove(client, region, () => now)
    // Nothing re-renders on a key: the list is the same object until the moves are applied.
    expect(client.getQueryData(claimsQuery(client).queryKey)).toBe(listed)
  }
  // The same moves applied one at a time, as each key did before.
  let expected: { start: number; end: number } | null = claim
  text = before
  for (const { at, remove, insert } of edits) {
    text = text.slice(0, at) + insert + text.slice(at + remove)
    expected = expected && mapRange(expected, { start: at, oldEnd: at + remove, newEnd: at + insert.length })
  }
  const moves = currentClaims(client)
  const [moved] = moves
  expect(moved.id).toBe(first.id)
  expect({ start: moved.start, end: moved.end }).toEqual(expected)
  expect(moved.exact).toBe(cpSlice(text, moved.start, moved.end))
  expect(moved.exact).toContain('xy')
  // Applied once: reading again moves nothing further.
  expect(currentClaims(client)).toBe(client.getQueryData(claimsQuery(client).queryKey))
  expect(currentClaims(client)[0]).toEqual(moved)
  // A correction puts its claim where its new words are, whatever the edit did to its old range.
  queueMove(client, { start: 0, oldEnd: 1, newEnd: 0 }, () => text.slice(1))
  const [pinned] = applyQueuedMoves(client, { id: moved.id, start: 2, end: 9 })
  expect({ start: pinned.start, end: pinned.end }).toEqual({ start: 2, end: 9 })
})

it('reports a refused change once, in one place, and leaves the list as it was', async () => {
  const claim = mark('챗GPT 유료 가입자 수 2위')
  const client = createDeskClient()
  await client.fetchQuery(claimsQuery(client))
  const reported: unknown[] = []
  const off = subscribeErrors(client, (err) => reported.push(err))
  expect(
    await changeClaim(client, (a) => call('source-add', a), {
      claimId: claim.id,
      source: { url: 'javascript:alert(1)' },
    }),
  ).toBe(false)
  expect(await changeClaim(client, (a) => call('tag-add', a), { claimId: claim.id, name: '경제' })).toBe(true)
  await new Promise((resolve) => setTimeout(resolve, 10))
  expect(reported).toHaveLength(1)
  expect(currentClaims(client)[0].tags).toEqual(['경제'])
  expect(currentClaims(client)[0].sources).toEqual([])
  // A quiet read (the read-only state) fails without a notice.
  session.close()
  await client.fetchQuery(queries.info).catch(() => undefined)
  await new Promise((resolve) => setTimeout(resolve, 10))
  expect(reported).toHaveLength(1)
  off()
})

it('counts only the calls the contract does not list as reads as saves', async () => {
  const watched: string[] = []
  let last = ''
  watchWrites(() => watched.push(last))
  // Stopping an import that is not running changes nothing either (the contract lists it with the reads).
  for (const method of ['prefs-get', 'claims-list', 'tags-list', 'edits-saved', 'import-cancel'] as const) {
    last = method
    await call(method, {})
  }
  last = 'claim-create'
  await call('claim-create', { anchor: anchorOf(session.store, '챗GPT 유료 가입자 수 2위') })
  expect(watched).toEqual(['claim-create'])
})

it('turns the page shortcuts into the menu commands they stand for', () => {
  // No DOM here: no key is pressed inside a text field or a dialog.
  const g = globalThis as Record<string, unknown>
  g.Element = g.HTMLElement = class {}
  const key = (init: Partial<KeyboardEvent>) =>
    ({
      key: '',
      code: '',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      target: null,
      isComposing: false,
      ...init,
    }) as KeyboardEvent
  expect(shortcutCommand(key({ key: 'M', ctrlKey: true, shiftKey: true }), false)).toBe('mark-claim')
  expect(shortcutCommand(key({ key: 'z', metaKey: true }), true)).toBe('undo-claim')
  // With the Korean layout on, E types 'ㄷ': the physical key counts.
  expect(shortcutCommand(key({ key: 'ㄷ', code: 'KeyE', ctrlKey: true, shiftKey: true }), false)).toBe(
    'toggle-edit-mode',
  )
  expect(shortcutCommand(key({ key: 'E', ctrlKey: true, metaKey: true, shiftKey: true }), false)).toBeNull()
  expect(shortcutCommand(key({ key: 'e', ctrlKey: true, shiftKey: true, isComposing: true }), false)).toBeNull()
  expect(shortcutCommand(key({ key: 'z', ctrlKey: true, shiftKey: true }), false)).toBeNull()
  delete g.Element
  delete g.HTMLElement
})

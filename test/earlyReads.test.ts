import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { ReviewSession } from '../src/core/review/session'
import { claimsQuery, createDeskClient, queries } from '../src/renderer/src/state/queryClient'
import { createClaim } from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf } from './helpers/exchange'
import { openDesk } from './helpers/service'
import { installBridge, removeBridge } from './helpers/bridge'

/** The page's first reads, asked by early.ts before the app's other modules run, then taken by the queries. */
let dir: TempDir
let session: ReviewSession
let asked: string[]
beforeEach(() => {
  dir = tempDir()
  const desk = openDesk(openReview(':memory:', bundledEssay()), { defaultScale: 'snu' }, dir.file('prefs.json'))
  session = desk.session
  asked = []
  installBridge(
    () => desk.service,
    (method) => asked.push(method),
  )
})
afterEach(() => {
  removeBridge()
  session.close()
  dir.remove()
})

/** Evaluates early.ts as the page does, once per test (a fresh copy of the module each time). */
const runEarlyScript = async (): Promise<void> => {
  vi.resetModules()
  await import('../src/renderer/src/early')
}

it('the essay, its claims, the preferences and the scale are asked before the app runs, and taken once', async () => {
  await runEarlyScript()
  expect(asked).toEqual(['prefs-get', 'scale-get', 'document-desk', 'claims-desk'])
  // A claim marked after the early read: the app's first read is that answer, not a call of its own.
  createClaim(session.store, anchorOf(session.store, '챗GPT 유료 가입자 수 2위'), '김기자')
  const client = createDeskClient()
  expect(await client.fetchQuery(claimsQuery(client))).toEqual([])
  expect((await client.fetchQuery(queries.document)).blocks.length).toBeGreaterThan(10)
  expect((await client.fetchQuery(queries.prefs)).reviewerName).toBeDefined()
  await client.fetchQuery(queries.scale)
  expect(asked).toHaveLength(4)
  // Read again (an import, another window's change): a call of its own, answering what is there now.
  await client.invalidateQueries({ queryKey: claimsQuery(client).queryKey })
  expect(await client.fetchQuery(claimsQuery(client))).toHaveLength(1)
  expect(asked.slice(4)).toEqual(['claims-desk'])
})

it('a page without the bridge asks nothing early', async () => {
  const page: { __factdeskEarly?: unknown } = {}
  ;(globalThis as { window?: unknown }).window = page
  await runEarlyScript()
  expect(page.__factdeskEarly).toBeUndefined()
  expect(asked).toEqual([])
})

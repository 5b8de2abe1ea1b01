import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../src/core/sync/server'
import { listConflicts } from '../src/core/exchange/conflicts'
import { describeRange } from '../src/shared/text'
import { tempDir, type TempDir } from './helpers/essay'
import { comparable, openDesk, recordKeys, reviewFiles, until, type Desk } from './helpers/sync'
import { readDocument } from '../src/core/document/queries'
import { createClaim, updateClaim } from '../src/core/claims/commands'
import { getClaim } from '../src/core/claims/queries'

/**
 * Ten desks making 1,000 changes each through one team server, all in this process (so one core does
 * the work of eleven machines). The desks commit with synchronous = NORMAL: this test is about the
 * merge and the links, and in one process ten desks' disk flushes would be most of its time;
 * `npm run bench -- --sync` measures the same with every commit flushed. FACTDESK_SYNC_CHANGES sets
 * the changes per desk.
 */
const DESKS = 10
const PER_DESK = Number(process.env.FACTDESK_SYNC_CHANGES ?? 1000)

let dir: TempDir
let server: SyncServer
const desks: Desk[] = []

beforeAll(async () => {
  dir = tempDir('factdesk-sync-many-')
  server = await startSyncServer({ port: 0, dataDir: dir.file('server') })
})
afterAll(async () => {
  for (const d of desks.splice(0)) d.close()
  await server.close()
  dir.remove()
})

const count = (d: Desk) => d.store().db.prepare('SELECT count(*) FROM claim').pluck().get() as number

describe('team server under load', () => {
  it(`brings ${DESKS} desks making ${PER_DESK} changes each to identical review files`, async () => {
    const token = readFileSync(server.tokenFile, 'utf8').trim()
    const names = Array.from({ length: DESKS }, (_, i) => `desk${i}`)
    const paths = names.map((n) => dir.file(`${n}.factdesk`))
    reviewFiles(paths)
    desks.push(...names.map((n, i) => openDesk(paths[i], n, dir.file(`${n}.prefs.json`), { durable: false })))
    await Promise.all(desks.map((d) => d.call('sync-connect', { url: server.url, token })))
    await until(
      async () => (await Promise.all(desks.map((d) => d.call('sync-status')))).every((s) => s.state === 'connected'),
      10000,
      'every desk connected',
    )
    const text = readDocument(desks[0].store()).text
    const latest = new Map<Desk, string>()
    const started = Date.now()
    for (let step = 0; step < PER_DESK; step++) {
      for (const [i, d] of desks.entries()) {
        // Every third change marks a claim; the others change the desk's own latest claim (verdict and note).
        const at = (i * 97 + step * 13) % 2000
        if (step % 3 === 0) latest.set(d, createClaim(d.store(), describeRange(text, at, at + 4), d.name).id)
        else
          updateClaim(
            d.store(),
            latest.get(d)!,
            { note: `${d.name} ${step}`, verdict: step % 2 ? 'true' : 'false' },
            d.name,
          )
      }
      // The links work between changes, as they do while reviewers type.
      await new Promise((r) => setTimeout(r, 2))
    }
    const made = Date.now() - started
    const claims = DESKS * Math.ceil(PER_DESK / 3)
    await until(() => desks.every((d) => count(d) === claims), 120_000, 'every claim on every desk')
    await until(
      () => desks.every((d) => recordKeys(d.store()) === recordKeys(desks[0].store())),
      120_000,
      'the same records',
    )
    const reference = comparable(desks[0].store())
    await until(() => desks.every((d) => comparable(d.store()) === reference), 30_000, 'identical review files')
    console.log(
      `${DESKS} desks × ${PER_DESK} changes: made in ${(made / 1000).toFixed(1)} s, identical review files ${((Date.now() - started - made) / 1000).toFixed(1)} s later`,
    )
    // Each desk changed only its own claims: nothing was in conflict, and each claim's last change won.
    for (const d of desks) expect(listConflicts(d.store())).toEqual([])
    const final = PER_DESK - 1
    for (const e of desks) {
      const want = final % 3 === 0 ? '' : `${e.name} ${final}`
      for (const d of desks) expect(getClaim(d.store(), latest.get(e)!).note).toBe(want)
    }
    // Nothing waits: every desk's changes are acknowledged by the server.
    await until(
      async () => (await Promise.all(desks.map((d) => d.call('sync-status')))).every((s) => s.waiting === 0),
      30_000,
      'nothing waiting',
    )
  }, 600_000)
})

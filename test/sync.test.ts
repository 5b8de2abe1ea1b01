import { spawn } from 'node:child_process'
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import * as Y from 'yjs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addReviewer, startSyncServer, type SyncServer } from '../src/core/sync/server'
import { listConflicts } from '../src/core/exchange/conflicts'
import { anchorOf } from './helpers/exchange'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { incomingFrom, localKeys, recordMap } from '../src/core/sync/records'
import { pushRecords } from '../src/core/sync/push'
import { comparable, openDesk, reviewFiles, until, type Desk } from './helpers/sync'
import { openReview } from '../src/core/review/open'
import { readDocument } from '../src/core/document/queries'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { listClaims } from '../src/core/claims/queries'
import { getClaim } from '../src/core/claims/queries'

let dir: TempDir
let server: SyncServer
let token: string
const desks: Desk[] = []

beforeEach(async () => {
  dir = tempDir('factdesk-sync-')
  server = await startSyncServer({ port: 0, dataDir: dir.file('server') })
  token = readFileSync(server.tokenFile, 'utf8').trim()
})
afterEach(async () => {
  for (const d of desks.splice(0)) d.close()
  await server.close()
  dir.remove()
})

function desks_(names: string[]): Desk[] {
  const paths = names.map((n) => dir.file(`${n}.factdesk`))
  reviewFiles(paths)
  const made = names.map((n, i) => openDesk(paths[i], n, dir.file(`${n}.prefs.json`)))
  desks.push(...made)
  return made
}

const connect = (d: Desk) => d.call('sync-connect', { url: server.url, token })
const connected = (d: Desk) =>
  until(async () => (await d.call('sync-status')).state === 'connected', 5000, `${d.name} connected`)
const claimCount = (d: Desk) => listClaims(d.store()).length

describe('team server', () => {
  it('writes the team token once, readable by its owner only, and refuses a wrong token', async () => {
    expect(server.tokenCreated).toBe(true)
    expect(statSync(server.tokenFile).mode & 0o777).toBe(0o600)
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    const [a] = desks_(['a'])
    await a.call('sync-connect', { url: server.url, token: 'not-the-token' })
    await until(async () => (await a.call('sync-status')).state === 'refused', 5000, 'refused')
    const status = await a.call('sync-status')
    expect(status.reason).toBeTruthy()
    expect(status.peers).toEqual([])
  })

  it('reads the team token from --token-file, and lets a reviewer in with their own token (kept only as a hash); the old team token no longer works', async () => {
    await server.close()
    await expect(
      startSyncServer({ port: 0, dataDir: dir.file('other'), tokenFile: dir.file('missing-token') }),
    ).rejects.toThrow(/does not exist/)
    writeFileSync(dir.file('token.txt'), 'our-newsroom-token\n')
    server = await startSyncServer({ port: 0, dataDir: dir.file('server'), tokenFile: dir.file('token.txt') })
    expect(server.tokenCreated).toBe(false)
    const own = addReviewer(dir.file('server'), '박검증')
    const reviewers = readFileSync(dir.file('server/reviewers.json'), 'utf8')
    expect(reviewers).not.toContain(own)
    expect(statSync(dir.file('server/reviewers.json')).mode & 0o777).toBe(0o600)
    const [a, b, c] = desks_(['Kim', 'Lee', 'Old'])
    await a.call('sync-connect', { url: server.url, token: 'our-newsroom-token' })
    await b.call('sync-connect', { url: server.url, token: own })
    await c.call('sync-connect', { url: server.url, token: token })
    await Promise.all([connected(a), connected(b)])
    await until(async () => (await c.call('sync-status')).state === 'refused', 5000, 'the old token refused')
  })

  it('brings an assignment and a sign-off to the other desk, and a sign-off never outlives the verdict it approved', async () => {
    const [a, b] = desks_(['Kim', 'Lee'])
    await Promise.all([connect(a), connect(b)])
    await Promise.all([connected(a), connected(b)])
    const claim = createClaim(a.store(), anchorOf(a.store(), '챗GPT 유료 가입자 수 2위'), 'Kim')
    updateClaim(a.store(), claim.id, { verdict: 'true' }, 'Kim')
    addSource(
      a.store(),
      claim.id,
      {
        url: 'https://example.org/s',
        title: '',
        publisher: '',
        published: '',
        accessed: '',
        excerpt: '',
        archiveUrl: '',
      },
      'Kim',
    )
    await a.call('claim-assign', { id: claim.id, reviewer: 'Lee' })
    await a.call('claim-sign-off', { id: claim.id })
    await until(
      () => listClaims(b.store()).some((c) => c.id === claim.id && c.signedOff !== null),
      5000,
      'the sign-off on the other desk',
    )
    expect(getClaim(b.store(), claim.id)).toMatchObject({ assignee: 'Lee', signedOff: { by: 'Kim' } })
    // Lee changes the verdict: Kim's desk keeps the record of the sign-off but not the approval.
    updateClaim(b.store(), claim.id, { verdict: 'false' }, 'Lee')
    await until(() => getClaim(a.store(), claim.id).verdict === 'false', 5000, 'the new verdict on the first desk')
    expect(getClaim(a.store(), claim.id).signedOff).toBeNull()
  })

  it('shows a claim marked on one desk on the other within a second, with who has which claim open', async () => {
    const [a, b] = desks_(['Kim', 'Lee'])
    await Promise.all([connect(a), connect(b)])
    await Promise.all([connected(a), connected(b)])
    const claim = createClaim(a.store(), anchorOf(a.store(), '챗GPT 유료 가입자 수 2위'), 'Kim')
    const took = await until(
      () => listClaims(b.store()).some((c) => c.id === claim.id),
      1000,
      'the claim on the other desk',
    )
    expect(took).toBeLessThan(1000)
    expect(getClaim(b.store(), claim.id).exact).toBe('챗GPT 유료 가입자 수 2위')
    await a.call('sync-focus', { claimId: claim.id })
    await until(
      async () => (await b.call('sync-status')).peers.some((p) => p.name === 'Kim' && p.claimId === claim.id),
      2000,
      'presence',
    )
    await until(async () => (await a.call('sync-status')).waiting === 0, 2000, 'nothing waiting')
  })

  it('turns a verdict changed on both sides while one was offline into the same conflict on both', async () => {
    const [a, b] = desks_(['Kim', 'Lee'])
    await Promise.all([connect(a), connect(b)])
    const claim = createClaim(a.store(), anchorOf(a.store(), '챗GPT 유료 가입자 수 2위'), 'Kim')
    await until(() => claimCount(b) === 1, 2000)
    // Every window is told of the link made and ended (the toolbar follows these events).
    expect(a.statuses.some((st) => st.url === server.url)).toBe(true)
    await a.call('sync-disconnect')
    expect(a.statuses.at(-1)).toMatchObject({ url: null, state: 'offline' })
    updateClaim(a.store(), claim.id, { verdict: 'true' }, 'Kim')
    updateClaim(b.store(), claim.id, { verdict: 'false' }, 'Lee')
    await until(async () => (await b.call('sync-status')).waiting === 0, 2000, 'b pushed').catch(async (e) => {
      console.log(JSON.stringify(await b.call('sync-status')), b.statuses.length)
      throw e
    })
    await connect(a)
    const pending = (d: Desk) => listConflicts(d.store()).filter((c) => c.claimId === claim.id)
    await until(() => pending(a).length === 1 && pending(b).length === 1, 3000, 'a conflict on both desks')
    const sides = (d: Desk) => [pending(d)[0].mine.verdict, pending(d)[0].theirs.verdict].sort()
    expect(sides(a)).toEqual(['false', 'true'])
    expect(sides(b)).toEqual(['false', 'true'])
    expect(getClaim(a.store(), claim.id).verdict).toBe('true')
    expect(getClaim(b.store(), claim.id).verdict).toBe('false')
  })

  it('queues changes while the server is gone, and a server restarted from its folder serves the same state', async () => {
    const [a, b, c] = desks_(['Kim', 'Lee', 'Park'])
    await Promise.all([connect(a), connect(b)])
    createClaim(a.store(), anchorOf(a.store(), '챗GPT 유료 가입자 수 2위'), 'Kim')
    await until(() => claimCount(b) === 1, 2000)
    const port = server.port
    await server.close()
    await until(async () => (await a.call('sync-status')).state === 'offline', 5000, 'offline')
    createClaim(a.store(), anchorOf(a.store(), '2025년 5월'), 'Kim')
    // One claim marked: one change waiting (its history entry goes with it, uncounted).
    await until(async () => (await a.call('sync-status')).waiting === 1, 2000, 'a change waiting')
    server = await startSyncServer({ port, dataDir: dir.file('server') })
    expect(server.tokenCreated).toBe(false)
    await until(() => claimCount(b) === 2, 15000, 'the queued change arrives after the restart')
    await until(async () => (await a.call('sync-status')).waiting === 0, 5000, 'nothing waiting')
    // A desk that was never connected gets everything from the restarted server's stored document.
    await connect(c)
    await until(() => claimCount(c) === 2, 5000)
    expect(comparable(c.store())).toBe(comparable(a.store()))
    const status = await c.call('sync-status')
    expect(status.arrived?.added).toBe(2)
  }, 30000)

  it('loses nothing a killed desk committed: its next start sends it', async () => {
    const [b] = desks_(['Lee'])
    const childPath = dir.file('child.factdesk')
    copyFileSync(dir.file('Lee.factdesk'), childPath)
    // Lee's desk holds the file open; the copy is the same review (same id), as after a file exchange.
    await connect(b)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/helpers/syncChild.ts'), childPath, server.url, token, '400'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let committed = 0
    child.stdout.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/committed (\d+)/g)) committed = Number(m[1])
    })
    await until(() => committed >= 30 && claimCount(b) > 0, 40000, 'the child syncing')
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const inFile = openReview(childPath)
    const kept = listClaims(inFile).length
    inFile.close()
    expect(kept).toBeGreaterThanOrEqual(committed)
    const again = openDesk(childPath, 'Child', dir.file('child2.prefs.json'))
    desks.push(again)
    await connect(again)
    await until(() => claimCount(b) === kept, 5000, 'every committed claim on the other desk')
    await until(async () => (await again.call('sync-status')).waiting === 0, 5000)
  }, 90000)

  it('sends what another connection wrote to the file, counts a claim changed twice between two looks once, and leaves no watch behind when sharing stops', async () => {
    const [a, b] = desks_(['Kim', 'Lee'])
    await Promise.all([connect(a), connect(b)])
    await Promise.all([connected(a), connected(b)])
    // Marked and changed within one look: one change waits, and its first version is not sent on its own.
    const claim = createClaim(a.store(), anchorOf(a.store(), '챗GPT 유료 가입자 수 2위'), 'Kim')
    updateClaim(a.store(), claim.id, { verdict: 'true' }, 'Kim')
    await until(() => claimCount(b) === 1 && getClaim(b.store(), claim.id).verdict === 'true', 2000, 'the claim')
    await until(async () => (await a.call('sync-status')).waiting === 0, 3000, 'nothing waiting')
    // The command line (another connection) marks a claim in Lee's file: the whole file is compared.
    const cli = openReview(dir.file('Lee.factdesk'))
    const other = createClaim(cli, anchorOf(cli, '2025년 5월'), 'Lee')
    cli.close()
    await until(() => listClaims(a.store()).some((c) => c.id === other.id), 3000, 'the other connection’s claim')
    const watches = a.store().db.prepare(`SELECT count(*) FROM temp.sqlite_schema WHERE name LIKE 'sync_%'`).pluck()
    expect(watches.get()).toBeGreaterThan(0)
    await a.call('sync-disconnect')
    expect(watches.get()).toBe(0)
  })
})

describe('shared document records', () => {
  it('leaves out a record that fails the bundle schema, and keeps one of an unknown claim waiting for it', () => {
    const a = openReview(':memory:', bundledEssay())
    const claim = createClaim(a, anchorOf(a, '챗GPT 유료 가입자 수 2위'), 'Kim')
    addSource(
      a,
      claim.id,
      {
        url: 'https://example.org/a',
        title: 't',
        publisher: '',
        published: '',
        accessed: '',
        excerpt: '',
        archiveUrl: '',
      },
      'Kim',
    )
    const doc = new Y.Doc()
    pushRecords(a, doc, new Set(localKeys(a)), 'test')
    recordMap(doc, 'replies').set('bad-version', { id: 'not-a-uuid', body: 42 })
    const text = readDocument(a).text
    const keys = [...recordMap(doc, 'claims').keys()].map((k) => `claims:${k}`)
    const sourceKeys = [...recordMap(doc, 'sources').keys()].map((k) => `sources:${k}`)
    // The source alone, on a desk without its claim: it waits.
    const alone = incomingFrom(doc, [...sourceKeys, 'replies:bad-version'], {
      text,
      hash: readDocument(a).hash,
      hasClaim: () => false,
    })
    expect(alone.refused).toBe(1)
    expect(alone.deferred).toEqual(sourceKeys)
    // With its claim in the same batch it goes through, after the claim.
    const both = incomingFrom(doc, [...keys, ...sourceKeys], {
      text,
      hash: readDocument(a).hash,
      hasClaim: () => false,
    })
    expect(both.deferred).toEqual([])
    expect(both.batches.flatMap((b) => b.claims.map((c) => c.id))).toEqual([claim.id])
    expect(both.batches.flatMap((b) => b.sources.map((s) => s.claimId))).toEqual([claim.id])
    a.close()
  })
})

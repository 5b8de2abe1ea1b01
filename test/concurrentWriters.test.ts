import { spawn } from 'node:child_process'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, bytesOf } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'
import { createClaim } from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'

/**
 * Another process (the CLI, say) writing to the same review file: our writes begin with BEGIN IMMEDIATE,
 * so they wait for its transaction (the busy timeout) and then read what it committed. A deferred
 * transaction that reads first could not upgrade to writing after the other commit ("database is locked").
 */
let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

/** Holds the review's write lock in another process for `ms`, then commits a new claim-less event. */
function holdWriteLock(path: string, ms: number): Promise<void> & { locked: Promise<void> } {
  const script = `
    const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('busy_timeout = 5000')
    db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT INTO meta (key, value) VALUES ('other-writer', 'was here')").run()
    process.stdout.write('locked\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]))
    db.exec('COMMIT'); db.close()`
  const child = spawn(process.execPath, ['-e', script, path, String(ms)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let onLocked: () => void
  const locked = new Promise<void>((resolve) => (onLocked = resolve))
  child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && onLocked())
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`)))),
  )
  return Object.assign(done, { locked })
}

it('an import while another process writes waits for it and succeeds', async () => {
  const path = dir.file('shared.factdesk')
  const store = openReview(path, bundledEssay())
  const other = openReview(':memory:', bundledEssay())
  createClaim(other, anchorOf(other, '챗GPT 유료 가입자 수 2위'), '박검증')
  const bytes = bytesOf(exportBundle(other, '박검증'))
  other.close()
  // Read something first, as the app does all day: the connection has a snapshot to go stale.
  expect(listClaims(store)).toHaveLength(0)
  const writer = holdWriteLock(path, 700)
  await writer.locked
  const summary = await importFile(store, 'from-kim.factdesk.json', bytes, '김기자')
  await writer
  expect(summary.added).toBe(1)
  expect(listClaims(store)).toHaveLength(1)
  expect(store.db.prepare(`SELECT value FROM meta WHERE key = 'other-writer'`).pluck().get()).toBe('was here')
  store.close()
})

/** The editor bench's fixtures: review files on the long essay, a harness on each, and Chromium. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { recordEvent } from '../../src/core/review/history'
import { CONTEXT_LENGTH, codePointLength } from '../../src/shared/text'
import type { ParsedEssay } from '../../src/core/document/essayFormat'
import { openReview } from '../../src/core/review/open'
import { readDocument } from '../../src/core/document/queries'

export const root = join(__dirname, '..', '..')

/** A review of `essay` with `count` claims of 8–40 characters spread over the whole text (some overlap). */
export function writeReview(path: string, essay: ParsedEssay, count: number): void {
  const store = openReview(path, essay)
  try {
    const text = readDocument(store).text
    const length = codePointLength(text)
    let seed = 11
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const documentId = store.db.prepare(`SELECT id FROM document LIMIT 1`).pluck().get() as string
    const chars = Array.from(text)
    const insert = store.db.prepare(
      `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, author, created, modified, modified_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // The rows ReviewStore.createClaim writes (src/core/claims/claimWrites.ts), in one transaction: it
    // reads the whole essay for every claim, which would make the fixture the slowest part of the run.
    store.db.transaction(() => {
      const t = new Date().toISOString()
      for (let i = 0; i < count; i++) {
        const start = Math.floor(((i + next()) / count) * (length - 50))
        const end = start + 8 + Math.floor(next() * 32)
        const id = randomUUID()
        const slice = (a: number, b: number) => chars.slice(Math.max(0, a), Math.min(chars.length, b)).join('')
        const exact = slice(start, end)
        insert.run(
          id,
          documentId,
          exact,
          slice(start - CONTEXT_LENGTH, start),
          slice(end, end + CONTEXT_LENGTH),
          start,
          end,
          '벤치',
          t,
          t,
          '벤치',
          store.newVersion(id),
        )
        recordEvent(store.db, id, '벤치', 'claim-created', { exact }, t)
      }
    })()
  } finally {
    store.close()
  }
}

export interface Running {
  child: ChildProcess
  url: string
}

/** `npm run web` on a review file, as the browser tests start it; resolves at its ready line. */
export function startHarness(reviewPath: string, dataDir: string): Promise<Running> {
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(join(dataDir, 'prefs.json'), JSON.stringify({ reviewerName: '벤치' }))
  const argv = [
    join(root, 'scripts', 'harness.mjs'),
    '--review',
    reviewPath,
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--lang',
    'en',
  ]
  const child = spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const m = /Factdesk is ready: (\S+)/.exec(output)
      if (m) resolve({ child, url: m[1] })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`The harness exited (${code}):\n${output}`)))
  })
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, tempDir } from './helpers/essay'
import { listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'

const WRITER = join(ROOT, 'test/helpers/writer.ts')
const LINES_BEFORE_KILL = 200
const dir = tempDir('factdesk-durability-')
afterAll(() => dir.remove())

/** Starts the writer, waits for `n` committed changes, kills it with SIGKILL; returns every line it reported. */
function runAndKill(path: string, n: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    let partial = ''
    let stderr = ''
    let killed = false
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the writer reported only ${lines.length} changes in time. ${stderr}`))
    }, 15_000)
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      const parts = (partial + d.toString()).split('\n')
      partial = parts.pop() ?? ''
      lines.push(...parts)
      if (!killed && lines.length >= n) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL' || !killed) {
        reject(new Error(`the writer ended by itself (code ${code}, ${signal}): ${stderr}`))
      } else {
        resolve(lines)
      }
    })
  })
}

describe('durability', () => {
  it('keeps every reported change through repeated SIGKILLs', async () => {
    const path = dir.file('crash.factdesk')
    const created = new Set<string>()
    /** Per claim: the highest revision reported and the note it had. */
    const latest = new Map<string, { revision: number; note: string }>()

    for (let round = 0; round < 3; round++) {
      const lines = await runAndKill(path, LINES_BEFORE_KILL)
      expect(lines.length).toBeGreaterThanOrEqual(LINES_BEFORE_KILL)
      // Killed, not closed: the write-ahead log is still there and has to be recovered.
      expect(existsSync(path + '-wal')).toBe(true)
      for (const line of lines) {
        const [kind, id, revision, note] = line.split(' ')
        if (kind === 'c') created.add(id)
        else if (kind === 'u') {
          const prev = latest.get(id)
          if (!prev || Number(revision) > prev.revision) latest.set(id, { revision: Number(revision), note })
        } else throw new Error(`unexpected line from the writer: ${line}`)
      }

      const store = openReview(path)
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
        const claims = new Map(listClaims(store).map((c) => [c.id, c]))
        const missing = [...created].filter((id) => !claims.has(id))
        expect(missing, `round ${round}: reported claims lost`).toEqual([])
        for (const [id, want] of latest) {
          const claim = claims.get(id)!
          // The writer may have committed more after its last report; never less.
          expect(claim.revision).toBeGreaterThanOrEqual(want.revision)
          if (claim.revision === want.revision) expect(claim.note).toBe(want.note)
          else expect(claim.note).toMatch(/^note-/)
        }
        expect(claims.size).toBeGreaterThanOrEqual(created.size)
      } finally {
        store.close()
      }
    }
    expect(created.size).toBeGreaterThan(LINES_BEFORE_KILL * 0.9)
  }, 20_000)
})

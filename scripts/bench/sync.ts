/**
 * `npm run bench -- --sync`: live co-review through a real team server on 127.0.0.1.
 *  - propagation: 200 changes on one desk (a claim marked, or a verdict changed), each timed from its
 *    commit to the moment the other desk's review file has it; p50 / p95 / max;
 *  - convergence: BENCH_SYNC_DESKS desks (10) × BENCH_SYNC_CHANGES changes each (1,000), then the time
 *    until every review file exports the same bundle.
 * The desks run in this one process (the unit test does the same with fewer changes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startSyncServer } from '../../src/core/sync/server'
import { describeRange } from '../../src/shared/text'
import { comparable, openDesk, reviewFiles, until, type Desk } from '../../test/helpers/sync'
import { readDocument } from '../../src/core/document/queries'
import { createClaim, updateClaim } from '../../src/core/claims/commands'
import { getClaim, listClaims } from '../../src/core/claims/queries'

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export async function benchSync(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-sync-'))
  const server = await startSyncServer({ port: 0, dataDir: join(dir, 'server') })
  const token = readFileSync(server.tokenFile, 'utf8').trim()
  const desks: Desk[] = []
  const open = async (names: string[]): Promise<Desk[]> => {
    const paths = names.map((n) => join(dir, `${n}.factdesk`))
    reviewFiles(paths)
    const made = names.map((n, i) => openDesk(paths[i], n, join(dir, `${n}.prefs.json`)))
    desks.push(...made)
    await Promise.all(made.map((d) => d.call('sync-connect', { url: server.url, token })))
    await Promise.all(made.map((d) => until(async () => (await d.call('sync-status')).state === 'connected', 10000)))
    return made
  }
  try {
    const [a, b] = await open(['kim', 'lee'])
    const text = readDocument(a.store()).text
    const times: number[] = []
    let last = ''
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now()
      if (i % 2 === 0)
        last = createClaim(a.store(), describeRange(text, (i * 11) % 2400, ((i * 11) % 2400) + 6), 'kim').id
      else updateClaim(a.store(), last, { verdict: i % 4 === 1 ? 'true' : 'false' }, 'kim')
      const want = getClaim(a.store(), last)
      await until(
        () => listClaims(b.store()).some((c) => c.id === want.id && c.verdict === want.verdict),
        10000,
        `change ${i}`,
      )
      times.push(performance.now() - t0)
    }
    times.sort((x, y) => x - y)
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    )
    console.log(
      `propagation of 200 changes, desk to desk: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`,
    )
    for (const d of desks.splice(0)) d.close()

    const n = Number(process.env.BENCH_SYNC_DESKS ?? 10)
    const perDesk = Number(process.env.BENCH_SYNC_CHANGES ?? 1000)
    const many = await open(Array.from({ length: n }, (_, i) => `desk${i}`))
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const latest = new Map<Desk, string>()
    for (let step = 0; step < perDesk; step++) {
      for (const [i, d] of many.entries()) {
        const at = (i * 97 + step * 13) % 2400
        if (step % 3 === 0) latest.set(d, createClaim(d.store(), describeRange(text, at, at + 4), d.name).id)
        else updateClaim(d.store(), latest.get(d)!, { note: `${d.name} ${step}` }, d.name)
      }
      await new Promise((r) => setTimeout(r, 2))
    }
    const made = performance.now() - t0
    const total = n * Math.ceil(perDesk / 3)
    await until(() => many.every((d) => listClaims(d.store()).length === total), 30 * 60_000, 'every claim everywhere')
    await until(
      () => many.every((d) => comparable(d.store()) === comparable(many[0].store())),
      30 * 60_000,
      'identical files',
    )
    const cpu = process.cpuUsage(cpu0)
    console.log(
      `${n} desks × ${perDesk} changes: made in ${(made / 1000).toFixed(1)} s, identical review files ${((performance.now() - t0 - made) / 1000).toFixed(1)} s later (this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')})`,
    )
  } finally {
    for (const d of desks) d.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The review service at newsroom size: a bundle of the workload's claims (rated, with notes and
 * sources) imported into a new review, then listed, searched as the reviewer types, exported, and a
 * second reviewer's bundle of the same claims merged in. Reference figures from the same run: raw
 * better-sqlite3 inserts of the same rows in one transaction, and JSON.parse/stringify of the bundle.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { exportBundle, type ReviewBundle } from '../../src/core/exchange/bundle'
import { exportReview, importFile } from '../../src/core/exchange/files'
import { benchImportDrop, benchImportRunner } from './importInWorker'
import { ReviewStore } from '../../src/core/review/store'
import { queryClaims } from '../../src/core/search/search'
import { ms, percentile, settle, timed, timedAsync, type Report, type Timing } from './report'
import { makeWorkload, type Workload } from './workload'
import { openReview } from '../../src/core/review/open'
import { listClaims } from '../../src/core/claims/queries'
import { readDocument } from '../../src/core/document/queries'
import { checkpoint, withoutAutoCheckpoint } from '../../src/core/db/checkpoint'

const VERDICTS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'unrated']
const STATUSES = ['open', 'in-review', 'checked']

/** A bundle of the workload's claims on its essay, as another reviewer would send it. */
export function workloadBundle(w: Workload, dir: string): ReviewBundle {
  const seed = openReview(join(dir, 'seed.factdesk'), w.essay)
  const template = exportBundle(seed, '벤치')
  seed.close()
  const now = new Date().toISOString()
  const claims = w.claims.map((a, i) => {
    const version = randomUUID()
    return {
      id: randomUUID(),
      ...a,
      anchored: true,
      textChanged: false,
      verdict: VERDICTS[i % VERDICTS.length],
      status: STATUSES[i % STATUSES.length],
      note: i % 2 ? `메모 ${i}: 서울 지사 설립 발표 확인, 보도자료와 대조` : '',
      author: i % 3 ? '김기자' : '박편집',
      created: now,
      modified: now,
      modifiedBy: '김기자',
      revision: 1,
      deleted: false,
      version,
      history: [version],
    }
  })
  const sources = claims
    .filter((_, i) => i % 3 === 0)
    .map((c, i) => {
      const version = randomUUID()
      return {
        id: randomUUID(),
        claimId: c.id,
        url: `https://example.org/source/${i}`,
        title: `보도자료 ${i}`,
        publisher: '오픈AI',
        published: '2025-05-26',
        accessed: '2025-06-01',
        excerpt: '서울 지사',
        archiveUrl: '',
        created: now,
        modified: now,
        revision: 1,
        deleted: false,
        version,
        history: [version],
      }
    })
  return { ...template, claims, sources, reviewers: ['김기자', '박편집'] } as ReviewBundle
}

/** The same claims as a second reviewer has them: half rated again since, a tenth changed by both. */
export function secondBundle(a: ReviewBundle): ReviewBundle {
  const later = new Date(Date.now() + 60_000).toISOString()
  const claims = a.claims.map((c, i) => {
    if (i % 2) return c
    const version = randomUUID()
    const history =
      i % 10 === 0 ? [c.history[0].replace(/.$/, (x) => (x === '0' ? '1' : '0')), version] : [...c.history, version]
    return {
      ...c,
      verdict: 'mostly-true',
      note: `${c.note} (재확인)`,
      modified: later,
      modifiedBy: '박편집',
      revision: 2,
      version,
      history,
    }
  })
  return { ...a, claims, exportedBy: '박편집' }
}

/**
 * Raw inserts of the bundle's rows into the review file's own tables, in one transaction. Its commit
 * leaves the checkpoint until after, as the import's does (src/core/db/checkpoint.ts): the two write
 * the same pages to the WAL, and each copies them into the file afterwards.
 */
function rawInserts(store: ReviewStore, b: ReviewBundle): number {
  const documentId = readDocument(store).id
  const claim = store.db.prepare(
    `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, anchored, verdict, status, note, author, created, modified, modified_by, revision, deleted, version, text_changed)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)`,
  )
  const source = store.db.prepare(
    `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, revision, deleted, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  )
  const seen = store.db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
  return timed(() =>
    withoutAutoCheckpoint(store.db, () =>
      store.db
        .transaction(() => {
          for (const c of b.claims) {
            claim.run(
              c.id,
              documentId,
              c.exact,
              c.prefix,
              c.suffix,
              c.start,
              c.end,
              c.verdict,
              c.status,
              c.note,
              c.author,
              c.created,
              c.modified,
              c.modifiedBy,
              c.revision,
              c.version,
            )
            for (const v of c.history) seen.run(c.id, v)
          }
          for (const s of b.sources) {
            source.run(
              s.id,
              s.claimId,
              s.url,
              s.title,
              s.publisher,
              s.published,
              s.accessed,
              s.excerpt,
              s.archiveUrl,
              s.created,
              s.modified,
              s.revision,
              s.version,
            )
            for (const v of s.history) seen.run(s.id, v)
          }
        })
        .immediate(),
    ),
  ).ms
}

/**
 * The wall-clock time of the full (mark-compact) garbage collections during `run`. It starts on a
 * collected heap; one of the whole benchmark process's heap (the workload, the bundle and its parsed
 * copy) may still land in an export or in the merge.
 */
async function fullGcs<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  await settle()
  const seen: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[])
      if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen.push(e.duration)
  })
  observer.observe({ entryTypes: ['gc'] })
  const result = await run()
  // GC entries are delivered after the fact.
  await new Promise((done) => setTimeout(done, 10))
  observer.disconnect()
  return { result, ms: seen.reduce((a, b) => a + b, 0) }
}

/**
 * Beside the process's CPU time compared with the goal: the thread's own (without V8's helper threads,
 * which run beside it when a core is free) and the wall-clock time.
 */
const alone = (t: Timing<unknown>): string => `the thread alone ${ms(t.thread)}, wall-clock ${ms(t.wall)}`

/** The file's checkpoint, which the app runs once the reviewer has the summary (src/core/db/checkpoint.ts). */
const afterwards = (checkpointMs: number): string => `then the file's checkpoint ${ms(checkpointMs)}, after the summary`

/** What a reviewer types into the Claims panel's search, one keystroke at a time. */
const TYPED = ['오픈AI 서울', '반도체', '메모 12', 'AI 생태계', '김기자']

/**
 * The bundle's bytes, a second reviewer's, and the references measured on it. Only these are kept: the
 * app imports in a worker of its own, whose heap holds no other copy of the bundle, where objects kept
 * here would be marked by every full collection measured after.
 */
async function prepare(w: Workload, dir: string) {
  const bundle = workloadBundle(w, dir)
  const stringify = timed(() => JSON.stringify(bundle))
  const parse = timed(() => void JSON.parse(stringify.result))
  const second = Buffer.from(JSON.stringify(secondBundle(bundle)))
  const rawStore = openReview(join(dir, 'raw.factdesk'), w.essay)
  await settle()
  const raw = rawInserts(rawStore, bundle)
  rawStore.close()
  const times = { stringify: { ms: stringify.ms }, parse: { ms: parse.ms }, raw }
  return { bytes: Buffer.from(stringify.result), second, sources: bundle.sources.length, ...times }
}

export async function benchService(report: Report, w: Workload, dir: string): Promise<void> {
  const section = 'service'
  const n = w.claims.length.toLocaleString('en')
  const { bytes, second, sources, stringify, parse, raw } = await prepare(w, dir)
  const store = openReview(join(dir, 'review.factdesk'), w.essay)
  await settle()
  const imported = await timedAsync(() => importFile(store, 'a.factdesk.json', bytes, '벤치'))
  const importCheckpoint = timed(() => checkpoint(store.db)).ms
  const share = raw / imported.ms
  report.add({
    section,
    what: `import a ${n}-claim bundle (${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${sources} sources)`,
    value: ms(imported.ms),
    reference: `raw inserts ${ms(raw)}; JSON.parse ${ms(parse.ms)}; ${alone(imported)}; ${afterwards(importCheckpoint)}`,
    ratio: `${(share * 100).toFixed(0)} % of the raw insert rate`,
    goal: '≥ 50 % of raw inserts',
    met: share >= 0.5,
  })
  const list = timed(() => listClaims(store))
  report.add({
    section,
    what: `list ${n} claims with sources and corrections`,
    value: ms(list.ms),
    reference: `JSON.parse of the bundle ${ms(parse.ms)}`,
    ratio: `${(list.ms / parse.ms).toFixed(1)}×`,
  })
  const times: number[] = []
  for (const q of TYPED)
    for (let k = 1; k <= q.length; k++) times.push(timed(() => queryClaims(store, { query: q.slice(0, k) })).ms)
  const p95 = percentile(times, 95)
  report.add({
    section,
    what: `search as you type over ${n} claims (${times.length} keystrokes, p95)`,
    value: ms(p95),
    reference: `median ${ms(percentile(times, 50))}`,
    goal: '≤ 50 ms',
    met: p95 <= 50,
  })
  for (const format of ['bundle', 'w3c'] as const) {
    const gc = await fullGcs(() => timedAsync(() => exportReview(store, format, '벤치')))
    const out = gc.result
    report.add({
      section,
      what: `export ${n} claims as ${format === 'bundle' ? 'a review bundle' : 'W3C annotations'}`,
      value: ms(out.ms),
      reference: `JSON.stringify of the bundle ${ms(stringify.ms)}; ${alone(out)}${gc.ms ? `; a full GC of the bench process inside (pause ${ms(gc.ms)})` : ''}`,
      ratio: `${(out.ms / stringify.ms).toFixed(1)}×`,
      goal: '≤ 300 ms',
      met: out.ms <= 300,
    })
  }
  const gc = await fullGcs(() => timedAsync(() => importFile(store, 'b.factdesk.json', second, '벤치')))
  const merged = gc.result
  const mergeCheckpoint = timed(() => checkpoint(store.db)).ms
  const s = merged.result
  report.add({
    section,
    what: `merge a second ${n}-claim bundle (${s.updated} newer, ${s.conflicts} conflicts, ${s.unchanged} unchanged)`,
    value: ms(merged.ms),
    reference: `JSON.parse ${ms(parse.ms)}; ${alone(merged)}; ${afterwards(mergeCheckpoint)}${gc.ms ? `; a full GC of the bench process inside (pause ${ms(gc.ms)})` : ''}`,
    goal: '≤ 500 ms',
    met: merged.ms <= 500,
  })
  store.close()
  // The same two files as the app imports them, in its worker, whose code has not run before the first
  // (the figures above come after the benchmark's process ran that code once) and which it keeps for
  // the second. The window holds the review open while they run, each on the worker's own connection.
  const app = join(dir, 'app.factdesk')
  const desk = openReview(app, w.essay)
  const job = (fileName: string, file: Uint8Array) => ({
    reviewPath: app,
    openedAs: desk.identity ?? undefined,
    fileName,
    bytes: file,
    importer: '벤치',
  })
  const importInWorker = benchImportRunner()
  const first = await importInWorker(job('a.factdesk.json', bytes))
  const then = await importInWorker(job('b.factdesk.json', second))
  desk.close()
  report.add({
    section,
    what: 'the same import, then merge, as the app runs them (in its worker, kept for the next file)',
    value: `${ms(first.ms)}; ${ms(then.ms)}`,
    reference: `raw inserts ${ms(raw)}; the import above ${ms(imported.ms)}, the merge ${ms(merged.ms)}; the worker's heap while it waits for the next file ${first.heapMb.toFixed(0)} MB, ${then.heapMb.toFixed(0)} MB`,
  })
  await benchDrop(report, dir)
}

/** Five replies of 20 claims each on a short essay, dropped on the window together. */
async function benchDrop(report: Report, dir: string): Promise<void> {
  const small = makeWorkload({ chars: 20_000, claims: 20 })
  const files = join(dir, 'drop')
  mkdirSync(files)
  const review = join(files, 'review.factdesk')
  const desk = openReview(review, small.essay)
  const jobs = Array.from({ length: 5 }, (_, i) => ({
    reviewPath: review,
    openedAs: desk.identity ?? undefined,
    fileName: `reply-${i + 1}.factdesk.json`,
    bytes: Buffer.from(JSON.stringify(workloadBundle(small, files))),
    importer: '벤치',
  }))
  const { drop, workers, alone } = await benchImportDrop(jobs)
  desk.close()
  report.add({
    section: 'service',
    what: `a drop of ${jobs.length} files of 20 claims, as the app imports them; wall-clock`,
    value: ms(drop),
    reference: `on ${workers} worker${workers === 1 ? '' : 's'}; one of the files on a worker started for it ${ms(alone)}`,
    ratio: `${(drop / alone).toFixed(2)}× one file on a new worker`,
  })
}

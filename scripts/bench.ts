/**
 * `npm run bench`: figures for the work a review does, printed as one table with the machine's own
 * reference figures measured in the same run. Times are the process's CPU time (the machine may be
 * shared; wall-clock time would measure the neighbours). Not a test: docs/performance.md records a run.
 *
 *   npm run bench -- --claims N --chars M   the newsroom workload (./bench/workload.ts): N claims on an
 *                                           essay of at least M characters and an edited copy of it
 *   --peer-every K                          run the peer re-anchoring method on every K-th claim only
 *   --only re-anchor,service,essay,editor   some sections only (--editor: the editor alone); two or more
 *                                           run each in a process of its own
 *   npm run bench -- --limits               files at the import limits, each in its own process
 *
 * A section is a module in ./bench that adds rows to the report: add one there and list it below.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchEssay } from './bench/essaySection'
import { benchLimits } from './bench/limits'
import { benchReanchor } from './bench/reanchorSection'
import { ms, Report, timed, type Row } from './bench/report'
import { benchService } from './bench/serviceSection'
import { makeWorkload, type Workload } from './bench/workload'
import { benchSync } from './bench/sync'
import { benchEditor } from './bench/editor'

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`)
  return value
}

interface Section {
  name: string
  run: (report: Report, w: Workload, dir: string) => Promise<void> | void
}

const sections: Section[] = [
  { name: 're-anchor', run: (report, w) => benchReanchor(report, w, option('peer-every', 1)) },
  { name: 'service', run: (report, w, dir) => benchService(report, w, dir) },
  {
    name: 'essay',
    run: (report, _w, dir) => benchEssay(report, dir, option('essay-claims', Number(process.env.BENCH_CLAIMS ?? 1000))),
  },
  // Its own essay (500,000 characters, 5,000 claims) in Chromium; wall-clock time, so it runs last.
  { name: 'editor', run: (report) => benchEditor(report) },
]

/**
 * Each section in a process of its own when several run: a section's figures then never carry the
 * heap and compiled code another section left (after the re-anchoring section, `JSON.stringify` of
 * the same bundle took ≈ 1.8× as long). The child writes its rows to a file; this process prints them.
 */
function runApart(names: string[]): Report {
  const report = new Report()
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-rows-'))
  try {
    names.forEach((name, i) => {
      const rows = join(dir, `${name}.json`)
      // The child gets this run's options but its own section: a second --only would be read first.
      const args = process.argv.slice(2)
      const passed = args.filter((a, j) => a !== '--editor' && a !== '--only' && args[j - 1] !== '--only')
      const run = spawnSync(
        process.execPath,
        [
          join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          __filename,
          ...passed,
          '--only',
          name,
          '--rows',
          rows,
        ],
        { stdio: 'inherit' },
      )
      if (run.status !== 0 || !existsSync(rows)) {
        report.add({
          section: name,
          what: 'the section',
          value: 'failed',
          reference: `exit ${run.status ?? run.signal}`,
        })
        return
      }
      const got = JSON.parse(readFileSync(rows, 'utf8')) as Row[]
      // One workload row (every child makes the same workload from the same seed).
      for (const row of got) if (row.section !== 'workload' || i === 0) report.add(row)
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return report
}

async function main(): Promise<void> {
  const only = process.argv.includes('--editor')
    ? ['editor']
    : process.argv.includes('--only')
      ? process.argv[process.argv.indexOf('--only') + 1].split(',')
      : null
  const chosen = sections.map((s) => s.name).filter((name) => !only || only.includes(name))
  const rowsFile = process.argv.includes('--rows') ? process.argv[process.argv.indexOf('--rows') + 1] : null
  const report = chosen.length > 1 ? runApart(chosen) : await runHere(chosen)
  if (rowsFile) {
    writeFileSync(rowsFile, JSON.stringify(report.rows))
    return
  }
  report.add({
    section: 'machine',
    what: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`,
    value: `load average ${loadavg()[0].toFixed(1)} at the end${chosen.length > 1 ? '; each section in its own process' : ''}`,
    reference: 'times are CPU time of the process; the editor section, wall-clock time in Chromium',
  })
  report.print()
}

async function runHere(chosen: string[]): Promise<Report> {
  const claims = option('claims', 10_000)
  const chars = option('chars', 520_000)
  const report = new Report()
  const made = timed(() => makeWorkload({ chars, claims }))
  const w = made.result
  report.add({
    section: 'workload',
    what: `${w.claims.length.toLocaleString('en')} claims on ${w.text.length.toLocaleString('en')} characters; ${w.editedParagraphs} paragraphs edited`,
    value: `made in ${ms(made.ms)}`,
  })
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-'))
  try {
    for (const s of sections) if (chosen.includes(s.name)) await s.run(report, w, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (!chosen.includes('editor'))
    report.add({
      section: chosen.join(', '),
      what: 'heap used at the end of the section',
      value: `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
    })
  return report
}

if (process.argv.includes('--limits')) benchLimits()
else if (process.argv.includes('--sync')) void benchSync().then(() => process.exit(0))
else
  void main().catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })

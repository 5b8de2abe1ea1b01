/**
 * The benchmark's table: each figure beside the machine's own reference figure measured in the same
 * run, the ratio between them, and the goal it is held to. Sections add rows; bench.ts prints them.
 */
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
/**
 * A full collection, run before each large operation measured, as benchmark harnesses do, so the
 * garbage the benchmark itself left (the workload, earlier files) is not collected inside it.
 */
export const collect = runInNewContext('gc') as () => void

/**
 * A full collection, then a pause while the collector's own threads finish sweeping what it freed: the
 * figures are the CPU time of the whole process, and that sweeping of the benchmark's garbage would
 * otherwise land in the figure measured next (≈ 30 ms of an export).
 */
export async function settle(): Promise<void> {
  collect()
  await new Promise((done) => setTimeout(done, 150))
}

export interface Row {
  section: string
  what: string
  value: string
  reference?: string
  ratio?: string
  goal?: string
  /** Whether the goal is met (undefined: no goal). */
  met?: boolean
}

export class Report {
  readonly rows: Row[] = []
  add(row: Row): void {
    this.rows.push(row)
  }

  print(out: (line: string) => void = console.log): void {
    const cols: (keyof Row)[] = ['section', 'what', 'value', 'reference', 'ratio', 'goal', 'met']
    const cell = (r: Row, k: keyof Row): string =>
      k === 'met' ? (r.met === undefined ? '' : r.met ? 'met' : 'NOT MET') : String(r[k] ?? '')
    const head: Record<string, string> = {
      section: 'section',
      what: 'figure',
      value: 'this run',
      reference: 'reference (same run)',
      ratio: 'ratio',
      goal: 'goal',
      met: '',
    }
    const widths = cols.map((k) => Math.max(head[k].length, ...this.rows.map((r) => cell(r, k).length)))
    out(cols.map((k, i) => head[k].padEnd(widths[i])).join('  '))
    for (const r of this.rows)
      out(
        cols
          .map((k, i) => cell(r, k).padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
  }
}

export interface Timing<T> {
  /** CPU time of the process, every thread's: the figure compared with the goals. */
  ms: number
  /** CPU time of the calling thread alone: without V8's helper threads (parallel and concurrent GC, compiling). */
  thread: number
  wall: number
  result: T
}

const cpu = (u: { user: number; system: number }): number => (u.user + u.system) / 1000

type CpuUsage = NodeJS.CpuUsage
// Node 22.19 and later (the types installed here predate it); NaN where the running Node has none.
const threadUsage = (process as { threadCpuUsage?: (since?: CpuUsage) => CpuUsage }).threadCpuUsage?.bind(process)
const threadNow = (): CpuUsage | null => threadUsage?.() ?? null
const threadSince = (start: CpuUsage | null): number => (start && threadUsage ? cpu(threadUsage(start)) : NaN)

/**
 * What `run` costs: CPU time of this process (user + system), the figure compared, because the
 * machine may be shared and wall-clock time then measures the neighbours; the calling thread's own
 * CPU time and the wall-clock time too. The process's time counts V8's helper threads, which run
 * beside the thread the reviewer waits for when a core is free: the thread's time is what a quiet
 * machine makes them wait.
 */
export function timed<T>(run: () => T): Timing<T> {
  const c0 = process.cpuUsage()
  const th0 = threadNow()
  const t0 = performance.now()
  const result = run()
  const wall = performance.now() - t0
  return { ms: cpu(process.cpuUsage(c0)), thread: threadSince(th0), wall, result }
}

export async function timedAsync<T>(run: () => Promise<T>): Promise<Timing<T>> {
  const c0 = process.cpuUsage()
  const th0 = threadNow()
  const t0 = performance.now()
  const result = await run()
  const wall = performance.now() - t0
  return { ms: cpu(process.cpuUsage(c0)), thread: threadSince(th0), wall, result }
}

export const ms = (n: number): string =>
  n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

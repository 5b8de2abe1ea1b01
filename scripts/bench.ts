/**
 * `npm run bench`: figures for the work a review does most, on the bundled essay, printed as a table.
 * Not a test: the numbers depend on the machine; README "Performance" records what we measured.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot } from 'lexical'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { reanchor } from '../src/core/document/anchoring'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { ReviewStore } from '../src/core/review/store'
import { codePointLength, describeRange } from '../src/shared/text'
import { $applyClaimMarks } from '../src/renderer/src/editor/claimMarks'
import { $buildEssay, essayNodes } from '../src/renderer/src/editor/essayState'
import { benchLimits } from './bench/limits'
import { benchEditor } from './bench/editor'

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1000)
const rows: [string, string][] = []
function time<T>(label: string, run: () => T, per = 1): T {
  const t0 = performance.now()
  const result = run()
  const ms = performance.now() - t0
  rows.push([label, per > 1 ? `${ms.toFixed(1)} ms total, ${((ms / per) * 1000).toFixed(0)} µs each` : `${ms.toFixed(1)} ms`])
  return result
}
async function timeAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const result = await run()
  rows.push([label, `${(performance.now() - t0).toFixed(1)} ms`])
  return result
}

async function main(): Promise<void> {
  const essay = parseEssayMarkdown(readFileSync(join(__dirname, '..', 'resources/essays/seoul-openai.md'), 'utf8'))
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-'))
  try {
    const store = ReviewStore.open(join(dir, 'a.factdesk'), essay)
    const text = store.document().text
    const length = codePointLength(text)
    const spans = Array.from({ length: CLAIMS }, (_, i) => {
      const start = (i * 37) % (length - 40)
      return describeRange(text, start, start + 12 + (i % 25))
    })
    const ids = time(`mark ${CLAIMS} claims (one committed transaction each, synchronous=FULL)`, () => spans.map((a) => store.createClaim(a, '벤치').id), CLAIMS)
    time(`edit ${CLAIMS} notes`, () => ids.forEach((id, i) => store.updateClaim(id, { note: `메모 ${i} 서울 지사 확인` }, '벤치')), CLAIMS)
    time(`list ${CLAIMS} claims with sources and corrections`, () => store.claims())
    const bundle = time('export a review bundle', () => exportBundle(store, '벤치'))
    const bytes = Buffer.from(JSON.stringify(bundle))
    rows.push(['bundle size', `${(bytes.length / 1024).toFixed(0)} KB`])
    const other = ReviewStore.open(join(dir, 'b.factdesk'), essay)
    await timeAsync(`import ${CLAIMS} claims into a new review (parse, validate, merge in one transaction)`, () => importFile(other, 'a.json', bytes, '벤치'))
    await timeAsync('import the same file again (no change)', () => importFile(other, 'a.json', bytes, '벤치'))
    const edited = text.replace('2025년 5월,', '2025년 5월 말,').replace('AI는 이제 코드의 문제가 아니다.', '')
    time(`re-anchor ${CLAIMS} claims on an edited text`, () => spans.forEach((s) => reanchor(edited, s)), CLAIMS)
    const editor = createHeadlessEditor({ nodes: [...essayNodes], onError: (e) => { throw e } })
    editor.update(() => $buildEssay(essay.blocks), { discrete: true })
    const ranges = spans.slice(0, 300).map((s, i) => ({ id: String(i), start: s.start, end: s.end }))
    time('draw 300 overlapping claim highlights in the editor', () => editor.update(() => $applyClaimMarks($getRoot(), ranges), { discrete: true }))
    rows.push(['heap used', `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`])
    store.close()
    other.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const width = Math.max(...rows.map(([l]) => l.length))
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)
}

if (process.argv.includes('--limits')) benchLimits()
else if (process.argv.includes('--editor')) void benchEditor().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
else void main()

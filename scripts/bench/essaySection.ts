/**
 * The short-essay figures: the work a review does most, on the bundled essay (1,000 claims unless
 * `--essay-claims` says otherwise), each one committed as the app commits it.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot } from 'lexical'
import { join } from 'node:path'
import { reanchor } from '../../src/core/document/anchoring'
import { exportBundle } from '../../src/core/exchange/bundle'
import { importFile } from '../../src/core/exchange/files'
import { codePointLength, describeRange } from '../../src/shared/text'
import { $applyClaimMarks } from '../../src/renderer/src/editor/claimMarks'
import { $buildEssay, essayNodes } from '../../src/renderer/src/editor/essayState'
import { ms, timed, timedAsync, type Report } from './report'
import { bundledEssay } from './workload'
import { openReview } from '../../src/core/review/open'
import { listClaims } from '../../src/core/claims/queries'
import { createClaim, updateClaim } from '../../src/core/claims/commands'
import { readDocument } from '../../src/core/document/queries'

export async function benchEssay(report: Report, dir: string, claims: number): Promise<void> {
  const section = 'short essay'
  const add = (what: string, t: number, per = 1) =>
    report.add({ section, what, value: per > 1 ? `${ms(t)}, ${((t / per) * 1000).toFixed(0)} µs each` : ms(t) })
  const essay = bundledEssay()
  const store = openReview(join(dir, 'essay-a.factdesk'), essay)
  const text = readDocument(store).text
  const length = codePointLength(text)
  const spans = Array.from({ length: claims }, (_, i) => {
    const start = (i * 37) % (length - 40)
    return describeRange(text, start, start + 12 + (i % 25))
  })
  const marked = timed(() => spans.map((a) => createClaim(store, a, '벤치').id))
  add(`mark ${claims} claims (one committed transaction each, synchronous=FULL)`, marked.ms, claims)
  const ids = marked.result
  add(
    `edit ${claims} notes`,
    timed(() => ids.forEach((id, i) => updateClaim(store, id, { note: `메모 ${i} 서울 지사 확인` }, '벤치'))).ms,
    claims,
  )
  add(`list ${claims} claims with sources and corrections`, timed(() => listClaims(store)).ms)
  const bundle = timed(() => exportBundle(store, '벤치'))
  add('export a review bundle', bundle.ms)
  const bytes = Buffer.from(JSON.stringify(bundle.result))
  report.add({ section, what: 'bundle size', value: `${(bytes.length / 1024).toFixed(0)} KB` })
  const other = openReview(join(dir, 'essay-b.factdesk'), essay)
  add(
    `import ${claims} claims into a new review (parse, validate, merge in one transaction)`,
    (await timedAsync(() => importFile(other, 'a.json', bytes, '벤치'))).ms,
  )
  add('import the same file again (no change)', (await timedAsync(() => importFile(other, 'a.json', bytes, '벤치'))).ms)
  const edited = text.replace('2025년 5월,', '2025년 5월 말,').replace('AI는 이제 코드의 문제가 아니다.', '')
  add(`re-anchor ${claims} claims on an edited text`, timed(() => spans.forEach((s) => reanchor(edited, s))).ms, claims)
  const editor = createHeadlessEditor({
    nodes: [...essayNodes],
    onError: (e) => {
      throw e
    },
  })
  editor.update(() => $buildEssay(essay.blocks), { discrete: true })
  const ranges = spans.slice(0, 300).map((s, i) => ({ id: String(i), start: s.start, end: s.end }))
  add(
    'draw 300 overlapping claim highlights in the editor',
    timed(() => editor.update(() => $applyClaimMarks($getRoot(), ranges), { discrete: true })).ms,
  )
  store.close()
  other.close()
}

/**
 * The `editor` section of `npm run bench` (alone: `npm run bench -- --editor`): the essay editor at scale, through the browser harness and Debian's
 * Chromium. A 500,000-character essay with 5,000 claims against references measured in the same run:
 * opening it against a bare Lexical render of the same text, typing against the same text without
 * claims (and in the bare editor, and in one bare paragraph for what the frame clock alone costs;
 * keys are timed in the page: ./editorKeys.ts), and marking a claim.
 * docs/editor-scale.md records a run and the goals.
 * BENCH_EDITOR_CHARS and BENCH_EDITOR_CLAIMS change the sizes; --profile writes CPU profiles of the
 * typing and the marking (Chrome DevTools format) next to the run's files and says where.
 */
import { build } from 'esbuild'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { longEssay } from './longText'
import { chromiumArgs, percentile, root, startHarness, stop, writeReview } from './editorSetup'
import { pauseSaves, type PauseTiming } from './editorPause'
import { floorKeys, pressKeys, timeKeysIn, typeKeys, type KeyTiming } from './editorKeys'
import type { ParsedEssay } from '../../src/core/document/essayFormat'
import type { Report } from './report'

const CHARS = Number(process.env.BENCH_EDITOR_CHARS ?? 500_000)
const CLAIMS = Number(process.env.BENCH_EDITOR_CLAIMS ?? 5000)
const MARKS = 7
const PROFILE = process.argv.includes('--profile')
const ESSAY = '[data-lexical-editor="true"]'

/** In the page: resolves in the task after the next frame is painted, with performance.now() then. */
const AFTER_PAINT = `new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(null) }))`

async function openApp(
  browser: Browser,
  url: string,
  claims: number,
  dir?: string,
): Promise<{ page: Page; ms: number; nodes: number }> {
  const page = await browser.newPage({
    viewport: { width: 1360, height: 900 },
  })
  await timeKeysIn(page)
  return profiled(page, 'open', dir, async () => {
    const t0 = Date.now()
    await page.goto(url)
    await page.waitForFunction(
      ({ selector, claims }) => {
        const essay = document.querySelector(selector)
        if (!essay || (essay.textContent ?? '').length < 1000) return false
        return (
          claims === 0 ||
          (essay.querySelector('mark') !== null && document.querySelector('.claim-list article') !== null)
        )
      },
      { selector: ESSAY, claims },
      { timeout: 300_000, polling: 'raf' },
    )
    await page.evaluate(AFTER_PAINT)
    const ms = Date.now() - t0
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    return { page, ms, nodes }
  })
}

/** The plain Lexical page; `editable`: taking typing, with the class the app gives a long essay. */
export async function openPlain(browser: Browser, essay: ParsedEssay): Promise<number>
export async function openPlain(browser: Browser, essay: ParsedEssay, editable: true): Promise<Page>
export async function openPlain(browser: Browser, essay: ParsedEssay, editable = false): Promise<number | Page> {
  const bundle = await build({
    entryPoints: [join(__dirname, 'plainLexical.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'error',
  })
  const assets = join(root, 'out', 'renderer', 'assets')
  const css = readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n')
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>${css}</style></head><body>
<div class="app"><main class="workspace"><section class="essay-pane${editable ? ' editing' : ''}"><div id="essay" class="essay${editable ? ' essay-long' : ''}" contenteditable="${editable}"${editable ? ' spellcheck="false"' : ''}></div></section></main></div>
<script>window.__blocks = ${JSON.stringify(essay.blocks).replace(/</g, '\\u003c')}; window.__editable = ${editable}</script><script>${bundle.outputFiles[0].text}</script></body></html>`
  const page = await browser.newPage({
    viewport: { width: 1360, height: 900 },
  })
  if (editable) await timeKeysIn(page)
  await page.route('http://bench.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: html }))
  const t0 = Date.now()
  await page.goto('http://bench.invalid/')
  await page.waitForFunction(() => (window as { __painted?: number }).__painted !== undefined, undefined, {
    timeout: 300_000,
    polling: 50,
  })
  const ms = Date.now() - t0
  if (editable) return page
  await page.close()
  return ms
}

async function profiled<T>(page: Page, name: string, dir: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!PROFILE || !dir) return run()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const result = await run()
  const { profile } = await cdp.send('Profiler.stop')
  const file = join(dir, `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  console.log(`CPU profile: ${file}`)
  return result
}

/** Selects a stretch of a paragraph far down the essay and marks it; keydown to its card focused. */
async function markClaims(page: Page): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < MARKS; i++) {
    const before = await page.evaluate(
      () => document.activeElement?.closest('article')?.getAttribute('data-claim-id') ?? '',
    )
    await page.evaluate(
      ({ selector, at }) => {
        const paragraphs = document.querySelectorAll(`${selector} p`)
        const p = paragraphs[Math.floor(paragraphs.length * at)]
        p.scrollIntoView({ block: 'center' })
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        const node = walker.nextNode() as Text
        const range = document.createRange()
        range.setStart(node, 0)
        range.setEnd(node, Math.min(node.data.length, 6))
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        const w = window as unknown as { __markdown: number }
        window.addEventListener('keydown', (e) => (w.__markdown = e.timeStamp), { capture: true, once: true })
      },
      { selector: ESSAY, at: 0.3 + i * 0.09 },
    )
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    await page.keyboard.press('Control+Shift+M')
    // A string, not a function: the bundler would wrap a named inner function in a helper the page lacks.
    const ms = await page.evaluate(`new Promise((resolve) => {
      const check = () => {
        const card = document.activeElement?.closest('article[data-claim-id]')
        const id = card?.getAttribute('data-claim-id')
        const box = card?.getBoundingClientRect()
        if (id && id !== ${JSON.stringify(before)} && box && box.top >= 0 && box.top < window.innerHeight - 40) {
          ${AFTER_PAINT}.then((t) => resolve(t - window.__markdown))
        } else requestAnimationFrame(check)
      }
      check()
    })`)
    times.push(ms as number)
    await page.waitForTimeout(300)
  }
  return times
}

/**
 * Where the renderer is not built or Chromium is missing, the section says what to do in one row
 * instead of failing the whole run.
 */
export function editorUnavailable(): string | null {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
    return 'build the renderer first: npx electron-vite build'
  if (!existsSync('/usr/bin/chromium') && !existsSync(chromium.executablePath()))
    return 'needs Chromium (/usr/bin/chromium or npx playwright install chromium)'
  return null
}

export async function benchEditor(report: Report): Promise<void> {
  const section = 'editor'
  const missing = editorUnavailable()
  if (missing) {
    report.add({ section, what: 'the essay editor at scale', value: 'not run', reference: missing })
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-editor-bench-'))
  const essay = longEssay(CHARS)
  const withClaims = join(dir, 'claims.factdesk')
  const empty = join(dir, 'empty.factdesk')
  writeReview(withClaims, essay, CLAIMS)
  writeReview(empty, essay, 0)
  const size = `${CLAIMS.toLocaleString('en')} claims on ${CHARS.toLocaleString('en')} characters (${essay.blocks.length} blocks)`
  const harnesses = await Promise.all([
    startHarness(withClaims, join(dir, 'data-a')),
    startHarness(empty, join(dir, 'data-b')),
  ])
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: chromiumArgs,
  })
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`
  try {
    const plain = await openPlain(browser, essay)
    const open = await openApp(browser, harnesses[0].url, CLAIMS, dir)
    report.add({
      section,
      what: `open to interactive, ${size}; wall-clock`,
      value: fmt(open.ms),
      reference: `plain Lexical render ${fmt(plain)}; ${open.nodes} DOM nodes after open`,
      ratio: `${(open.ms / plain).toFixed(2)}×`,
      goal: '≤ 1.5× plain',
      met: open.ms / plain <= 1.5,
    })
    const keys = await profiled(open.page, 'keys', dir, () => typeKeys(open.page, ESSAY, `${CLAIMS} claims`))
    const marks = await profiled(open.page, 'mark', dir, () => markClaims(open.page))
    const pauses = await pauseSaves(open.page, ESSAY)
    const bare = await openApp(browser, harnesses[1].url, 0)
    const bareKeys = await typeKeys(bare.page, ESSAY, 'no claims')
    const barePauses = await pauseSaves(bare.page, ESSAY)
    // What typing costs in Lexical itself, on this machine: no React, no app, the same text and styles.
    const plainPage = await openPlain(browser, essay, true)
    const plainKeys = await pressKeys(plainPage, plainPage.locator(`${ESSAY} p`).nth(4), 'plain Lexical')
    await plainPage.close()
    // What the frame clock alone costs: one paragraph, no editor.
    const floor = await floorKeys(browser)
    const of = (list: KeyTiming[], what: keyof KeyTiming, p: number) =>
      percentile(
        list.map((k) => k[what]),
        p,
      )
    const both = (list: KeyTiming[], what: keyof KeyTiming) =>
      `${fmt(of(list, what, 95))} (p50 ${fmt(of(list, what, 50))})`
    const work = of(keys, 'work', 95)
    report.add({
      section,
      what: `a key's own work p95 (input + its frame), ${CLAIMS} claims`,
      value: both(keys, 'work'),
      reference: `no claims ${both(bareKeys, 'work')}; plain Lexical ${both(plainKeys, 'work')}; floor ${both(floor, 'work')}`,
      ratio: `${(work / of(plainKeys, 'work', 95)).toFixed(2)}× plain Lexical`,
      goal: '≤ 16 ms',
      met: work <= 16,
    })
    report.add({
      section,
      what: `  of which the frame's rendering p95, ${CLAIMS} claims`,
      value: fmt(of(keys, 'frame', 95)),
      reference: `no claims ${fmt(of(bareKeys, 'frame', 95))}; plain Lexical ${fmt(of(plainKeys, 'frame', 95))}; floor ${fmt(of(floor, 'frame', 95))}`,
    })
    const latency = of(keys, 'latency', 95)
    const bareLatency = of(bareKeys, 'latency', 95)
    report.add({
      section,
      what: `a key to its next paint p95 (in the page), ${CLAIMS} claims`,
      value: both(keys, 'latency'),
      reference: `no claims ${both(bareKeys, 'latency')}; plain Lexical ${both(plainKeys, 'latency')}; floor ${both(floor, 'latency')}`,
      ratio: `${(latency / bareLatency).toFixed(2)}× no claims; ${(latency / of(floor, 'latency', 95)).toFixed(2)}× floor`,
      goal: '≤ 1.5× no claims',
      met: latency / bareLatency <= 1.5,
    })
    report.add({
      section,
      what: 'mark a claim p50 (key to its card focused, in view)',
      value: fmt(percentile(marks, 50)),
      reference: `max ${fmt(Math.max(...marks))}`,
    })
    const median = (list: PauseTiming[], what: keyof PauseTiming) =>
      percentile(
        list.map((p) => p[what]),
        50,
      )
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`
    report.add({
      section,
      what: `a pause in typing above ${CLAIMS} claims: the longest task until the save is drawn, p50`,
      value: median(pauses, 'longest') ? fmt(median(pauses, 'longest')) : 'none over 50 ms',
      reference: `no claims ${median(barePauses, 'longest') ? fmt(median(barePauses, 'longest')) : 'none over 50 ms'}; all tasks over 50 ms ${fmt(median(pauses, 'blocked'))}; the save sent ${kb(median(pauses, 'sentBytes'))}, its answer ${kb(median(pauses, 'answerBytes'))} after ${fmt(median(pauses, 'saveMs'))} (no claims ${fmt(median(barePauses, 'saveMs'))})`,
    })
    report.add({
      section,
      what: 'open with no claims (app)',
      value: fmt(bare.ms),
      reference: `plain Lexical render ${fmt(plain)}`,
      ratio: `${(bare.ms / plain).toFixed(2)}×`,
    })
  } finally {
    await browser.close()
    await Promise.all(harnesses.map((h) => stop(h.child)))
    if (!PROFILE) rmSync(dir, { recursive: true, force: true })
  }
}

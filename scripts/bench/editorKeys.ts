/**
 * The editor bench's keystrokes, timed in the page. Playwright's round trips and the display's frame
 * clock are not the editor's: a key is timed from its events to the end of the frame that shows it, and
 * what it costs the main thread is told apart from the wait for that frame (docs/editor-scale.md).
 */
import type { Browser, Locator, Page } from '@playwright/test'

export const KEYS = 40
const WARM_UP = 5

/** One key as the page saw it (ms, `performance.now()`). */
export interface KeyTiming {
  /** The key's own work: its events' handling, the tasks it queued before its frame, and that frame's rendering. */
  work: number
  /** From the keydown's time stamp to the end of the frame that shows the key (idle wait for the frame included). */
  latency: number
  /** The frame's rendering alone: from the first animation-frame callback to the task after the frame. */
  frame: number
}

/**
 * Installed once in a page (a string: the bundler would wrap named inner functions in helpers the page
 * lacks). For each key: the first capture listener of `keydown` starts it; an `input` listener on the
 * event's target (after the editor's, and after the microtasks it queued, which run when each listener
 * returns), or a cancelled `beforeinput`'s when the editor inserted the text itself, ends its input handling; a message posted then runs after the tasks the key queued (React's scheduler
 * posts messages too); an animation-frame callback asked for at keydown, run once the input was handled,
 * starts the frame that shows it, and a message posted from it runs once that frame is rendered. The wait
 * between the input and the frame is idle unless tasks ran there, and those count as work.
 */
const INSTALL = `(() => {
  if (window.__keyTimes) return
  const times = (window.__keyTimes = [])
  const now = () => performance.now()
  let current = null
  const afterTasks = (done) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => done(now())
    channel.port2.postMessage(null)
  }
  const frame = (key) =>
    requestAnimationFrame(() => {
      if (key !== current) return
      if (key.inputEnd === undefined) return frame(key)
      key.rafStart = now()
      afterTasks((t) => {
        key.frameEnd = t
        const queued = key.queuedEnd !== undefined && key.queuedEnd < key.rafStart ? key.queuedEnd - key.inputEnd : 0
        times.push({
          work: key.inputEnd - key.start + queued + (key.frameEnd - key.rafStart),
          latency: key.frameEnd - key.stamp,
          frame: key.frameEnd - key.rafStart,
        })
      })
    })
  addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    current = { stamp: e.timeStamp, start: now() }
    frame(current)
  }, true)
  const handled = () => {
    const key = current
    if (!key || key.inputEnd !== undefined) return
    key.inputEnd = now()
    afterTasks((t) => (key.queuedEnd = t))
  }
  // Lexical stops the input event at the editor: a listener on the target itself runs after the
  // editor's (and after the microtasks its listener queued).
  addEventListener('input', (e) => e.target.addEventListener('input', handled, { once: true }), true)
  // An editor that inserts the text itself cancels the beforeinput: no input event follows.
  addEventListener('beforeinput', (e) => e.target.addEventListener('beforeinput', (e) => e.defaultPrevented && handled(), { once: true }), true)
  // Neither was seen: the keyup comes after the key's handling (and maybe after its frame).
  addEventListener('keyup', handled, true)
})()`

/** Times every key typed in the page from now on; before the page loads, so its keydown listener runs first. */
export async function timeKeysIn(page: Page): Promise<void> {
  await page.addInitScript(INSTALL)
}

/** Clicks into `paragraph`, then WARM_UP + KEYS keys at about ten a second; the main thread's time per key too. */
export async function pressKeys(page: Page, paragraph: Locator, label: string): Promise<KeyTiming[]> {
  await paragraph.click({ position: { x: 30, y: 8 } })
  // A page opened without timeKeysIn (its own keydown listeners then run first).
  await page.evaluate(INSTALL)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const metrics = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const first = await page.evaluate(() => (window as unknown as { __keyTimes: KeyTiming[] }).__keyTimes.length)
  let before: Record<string, number> = {}
  for (let i = 0; i < KEYS + WARM_UP; i++) {
    if (i === WARM_UP) before = await metrics()
    await page.keyboard.press(i % 6 === 5 ? 'Space' : 'a')
    await page.waitForFunction(
      (n) => (window as unknown as { __keyTimes: unknown[] }).__keyTimes.length > n,
      first + i,
      {
        polling: 10,
        timeout: 30_000,
      },
    )
    // About ten keys a second, as a reviewer fixing a typo types; no pause long enough to save.
    await page.waitForTimeout(60)
  }
  const after = await metrics()
  await cdp.detach()
  const per = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / KEYS
  console.log(
    `  main thread per key (${label}): script ${per('ScriptDuration').toFixed(1)} ms, layout ${per('LayoutDuration').toFixed(1)} ms, style ${per('RecalcStyleDuration').toFixed(1)} ms, all tasks ${per('TaskDuration').toFixed(1)} ms`,
  )
  const all = await page.evaluate(() => (window as unknown as { __keyTimes: KeyTiming[] }).__keyTimes)
  return all.slice(first + WARM_UP)
}

/** Edit mode, the caret in the essay's fifth paragraph, then the keys; back to Review mode and saved. */
export async function typeKeys(page: Page, essay: string, label: string): Promise<KeyTiming[]> {
  await page.keyboard.press('Control+Shift+E')
  await page.locator('.essay-pane.editing').waitFor()
  const times = await pressKeys(page, page.locator(`${essay} p`).nth(4), label)
  await page.keyboard.press('Escape')
  await page.locator('.essay-pane.editing').waitFor({ state: 'detached' })
  await page
    .locator('.save-state.save-saved')
    .waitFor({ timeout: 120_000 })
    .catch(() => undefined)
  return times
}

/**
 * The floor: one paragraph in a bare contenteditable, no editor and no app. Its latency to the next
 * paint is what the frame clock alone costs on this machine.
 */
export async function floorKeys(browser: Browser): Promise<KeyTiming[]> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"></head><body>
<div contenteditable="true" spellcheck="false" style="font: 17px/1.7 sans-serif; max-width: 42rem; margin: 2rem auto"><p>한 문단의 글입니다. A paragraph of text to type into.</p></div></body></html>`
  await timeKeysIn(page)
  await page.route('http://floor.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: html }))
  await page.goto('http://floor.invalid/')
  const times = await pressKeys(page, page.locator('p').first(), 'floor: one paragraph, no app')
  await page.close()
  return times
}

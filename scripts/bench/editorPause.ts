/**
 * A pause in typing: the claims move once for all the keys typed, and the essay is saved with their
 * ranges (useDocumentSync.ts). Typing above thousands of claims moves every one of them, so this is
 * where their number shows. Timed in the page: the tasks longer than 50 ms (the Long Tasks API: what
 * holds a key typed then) from the pause until the save's answer is in and drawn, and the bytes of the
 * answer.
 */
import type { Page } from '@playwright/test'

export interface PauseTiming {
  /** The longest task over 50 ms, 0 when there was none. */
  longest: number
  /** All tasks over 50 ms together. */
  blocked: number
  /** The essay save's answer, in bytes of JSON. */
  answerBytes: number
  /** What the page sent to save the essay, in bytes of JSON. */
  sentBytes: number
  /** From the save's call until its answer was in: the service's work on it, and the transport. */
  saveMs: number
}

const ROUNDS = 5

/** Types two characters at the start of the essay's fifth paragraph, `ROUNDS` times, each followed by a pause. */
export async function pauseSaves(page: Page, essay: string): Promise<PauseTiming[]> {
  await page.keyboard.press('Control+Shift+E')
  await page.locator('.essay-pane.editing').waitFor()
  await page.locator(`${essay} p`).nth(4).click()
  await page.keyboard.press('Home')
  await page.evaluate(() => {
    const w = window as unknown as {
      __pause: { tasks: number[]; saved: Response[]; sent: string[]; took: number[] }
    }
    w.__pause = { tasks: [], saved: [], sent: [], took: [] }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__pause.tasks.push(e.duration)
    }).observe({ type: 'longtask' })
    const fetched = window.fetch.bind(window)
    window.fetch = async (url, init) => {
      const t0 = performance.now()
      const answer = await fetched(url, init)
      const address = url instanceof Request ? url.url : url.toString()
      if (address.endsWith('/document-save')) {
        w.__pause.took.push(performance.now() - t0)
        w.__pause.saved.push(answer.clone())
        // Measured once the pause is over: encoding it now would count in the tasks timed.
        w.__pause.sent.push(typeof init?.body === 'string' ? init.body : '')
      }
      return answer
    }
  })
  const out: PauseTiming[] = []
  for (let i = 0; i < ROUNDS; i++) {
    await page.evaluate(() => {
      const w = window as unknown as {
        __pause: { tasks: number[]; saved: Response[]; sent: string[]; took: number[] }
      }
      w.__pause.tasks = []
      w.__pause.saved = []
      w.__pause.sent = []
      w.__pause.took = []
    })
    await page.keyboard.type('가나')
    await page.waitForFunction(() => (window as unknown as { __pause: { saved: unknown[] } }).__pause.saved.length > 0)
    await page.locator('.save-state.save-saved').waitFor({ timeout: 120_000 })
    // The answer's own work (the list, the highlights) runs after it arrives.
    await page.waitForTimeout(500)
    const { tasks, saved, sent, took } = await page.evaluate(async () => {
      const p = (
        window as unknown as { __pause: { tasks: number[]; saved: Response[]; sent: string[]; took: number[] } }
      ).__pause
      // No named function here: the bundler would wrap it in a helper the page does not have.
      return {
        tasks: p.tasks,
        saved: await Promise.all(p.saved.map(async (r) => (await r.arrayBuffer()).byteLength)),
        sent: p.sent.map((body) => new TextEncoder().encode(body).length),
        took: p.took,
      }
    })
    out.push({
      longest: Math.max(0, ...tasks),
      blocked: tasks.reduce((a, b) => a + b, 0),
      answerBytes: saved[0] ?? 0,
      sentBytes: sent[0] ?? 0,
      saveMs: took[0] ?? 0,
    })
  }
  await page.keyboard.press('Escape')
  return out
}

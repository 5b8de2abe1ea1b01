import { expect, test } from './fixtures'
import { cards, seedClaims, SPANS, UI, type UiLang } from '../support/deskLook'

/** The review the layout is judged on: five claims, four verdicts, overlaps and neighbours. */
const SEEDS = [
  { start: SPANS.office, verdict: 'true' },
  { start: SPANS.announced, verdict: 'half-true' },
  { start: SPANS.rank, verdict: 'mostly-false', note: '2025년 5월 기준 유료 가입자 수 통계로 확인 필요.' },
  { start: SPANS.recorded },
  { start: SPANS.long.start, end: SPANS.long.end, verdict: 'false' },
  { start: SPANS.stack },
]

/** Nothing is wider than the window, and the page itself never scrolled. */
async function expectFitsWindow(page: import('@playwright/test').Page): Promise<void> {
  const m = await page.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScroll: document.scrollingElement?.scrollTop ?? 0,
    appScroll: document.querySelector('.app')?.scrollTop ?? 0,
    appLeft: document.querySelector('.app')?.scrollLeft ?? 0,
  }))
  expect(m.scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(m.width)
  expect([m.bodyScroll, m.appScroll, m.appLeft]).toEqual([0, 0, 0])
}

for (const lang of ['en', 'ko'] as const satisfies UiLang[]) {
  const ui = UI[lang]
  test.describe(`layout (${lang})`, () => {
    test.use({ harnessLang: lang })

    test('at 1024 × 640 nothing scrolls sideways and the toolbar is one line, the rest in More', async ({ desk }) => {
      await desk.setViewportSize({ width: 1024, height: 640 })
      await seedClaims(desk, SEEDS)
      await expectFitsWindow(desk)
      const toolbar = desk.getByRole('toolbar')
      // One line: every control of the toolbar on the same row, none cut off.
      const rows = await toolbar.evaluate((bar) => {
        const tops = [...bar.children]
          .filter((c) => (c as HTMLElement).offsetParent !== null)
          .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2))
        return {
          spread: Math.max(...tops) - Math.min(...tops),
          overflow: bar.scrollWidth - bar.clientWidth,
          height: bar.getBoundingClientRect().height,
        }
      })
      expect(rows.overflow).toBeLessThanOrEqual(0)
      expect(rows.spread).toBeLessThanOrEqual(4)
      expect(rows.height).toBeLessThan(60)
      await expect(toolbar.getByRole('button', { name: ui.preferences, exact: true })).toHaveCount(0)
      await toolbar.getByRole('button', { name: ui.more, exact: true }).click()
      const menu = desk.getByRole('menu', { name: ui.more })
      for (const name of [ui.settings, ui.preferences, ui.shortcuts])
        await expect(menu.getByRole('menuitem', { name })).toBeVisible()
      const box = await menu.boundingBox()
      expect(box!.x + box!.width).toBeLessThanOrEqual(1024)
      await menu.getByRole('menuitem', { name: ui.preferences }).click()
      await expect(desk.getByRole('dialog', { name: ui.preferences })).toBeVisible()

      // Wide enough, the commands are buttons again and More is gone.
      await desk.keyboard.press('Escape')
      await desk.setViewportSize({ width: 1440, height: 900 })
      await expect(toolbar.getByRole('button', { name: ui.preferences, exact: true })).toBeVisible()
      await expect(toolbar.getByRole('button', { name: ui.more, exact: true })).toHaveCount(0)
      await expectFitsWindow(desk)
    })

    test('selecting cards and highlights scrolls the essay and the list, never the toolbar', async ({ desk }) => {
      await desk.setViewportSize({ width: 1024, height: 640 })
      await seedClaims(desk, SEEDS)
      const mark = desk.getByRole('button', { name: ui.markClaim, exact: true })
      for (let i = 0; i < SEEDS.length; i++) {
        await desk.keyboard.press('Alt+ArrowDown')
        await expect(cards(desk).nth(i)).toHaveAttribute('aria-current', 'true')
        await desk.evaluate(() => new Promise((done) => setTimeout(done, 400)))
        await expect(mark).toBeInViewport({ ratio: 1 })
        expect((await mark.boundingBox())!.y).toBeLessThan(50)
        await expectFitsWindow(desk)
      }
      // The last claim sits far down the essay: the essay pane scrolled to it, the page did not.
      expect(await desk.locator('.essay-pane').evaluate((p) => p.scrollTop)).toBeGreaterThan(0)
      await cards(desk).first().locator('.claim-quote').click()
      await desk.evaluate(() => new Promise((done) => setTimeout(done, 400)))
      await expect(mark).toBeInViewport({ ratio: 1 })
      await expectFitsWindow(desk)
    })

    test('the Claims panel is resized with the mouse or the keyboard and keeps its width', async ({
      desk,
      harness,
    }) => {
      await desk.setViewportSize({ width: 1440, height: 900 })
      const panel = desk.locator('.claims-panel')
      const splitter = desk.getByRole('separator', { name: ui.resize })
      const before = Math.round((await panel.boundingBox())!.width)
      await splitter.focus()
      for (let i = 0; i < 3; i++) await desk.keyboard.press('ArrowLeft')
      await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(before + 48)
      await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 48))
      await desk.keyboard.press('ArrowRight')
      await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(before + 32)

      const box = (await splitter.boundingBox())!
      await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await desk.mouse.down()
      await desk.mouse.move(1440 - 600, box.y + 20, { steps: 5 })
      await desk.mouse.up()
      await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(600)
      // Kept in the preferences, so it is there after a restart.
      await expect
        .poll(() => desk.evaluate(() => window.factdesk.call('prefs-get', {})))
        .toMatchObject({ ok: true, value: { panelWidth: 600 } })
      await harness.restart()
      await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(600)
      // Never wider than the window leaves the essay room for.
      await splitter.focus()
      await desk.keyboard.press('Home')
      const widest = Math.round((await panel.boundingBox())!.width)
      expect(1440 - widest).toBeGreaterThanOrEqual(420)
    })

    test('the essay keeps a readable measure from 1024 px to 4K', async ({ desk }) => {
      for (const [width, height] of [
        [1024, 640],
        [1440, 900],
        [2560, 1440],
        [3840, 2160],
      ]) {
        await desk.setViewportSize({ width, height })
        const measure = await desk
          .locator('.essay-paragraph')
          .first()
          .evaluate((p) => {
            const size = parseFloat(getComputedStyle(p).fontSize)
            return p.getBoundingClientRect().width / size
          })
        // About 20 to 36 full-width characters a line (Korean reads best around 30–35).
        expect(measure, `${width} px`).toBeGreaterThanOrEqual(20)
        expect(measure, `${width} px`).toBeLessThanOrEqual(36)
        await expectFitsWindow(desk)
      }
    })

    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
      [2560, 1440],
    ]) {
      test(`looks as approved at ${width} × ${height}`, async ({ desk }) => {
        await desk.setViewportSize({ width, height })
        await desk.emulateMedia({ reducedMotion: 'reduce' })
        await seedClaims(desk, SEEDS)
        await cards(desk).nth(2).locator('.claim-quote').click()
        await expect(cards(desk).nth(2)).toHaveAttribute('aria-current', 'true')
        await desk.evaluate(async () => {
          await document.fonts.ready
          ;(document.activeElement as HTMLElement | null)?.blur()
          window.getSelection()?.removeAllRanges()
        })
        await desk.locator('.essay-pane').evaluate((p) => p.scrollTo(0, 0))
        await expect(desk).toHaveScreenshot(`desk-${lang}-${width}.png`, {
          animations: 'disabled',
          caret: 'hide',
          // Times of day differ run to run; everything else is the same review.
          mask: [desk.locator('time')],
          maxDiffPixelRatio: 0.01,
        })
      })
    }
  })
}

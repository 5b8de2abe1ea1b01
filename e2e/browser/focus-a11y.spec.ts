import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { selectText } from '../desk'
import { expect, test } from './fixtures'
import { cards, focused, markSpan, seedClaims, SPANS, UI, type UiLang } from '../support/deskLook'

/** Serious and critical findings of an axe-core scan of the page (or of one part of it). */
async function axeProblems(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page })
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
}

for (const lang of ['en', 'ko'] as const satisfies UiLang[]) {
  const ui = UI[lang]
  test.describe(`focus and accessibility (${lang})`, () => {
    test.use({ harnessLang: lang })

    test('focus goes back where it was after each dialog and after undo', async ({ desk }) => {
      await desk.setViewportSize({ width: 1440, height: 900 })
      await seedClaims(desk, [{ start: SPANS.office }, { start: SPANS.rank }])
      const toolbar = desk.getByRole('toolbar')
      for (const name of [ui.shortcuts, ui.preferences, ui.suggest, ui.settings]) {
        const button = toolbar.getByRole('button', { name, exact: true })
        await button.focus()
        await desk.keyboard.press('Enter')
        await expect(desk.getByRole('dialog')).toBeVisible()
        await desk.keyboard.press('Escape')
        await expect(desk.getByRole('dialog')).toHaveCount(0)
        await expect(button, `after ${name}`).toBeFocused()
      }
      // "?" on a card opens the sheet; closing it gives the card back its focus.
      const quote = cards(desk).nth(1).locator('.claim-quote')
      await quote.focus()
      await desk.keyboard.press('?')
      await expect(desk.getByRole('dialog')).toBeVisible()
      await desk.getByRole('dialog').getByRole('button', { name: ui.close }).click()
      await expect(quote).toBeFocused()

      // From More at 1024 px: back on More.
      await desk.setViewportSize({ width: 1024, height: 700 })
      const more = toolbar.getByRole('button', { name: ui.more, exact: true })
      await more.click()
      await desk.getByRole('menuitem', { name: ui.preferences }).click()
      await expect(desk.getByRole('dialog', { name: ui.preferences })).toBeVisible()
      await desk.keyboard.press('Escape')
      await expect(more).toBeFocused()

      // Ctrl+Z takes back a mark: the focus stays in the desk (the essay), not on the page body.
      await markSpan(desk, SPANS.stack)
      await desk.keyboard.press('Control+z')
      await expect(cards(desk)).toHaveCount(2)
      await expect.poll(() => focused(desk)).not.toBe('body')
      // Remove a claim, then Undo in the notice: the card that came back has the focus.
      await cards(desk).nth(0).locator('.claim-quote').click()
      await cards(desk).nth(0).getByRole('button', { name: ui.removeClaim }).click()
      await expect(cards(desk)).toHaveCount(1)
      await desk.locator('.notice').getByRole('button', { name: ui.undo }).click()
      await expect(cards(desk)).toHaveCount(2)
      await expect(cards(desk).nth(0).locator('.claim-quote')).toBeFocused()
      // Ctrl+Z from the search box: the focus stays in the search box.
      await cards(desk).nth(0).getByRole('button', { name: ui.removeClaim }).click()
      const search = desk.getByRole('searchbox', { name: ui.search })
      await search.focus()
      await desk.keyboard.press('Escape')
      await desk.evaluate(() => (document.activeElement as HTMLElement).blur())
      await desk.locator('.notice').getByRole('button', { name: ui.undo }).focus()
      await desk.keyboard.press('Enter')
      await expect(cards(desk)).toHaveCount(2)
      await expect.poll(() => focused(desk)).not.toBe('body')
    })

    test('the search box comes before the tally in Tab order; Mark claim says why it cannot run', async ({ desk }) => {
      await seedClaims(desk, [{ start: SPANS.rank }])
      await desk.getByRole('separator', { name: ui.resize }).focus()
      await desk.keyboard.press('Tab')
      await expect(desk.getByRole('searchbox', { name: ui.search })).toBeFocused()
      const order = await desk.evaluate(() => {
        const all = [
          ...document.querySelectorAll<HTMLElement>(
            '.claims-panel button, .claims-panel input, .claims-panel select, .claims-panel summary',
          ),
        ]
        const search = all.findIndex((el) => el.matches('input[type="search"]'))
        const tally = all.findIndex((el) => el.closest('.tally'))
        return { search, tally }
      })
      expect(order.search).toBeLessThan(order.tally)

      const mark = desk.getByRole('button', { name: ui.markClaim, exact: true })
      await expect(mark).toHaveAttribute('aria-disabled', 'true')
      await expect(mark).toHaveAttribute('title', ui.markClaimDisabled)
      await expect(mark).toHaveAccessibleDescription(ui.markClaimDisabled)
      await selectText(desk, { start: SPANS.stack })
      await expect(mark).toBeEnabled()
      await mark.click()
      await expect(cards(desk)).toHaveCount(2)
      await expect(mark).toHaveAttribute('aria-disabled', 'true')
    })

    test('the essay is tagged with its own language, the page with the interface’s', async ({ desk }) => {
      await expect(desk.locator('html')).toHaveAttribute('lang', lang)
      await expect(desk.locator('.essay')).toHaveAttribute('lang', 'ko')
    })

    test('axe-core finds no serious or critical problem on the desk or in its dialogs', async ({ desk }) => {
      await desk.setViewportSize({ width: 1440, height: 900 })
      await seedClaims(desk, [
        { start: SPANS.office, verdict: 'true' },
        { start: SPANS.announced },
        { start: SPANS.rank, note: '확인 필요' },
      ])
      await cards(desk).nth(1).locator('.claim-quote').click()
      await desk.getByRole('searchbox', { name: ui.search }).fill('서울')
      await expect(cards(desk)).toHaveCount(2)
      expect(await axeProblems(desk), 'the desk').toEqual([])
      await desk.getByRole('searchbox', { name: ui.search }).fill('')
      const toolbar = desk.getByRole('toolbar')
      for (const name of [ui.shortcuts, ui.preferences, ui.suggest, ui.settings]) {
        await toolbar.getByRole('button', { name, exact: true }).click()
        await expect(desk.getByRole('dialog')).toBeVisible()
        await desk.evaluate(() => new Promise((done) => setTimeout(done, 300)))
        expect(await axeProblems(desk, 'dialog'), name).toEqual([])
        await desk.keyboard.press('Escape')
        await expect(desk.getByRole('dialog')).toHaveCount(0)
      }
      await desk.setViewportSize({ width: 1024, height: 700 })
      await toolbar.getByRole('button', { name: ui.more, exact: true }).click()
      expect(await axeProblems(desk), 'the More menu').toEqual([])
    })
  })
}

import type { Page } from '@playwright/test'
import {
  CLAIM_A,
  claimCard,
  claimItems,
  essayMark,
  isMarked,
  listedClaims,
  searchBox,
  selectText,
  storedClaims,
} from '../desk'
import { expect, test } from './fixtures'

/** Two claims of the bundled essay, A before B in the essay. */
const CLAIM_B = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'

/** Counts every mouse and pointer event the page receives from now on. */
async function watchMouse(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __mouse: string[] }).__mouse = seen
    for (const type of [
      'mousedown',
      'mouseup',
      'pointerdown',
      'pointerup',
      'mousemove',
      'pointermove',
      'contextmenu',
      'wheel',
    ]) {
      window.addEventListener(type, () => seen.push(type), { capture: true })
    }
  })
  return () => page.evaluate(() => (window as unknown as { __mouse: string[] }).__mouse)
}

/** The quote of the card that holds the focus, or null when the focus is not in a card. */
function focusedCard(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('article[data-claim-id]')?.getAttribute('aria-label') ?? null,
  )
}

/** Whether the focused element shows a focus indicator (an outline or a focus ring shadow). */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return false
    const style = getComputedStyle(el)
    return (
      el.matches(':focus-visible') &&
      ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none')
    )
  })
}

const verdictOf = async (page: Page, exact: string) =>
  (await storedClaims(page)).find((c) => c.exact === exact)?.verdict

test('keyboard only: mark a claim, rate it with a number key, move to the next claim', async ({ desk }) => {
  const mouse = await watchMouse(desk)

  // Mark B, then A: a selection made with the Selection API (no mouse), then Control+Shift+M.
  await selectText(desk, { start: CLAIM_B })
  await desk.keyboard.press('Control+Shift+M')
  await expect(claimItems(desk)).toHaveCount(1)
  await expect.poll(() => isMarked(desk, { start: CLAIM_B })).toBe(true)
  // The new claim's card has the focus, visibly: a number key rates it at once.
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_B)
  expect(await focusVisible(desk)).toBe(true)
  await desk.keyboard.press('2')
  await expect.poll(() => verdictOf(desk, CLAIM_B)).toBe('mostly-true')
  await expect(claimCard(desk, CLAIM_B).getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue(
    'mostly-true',
  )

  await selectText(desk, { start: CLAIM_A })
  await desk.keyboard.press('Control+Shift+M')
  await expect(claimItems(desk)).toHaveCount(2)
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_A)
  await desk.keyboard.press('5')
  await expect.poll(() => verdictOf(desk, CLAIM_A)).toBe('false')
  await expect(claimCard(desk, CLAIM_A)).toHaveAttribute('aria-current', 'true')

  // Alt+ArrowDown: the next claim in the essay (B), in the panel and in the editor.
  await desk.keyboard.press('Alt+ArrowDown')
  await expect(claimCard(desk, CLAIM_B)).toHaveAttribute('aria-current', 'true')
  await expect(claimCard(desk, CLAIM_A)).not.toHaveAttribute('aria-current', 'true')
  await expect(essayMark(desk, CLAIM_B)).toHaveClass(/\bclaim-mark-active\b/)
  await expect(essayMark(desk, CLAIM_A)).not.toHaveClass(/\bclaim-mark-active\b/)
  await expect(essayMark(desk, CLAIM_B)).toBeInViewport()
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_B)
  expect(await focusVisible(desk)).toBe(true)
  // 0 is "not yet rated".
  await desk.keyboard.press('0')
  await expect.poll(() => verdictOf(desk, CLAIM_B)).toBe('unrated')

  // Alt+ArrowUp back to A; J and K do the same while the focus is in the panel.
  await desk.keyboard.press('Alt+ArrowUp')
  await expect(claimCard(desk, CLAIM_A)).toHaveAttribute('aria-current', 'true')
  await expect(essayMark(desk, CLAIM_A)).toHaveClass(/\bclaim-mark-active\b/)
  await desk.keyboard.press('j')
  await expect(claimCard(desk, CLAIM_B)).toHaveAttribute('aria-current', 'true')
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_B)
  await desk.keyboard.press('6')
  await expect.poll(() => verdictOf(desk, CLAIM_B)).toBe('undecidable')
  await desk.keyboard.press('k')
  await expect(claimCard(desk, CLAIM_A)).toHaveAttribute('aria-current', 'true')

  // In a form field a digit belongs to the field: on the card's verdict select, "3" rates nothing.
  await desk.keyboard.press('Tab') // from the quote button to the card's next control, the verdict select
  await expect(claimCard(desk, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true })).toBeFocused()
  const verdictBefore = await verdictOf(desk, CLAIM_A)
  await desk.keyboard.press('3')
  expect(await verdictOf(desk, CLAIM_A)).toBe(verdictBefore)

  // "?" (outside a text field) opens the shortcut sheet; Escape closes it and the focus comes back.
  await desk.keyboard.press('Shift+Tab')
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_A)
  await desk.keyboard.press('?')
  const sheet = desk.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('Next claim')
  await desk.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await expect.poll(() => focusedCard(desk)).toBe(CLAIM_A)

  // Control+F goes to the search box; typing filters the list; Escape clears it.
  await desk.keyboard.press('Control+F')
  await expect(searchBox(desk)).toBeFocused()
  expect(await focusVisible(desk)).toBe(true)
  await desk.keyboard.type('서울')
  await expect.poll(() => listedClaims(desk)).toEqual([CLAIM_B])
  await desk.keyboard.press('Escape')
  await expect(searchBox(desk)).toHaveValue('')
  await expect.poll(() => listedClaims(desk)).toEqual([CLAIM_A, CLAIM_B])
  // "/" does the same from anywhere that is not a text field (here the control before the box).
  await desk.keyboard.press('Shift+Tab')
  await expect(searchBox(desk)).not.toBeFocused()
  expect(await focusVisible(desk)).toBe(true)
  await desk.keyboard.press('/')
  await expect(searchBox(desk)).toBeFocused()

  expect(await mouse()).toEqual([])
})

test('the shortcut sheet lists every shortcut, in English and in Korean', async ({ desk, harness }) => {
  // A toolbar button from 1440 px (in More below that).
  await desk.setViewportSize({ width: 1440, height: 900 })
  await desk.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click()
  const sheet = desk.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const text of [
    'Mark the selected text as a claim',
    'Edit the text / back to reviewing',
    'Next claim (editor and panel)',
    'Previous claim (editor and panel)',
    'Verdict: Not yet rated (on the focused card)',
    'Verdict: True (on the focused card)',
    'Verdict: Undecidable (on the focused card)',
    'Search claims',
    'This list of shortcuts',
  ]) {
    await expect(sheet.getByRole('cell', { name: text, exact: true })).toBeVisible()
  }
  await expect(
    sheet.getByRole('row').filter({ hasText: 'Verdict: True (on the focused card)' }).locator('kbd kbd'),
  ).toHaveText('1')
  await expect(
    sheet.getByRole('row').filter({ hasText: 'Edit the text / back to reviewing' }).locator('kbd kbd'),
  ).toHaveText(['Ctrl', 'Shift', 'E'])
  await sheet.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(sheet).toBeHidden()

  await harness.restart({ lang: 'ko' })
  await desk.getByRole('button', { name: '단축키', exact: true }).click()
  const ko = desk.getByRole('dialog', { name: '단축키' })
  await expect(ko.getByRole('cell', { name: '다음 주장 (본문과 주장 목록)', exact: true })).toBeVisible()
  await expect(ko.getByRole('cell', { name: '판정: 사실 (초점이 있는 주장 카드)', exact: true })).toBeVisible()
  await expect(ko.getByRole('cell', { name: '선택한 글을 주장으로 표시', exact: true })).toBeVisible()
  await expect(ko.getByRole('cell', { name: '본문 편집 / 검토로 돌아가기', exact: true })).toBeVisible()
})

test('Preferences: the essay font size applies at once and is kept; the default verdict scale is chosen from the list', async ({
  desk,
  harness,
}) => {
  const essay = desk.locator('[data-lexical-editor="true"]')
  await expect(essay).toHaveCSS('font-size', '18px')
  // A toolbar button from 1440 px (in More below that).
  await desk.setViewportSize({ width: 1440, height: 900 })
  await desk.getByRole('button', { name: 'Preferences', exact: true }).click()
  const dialog = desk.getByRole('dialog', { name: 'Preferences' })
  await dialog.getByRole('combobox', { name: 'Essay font size', exact: true }).selectOption({ label: '24 px' })
  const scale = dialog.getByRole('combobox', { name: 'Verdict scale for new reviews', exact: true })
  await expect(scale).toHaveValue('snu')
  await expect(scale.locator('option').first()).toHaveText(/SNU/)
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(essay).toHaveCSS('font-size', '24px')
  expect(await desk.evaluate(() => window.factdesk.call('prefs-get', {}))).toMatchObject({
    ok: true,
    value: { essayFontSize: 24, defaultScale: 'snu' },
  })
  // Out-of-range sizes are refused by the service.
  expect(await desk.evaluate(() => window.factdesk.call('prefs-set', { essayFontSize: 300 }))).toMatchObject({
    ok: false,
    error: { code: 'invalid-args' },
  })

  await harness.restart()
  await expect(essay).toHaveCSS('font-size', '24px')
})

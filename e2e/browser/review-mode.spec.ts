import type { Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLAIM_A,
  claimCard,
  editText,
  EDITOR,
  essayMark,
  markClaim,
  selectText,
  storedClaims,
  tallyCount,
  writeNote,
} from '../desk'
import { expect, test } from './fixtures'

/** The essay as the review file has it. */
async function savedText(page: Page): Promise<string> {
  const result = await page.evaluate(() => window.factdesk.call('document-get', {}))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.text
}

const shownText = (page: Page) => page.locator(EDITOR).first().innerText()
const toggle = (page: Page) => page.getByRole('button', { name: 'Edit text', exact: true })

test('in review mode typing, pasting and deleting in the essay change nothing', async ({ desk }) => {
  const before = await savedText(desk)
  const shown = await shownText(desk)
  await expect(toggle(desk)).toHaveAttribute('aria-pressed', 'false')
  await expect(desk.locator(EDITOR).first()).toHaveAttribute('contenteditable', 'false')

  // A click puts no caret to type at; keys, a committed IME syllable and Backspace go nowhere.
  await desk.locator(EDITOR).first().getByText(CLAIM_A).click()
  await desk.keyboard.type('9위 xyz')
  await desk.keyboard.insertText('한글')
  await selectText(desk, { start: CLAIM_A })
  await desk.keyboard.press('Backspace')
  await desk.keyboard.press('Enter')
  await desk.keyboard.insertText('붙여넣기')
  expect(await shownText(desk)).toBe(shown)
  // Nothing was saved either (after the essay's save delay would have passed).
  await desk.waitForTimeout(800)
  expect(await savedText(desk)).toBe(before)

  // Selecting and marking still work, read-only as the essay is.
  await markClaim(desk, { start: CLAIM_A })
  await expect(essayMark(desk, CLAIM_A)).toBeVisible()
  expect(await savedText(desk)).toBe(before)
})

test('in review mode the keyboard selects text: Tab reaches the essay, Shift+arrows select, the shortcut marks', async ({
  desk,
}) => {
  const essay = desk.locator(EDITOR).first()
  await expect(essay).toHaveAttribute('tabindex', '0')
  // The caret just before the claim's words, as a reviewer would reach it with the arrows.
  await selectText(desk, { start: CLAIM_A })
  await desk.evaluate(() => window.getSelection()?.collapseToStart())
  for (let i = 0; i < [...CLAIM_A].length; i++) await desk.keyboard.press('Shift+ArrowRight')
  expect(await desk.evaluate(() => window.getSelection()?.toString())).toBe(CLAIM_A)
  await desk.keyboard.press('Control+Shift+M')
  await expect.poll(async () => (await storedClaims(desk)).map((c) => c.exact)).toEqual([CLAIM_A])
})

test('clicking a highlight hands the keys to its card: 2 rates it and the essay is unchanged', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  // Move the focus away first, so it is the click that brings it to the card.
  await desk.getByRole('searchbox', { name: 'Search claims' }).focus()
  const before = await savedText(desk)
  await essayMark(desk, CLAIM_A).click()
  await expect
    .poll(() =>
      desk.evaluate(
        () => document.activeElement?.closest('article[data-claim-id]')?.getAttribute('aria-label') ?? null,
      ),
    )
    .toBe(CLAIM_A)
  await desk.keyboard.press('2')
  await expect.poll(async () => (await storedClaims(desk))[0]?.verdict).toBe('mostly-true')
  await expect(claimCard(desk, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue(
    'mostly-true',
  )
  expect(await savedText(desk)).toBe(before)
  expect((await storedClaims(desk))[0].exact).toBe(CLAIM_A)
})

test('Edit text lets the essay take typing, saves it, and Escape gives the keys back to the claims', async ({
  desk,
  harness,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  // Words selected while reviewing are where the caret goes in Edit mode.
  await selectText(desk, { start: '한국은 미국에' })
  await editText(desk)
  await expect(desk.getByRole('status').filter({ hasText: 'Editing the text' })).toBeVisible()
  await desk.keyboard.press('ArrowRight')
  await desk.keyboard.type(' 바로')
  await expect.poll(() => savedText(desk)).toContain('한국은 미국에 바로 이어')
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // Escape in the essay leaves Edit mode; the selected claim's card has the keys again.
  await desk.keyboard.press('Escape')
  await expect(toggle(desk)).toHaveAttribute('aria-pressed', 'false')
  await expect(desk.getByRole('status').filter({ hasText: 'Editing the text' })).toHaveCount(0)
  await desk.keyboard.press('5')
  await expect.poll(async () => (await storedClaims(desk))[0]?.verdict).toBe('false')
  expect(await savedText(desk)).toContain('한국은 미국에 바로 이어 챗GPT')

  // The shortcut switches both ways.
  await desk.keyboard.press('Control+Shift+E')
  await expect(toggle(desk)).toHaveAttribute('aria-pressed', 'true')
  await desk.keyboard.press('Control+Shift+E')
  await expect(toggle(desk)).toHaveAttribute('aria-pressed', 'false')

  await harness.restart()
  await expect(toggle(desk)).toHaveAttribute('aria-pressed', 'false')
  expect(await shownText(desk)).toContain('한국은 미국에 바로 이어')
})

test('the save indicator says Not saved while the service does not answer, keeps the edit, and saves it on Retry', async ({
  desk,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  await desk.route('**/call/**', (route) => route.abort())
  await claimCard(desk, CLAIM_A)
    .getByRole('combobox', { name: 'Verdict', exact: true })
    .selectOption({ label: 'False' })
  await writeNote(desk, '확인 중')
  const failed = desk.getByRole('alert').filter({ hasText: 'Not saved' })
  await expect(failed).toBeVisible()
  await expect(failed).toContainText('The harness is not running.')
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveCount(0)
  // The edits stay on screen.
  await expect(claimCard(desk, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue('false')
  await expect(claimCard(desk, CLAIM_A).getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('확인 중')
  // An essay edit that cannot be saved stays too.
  await editText(desk)
  await selectText(desk, { start: '한국은 미국에' })
  await desk.keyboard.press('ArrowRight')
  await desk.keyboard.type(' 바로')
  await desk.waitForTimeout(800)
  await expect(failed).toBeVisible()
  expect(await shownText(desk)).toContain('한국은 미국에 바로 이어')

  await desk.unroute('**/call/**')
  await failed.getByRole('button', { name: 'Retry', exact: true }).click()
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(failed).toHaveCount(0)
  const [claim] = await storedClaims(desk)
  expect(claim).toMatchObject({ verdict: 'false', note: '확인 중' })
  expect(await savedText(desk)).toContain('한국은 미국에 바로 이어')

  // Once more, and this time the service comes back by itself: the edit is sent again without Retry.
  await desk.route('**/call/**', (route) => route.abort())
  await claimCard(desk, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'True' })
  await expect(failed).toBeVisible()
  await desk.unroute('**/call/**')
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 })
  expect((await storedClaims(desk))[0].verdict).toBe('true')
})

test('an edit the service refuses is not retried: the reason shows and the card shows what the review file has', async ({
  desk,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  const refusal = { ok: false, error: { code: 'not-found', message: 'That claim is no longer in this review.' } }
  await desk.route('**/call/claim-update', (route) => route.fulfill({ json: refusal }))
  const verdict = claimCard(desk, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true })
  await verdict.selectOption({ label: 'False' })
  await expect(desk.getByText('That claim is no longer in this review.')).toBeVisible()
  await expect(verdict).toHaveValue('unrated')
  await expect(desk.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(desk.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0)
})

test('the header, the tally and the filters count a claim not found in the essay, and say so', async ({
  desk,
  workDir,
}) => {
  const annotation = (id: string, exact: string) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://example.org/a/${id}`,
    body: { type: 'TextualBody', value: '확인 필요' },
    target: { source: 'https://example.org/essay', selector: { type: 'TextQuoteSelector', exact } },
  })
  const file = join(workDir, 'notes.jsonld')
  writeFileSync(
    file,
    JSON.stringify([annotation('found', CLAIM_A), annotation('lost', '이 본문에는 어디에도 없는 문장입니다')]),
  )
  await desk.locator('input[type="file"]').setInputFiles(file)
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  await expect(summary).toBeVisible()
  await summary.getByRole('button', { name: 'Close', exact: true }).click()

  await expect(desk.locator('.claim-count')).toHaveText('2 claims (1 not found in the essay)')
  await expect.poll(() => tallyCount(desk, 'Not yet rated')).toBe(2)
  const notFound = desk.locator('.tally').getByRole('button', { name: /^Not found in the essay/ })
  await expect(notFound).toHaveText('Not found in the essay 1')
  await notFound.click()
  await expect(desk.getByRole('status').filter({ hasText: '1 of 2 claims shown' })).toBeVisible()

  // The HTML export shows claims in the text: it says which one it leaves out.
  await desk.getByRole('button', { name: 'Export', exact: true }).click()
  await desk.getByRole('menuitem', { name: 'Web page for print (.html)…' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Export: HTML' })
  const figure = (term: string) =>
    dialog
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd')
  // Neither claim has a verdict: readers see none until the export is asked to include them.
  await expect(figure('Claims')).toHaveText('0')
  await expect(figure('Left out: no verdict yet')).toHaveText('1')
  await expect(figure('Not found in the essay (left out)')).toHaveText('1')
  await dialog.getByRole('checkbox', { name: 'Include claims without a verdict (labelled unchecked)' }).check()
  await expect(figure('Claims')).toHaveText('1')
  await expect(figure('Not found in the essay (left out)')).toHaveText('1')
})

test.describe('in Korean', () => {
  test.use({ harnessLang: 'ko' })
  test('본문 편집 switches the mode, and the indicator and the count speak Korean', async ({ desk }) => {
    const toggleKo = desk.getByRole('button', { name: '본문 편집', exact: true })
    await expect(toggleKo).toHaveAttribute('aria-pressed', 'false')
    await expect(desk.getByRole('status').filter({ hasText: /^저장됨$/ })).toBeVisible()
    await expect(desk.locator('.claim-count')).toHaveText('주장 0건')
    await toggleKo.click()
    await expect(toggleKo).toHaveAttribute('aria-pressed', 'true')
    await expect(desk.getByRole('status').filter({ hasText: '본문 편집 중' })).toBeVisible()
    await desk.keyboard.press('Escape')
    await expect(toggleKo).toHaveAttribute('aria-pressed', 'false')
  })
})

import type { Locator, Page } from '@playwright/test'
import { join } from 'node:path'
import { addSource, CLAIM_A, claimItems, markClaim, notice, openClaim, storedClaims } from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

/** Every destructive step can be taken back: by the notice's Undo, and by Ctrl+Z outside text fields. */

const CLAIM_B = '2025년 5월'

async function pressUndo(page: Page): Promise<void> {
  // Ctrl+Z belongs to a text field while one has the focus; from the page itself it is the desk's undo.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+Z')
}

const undoOn = (page: Page, text: string): Locator =>
  notice(page, text).getByRole('button', { name: 'Undo', exact: true })
const stored = async (page: Page) => (await storedClaims(page))[0]

test('a removed source, reply and tag come back by Undo and by Control+Z, as new versions in the history', async ({
  desk,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  const card = await openClaim(desk, 0)
  await addSource(desk, { url: 'https://example.org/a', title: '발표 자료', publisher: '오픈AI', excerpt: '2위' })
  await expect.poll(async () => (await stored(desk))?.sources.length).toBe(1)
  const removeSource = card.getByRole('button', { name: 'Remove source: 발표 자료', exact: true })

  await removeSource.click()
  await expect.poll(async () => (await stored(desk))?.sources.length).toBe(0)
  await undoOn(desk, 'Source removed.').click()
  await expect.poll(async () => (await stored(desk))?.sources.map((s) => s.title)).toEqual(['발표 자료'])
  await expect(removeSource).toBeVisible()
  await removeSource.click()
  await expect.poll(async () => (await stored(desk))?.sources.length).toBe(0)
  await pressUndo(desk)
  await expect.poll(async () => (await stored(desk))?.sources.map((s) => s.title)).toEqual(['발표 자료'])
  await expect(removeSource).toBeVisible()

  // A reply.
  await card.getByRole('textbox', { name: 'Reply', exact: true }).fill('발표일 확인 필요')
  await card.getByRole('button', { name: 'Add reply', exact: true }).click()
  const replies = card.getByRole('list', { name: 'Replies', exact: true }).getByRole('listitem')
  await expect(replies).toHaveCount(1)
  await replies
    .first()
    .getByRole('button', { name: /^Delete reply/ })
    .click()
  await expect(replies).toHaveCount(0)
  await undoOn(desk, 'Reply deleted.').click()
  await expect(replies).toHaveCount(1)
  await replies
    .first()
    .getByRole('button', { name: /^Delete reply/ })
    .click()
  await expect(replies).toHaveCount(0)
  await pressUndo(desk)
  await expect(replies.first().locator('.reply-body')).toHaveText('발표일 확인 필요')
  await expect.poll(async () => (await stored(desk))?.replies.map((r) => r.body)).toEqual(['발표일 확인 필요'])

  // A tag.
  const tagInput = card.getByRole('combobox', { name: 'Add tag', exact: true })
  await tagInput.click()
  await desk.keyboard.insertText('통계')
  await desk.keyboard.press('Enter')
  const chip = card.getByRole('list', { name: 'Tags', exact: true }).getByRole('listitem').filter({ hasText: '통계' })
  await expect(chip).toBeVisible()
  await chip.getByRole('button', { name: 'Remove tag 통계', exact: true }).click()
  await expect(chip).toHaveCount(0)
  await undoOn(desk, 'Tag removed.').click()
  await expect(chip).toBeVisible()
  await chip.getByRole('button', { name: 'Remove tag 통계', exact: true }).click()
  await expect(chip).toHaveCount(0)
  await pressUndo(desk)
  await expect(chip).toBeVisible()
  await expect.poll(async () => (await stored(desk))?.tags).toEqual(['통계'])

  // Each restore is a change of its own in the claim's history.
  await card.getByText('History', { exact: true }).click()
  const history = card.getByRole('list', { name: 'Changes to this claim', exact: true }).locator('.history-text')
  await expect(history.first()).toHaveText(/ added the tag “통계”\.$/)
  await expect(history.filter({ hasText: 'restored a deleted reply' })).toHaveCount(2)
  await expect(history.filter({ hasText: 'restored the source “발표 자료”' })).toHaveCount(2)
})

test('“Not a claim” in Suggest claims is taken back by Undo and by Control+Z', async ({ desk }) => {
  await desk.getByRole('button', { name: 'Suggest claims', exact: true }).click()
  const dialog = desk.getByRole('dialog', { name: 'Suggested claims' })
  const items = dialog.getByRole('list', { name: 'Suggested claims', exact: true }).locator(':scope > li')
  await expect(items.first()).toBeVisible()
  const total = await items.count()
  const first = await items.first().locator('q').textContent()

  await items.first().getByRole('button', { name: 'Not a claim', exact: true }).click()
  await expect(items).toHaveCount(total - 1)
  await dialog.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(items).toHaveCount(total)
  await expect(items.first().locator('q')).toHaveText(first!)

  await items.first().getByRole('button', { name: 'Not a claim', exact: true }).click()
  await expect(items).toHaveCount(total - 1)
  await desk.keyboard.press('Control+Z')
  await expect(items).toHaveCount(total)
  await expect(items.first().locator('q')).toHaveText(first!)
  const left = await desk.evaluate(() => window.factdesk.call('suggestions-list', {}))
  expect(left.ok && left.value.length).toBe(total)
})

test('“Undo import” in the summary, and Control+Z after an import, give back the review as it was', async ({
  desk,
  workDir,
  browser,
}) => {
  // This review: one claim of its own.
  await markClaim(desk, { start: CLAIM_B })
  await expect.poll(async () => (await storedClaims(desk)).length).toBe(1)
  const before = JSON.stringify(await storedClaims(desk))

  // Another reviewer's file: a rated claim with a source.
  const other = await launchHarness({
    reviewPath: join(workDir, 'b.factdesk'),
    dataDir: join(workDir, 'data-b'),
    lang: 'en',
  })
  const file = join(workDir, 'from-b.factdesk.json')
  try {
    const page = await (await browser.newContext()).newPage()
    await openDesk(page, other.url)
    await markClaim(page, { start: CLAIM_A })
    await openClaim(page, 0)
    await addSource(page, { url: 'https://example.org/b', title: 'B의 출처', publisher: 'B', excerpt: '' })
    await expect.poll(async () => (await storedClaims(page))[0]?.sources.length).toBe(1)
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Review bundle (.factdesk.json)' }).click(),
    ])
    await download.saveAs(file)
  } finally {
    await stopHarness(other.child)
  }

  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  await desk.locator('input[type="file"]').setInputFiles(file)
  await expect(summary).toBeVisible()
  await expect(claimItems(desk)).toHaveCount(2)
  await summary.getByRole('button', { name: 'Undo import', exact: true }).click()
  await expect(summary).toBeHidden()
  await expect(claimItems(desk)).toHaveCount(1)
  await expect(notice(desk, 'Import undone')).toBeVisible()
  await expect.poll(async () => JSON.stringify(await storedClaims(desk))).toBe(before)
  const log = await desk.evaluate(() => window.factdesk.call('imports-list', {}))
  expect(log.ok && log.value.map((r) => [r.fileName, r.undone !== '', r.canUndo])).toEqual([
    ['from-b.factdesk.json', true, false],
  ])

  // Again, closed with Close: the notice and Control+Z take it back.
  await desk.locator('input[type="file"]').setInputFiles(file)
  await expect(summary).toBeVisible()
  await summary.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(claimItems(desk)).toHaveCount(2)
  await expect(undoOn(desk, 'Import finished.')).toBeVisible()
  await pressUndo(desk)
  await expect(claimItems(desk)).toHaveCount(1)
  await expect.poll(async () => JSON.stringify(await storedClaims(desk))).toBe(before)
})

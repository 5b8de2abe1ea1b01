import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { claimMarker } from '../../src/shared/wordReview'
import { WordDoc } from '../../test/helpers/wordEdits'
import { CLAIM_A, openCard, storedClaims } from '../desk'
import { seedClaims } from '../support/deskLook'
import { expect, test } from './fixtures'

/**
 * Commands that cannot run now are greyed out (aria-disabled, still in the Tab order), say why as their
 * tooltip and accessible description in the reader's language, and do nothing when activated — by
 * mouse or keyboard. Mark claim and the read-only window are in focus-a11y and two-windows; Apply
 * correction on a claim whose words are gone and Assigned to me without a reviewer name cannot be
 * reached on the desk (such a claim has no card; the first-run dialog asks for the name before the desk
 * can be used), so test/unavailableCommands.test.ts renders those two.
 */
async function expectUnavailable(command: Locator, reason: string): Promise<void> {
  await expect(command).toHaveAttribute('aria-disabled', 'true')
  await expect(command).toHaveAttribute('title', reason)
  await expect(command).toHaveAccessibleDescription(reason)
}

/** Clicks the command past Playwright's wait for it to be enabled, then presses Enter and Space on it. */
async function activate(command: Locator): Promise<void> {
  await command.click({ force: true })
  await command.focus()
  await command.press('Enter')
  await command.press('Space')
}

/** The review as a bundle file, for an import that changes nothing. */
async function ownBundle(desk: Page, workDir: string): Promise<string> {
  const exported = await desk.evaluate(() => window.factdesk.call('review-export', { format: 'bundle' }))
  if (!exported.ok) throw new Error(exported.error.message)
  const file = join(workDir, 'own.factdesk.json')
  writeFileSync(file, exported.value.data)
  return file
}

test('while an import runs, Import… says why it waits, in English and Korean, and another file cannot start one', async ({
  desk,
  workDir,
}) => {
  const file = await ownBundle(desk, workDir)
  // The import's call is held on its way to the review until the test lets it go.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  let imports = 0
  await desk.route('**/call/review-import', async (route) => {
    imports += 1
    await held
    await route.continue()
  })
  await desk.locator('input[type="file"]').setInputFiles(file)
  await expect(desk.getByRole('status').filter({ hasText: 'Importing' })).toBeVisible()

  const importButton = desk.getByRole('toolbar').getByRole('button', { name: 'Import…', exact: true })
  await expectUnavailable(importButton, 'An import is in progress: wait for it to finish, or cancel it.')
  // No file dialog opens, by mouse or keyboard.
  const chooser = desk.waitForEvent('filechooser', { timeout: 1500 }).then(
    () => true,
    () => false,
  )
  await activate(importButton)
  expect(await chooser).toBe(false)

  // A file dropped on the desk meanwhile is not imported alongside: the desk says why.
  const dropped = await desk.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['{}'], 'another.factdesk.json', { type: 'application/json' }))
    return data
  })
  await desk.locator('.app').dispatchEvent('drop', { dataTransfer: dropped })
  await expect(
    desk.locator('.notice').filter({ hasText: 'An import is in progress: wait for it to finish, or cancel it.' }),
  ).toBeVisible()

  // The reader's language: the reason follows it.
  await desk.getByRole('combobox', { name: 'Language' }).selectOption('ko')
  const importKo = desk.getByRole('toolbar').getByRole('button', { name: '가져오기…', exact: true })
  await expectUnavailable(importKo, '가져오기가 진행 중입니다. 끝날 때까지 기다리거나 취소하세요.')
  await desk.getByRole('combobox', { name: '언어' }).selectOption('en')

  // Once the import is done, Import… opens the file dialog again; only the first file was imported.
  release()
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  await expect(summary).toBeVisible()
  await summary.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(importButton).not.toHaveAttribute('aria-disabled')
  await expect(importButton).not.toHaveAttribute('title')
  const [opened] = await Promise.all([desk.waitForEvent('filechooser'), importButton.click()])
  expect(opened.isMultiple()).toBe(true)
  expect(imports).toBe(1)
})

test('Word’s Mark claims checked with none chosen says to choose one, and marks nothing', async ({ desk, workDir }) => {
  const [id] = await seedClaims(desk, [{ start: CLAIM_A, verdict: 'half-true' }])
  await desk.getByRole('button', { name: 'Export', exact: true }).click()
  await desk.getByRole('menuitem', { name: 'Word for review (.docx)…' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Export: Word document' })
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save' }).click(),
  ])
  const exported = join(workDir, 'for-review.docx')
  await download.saveAs(exported)
  // The editor marks the thread done (resolved) in Word.
  const doc = new WordDoc(new Uint8Array(readFileSync(exported)))
  doc.resolve(claimMarker(id))
  const reviewed = join(workDir, 'reviewed.docx')
  writeFileSync(reviewed, doc.bytes())

  await desk.locator('input[type="file"]').setInputFiles(reviewed)
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  const resolved = summary.getByRole('group', { name: /marked done \(resolved\) in Word/ })
  await resolved.getByRole('checkbox', { name: new RegExp(CLAIM_A) }).uncheck()
  const mark = resolved.getByRole('button', { name: 'Mark 0 claims checked', exact: true })
  await expectUnavailable(mark, 'Choose at least one claim first.')
  await activate(mark)
  await expect(resolved.getByRole('status')).toHaveCount(0)
  await expect(resolved.getByRole('checkbox', { name: new RegExp(CLAIM_A) })).toBeEnabled()
  expect((await storedClaims(desk)).find((c) => c.id === id)?.status).toBe('open')

  // Chosen again, it runs.
  await resolved.getByRole('checkbox', { name: new RegExp(CLAIM_A) }).check()
  await resolved.getByRole('button', { name: 'Mark 1 claim checked', exact: true }).click()
  await expect(resolved.getByRole('status')).toHaveText('1 claim marked checked.')
  await expect.poll(async () => (await storedClaims(desk)).find((c) => c.id === id)?.status).toBe('checked')
})

test('Save correction, Add reply and Add tag with nothing typed say what to type, and save nothing', async ({
  desk,
}) => {
  await seedClaims(desk, [{ start: CLAIM_A }])
  const card = await openCard(desk, CLAIM_A)

  await card.getByRole('button', { name: 'Propose correction', exact: true }).click()
  const wording = card.getByRole('textbox', { name: 'Corrected wording', exact: true })
  await wording.fill('  ')
  const save = card.getByRole('button', { name: 'Save correction', exact: true })
  await expectUnavailable(save, 'Type the corrected wording first.')
  await activate(save)
  // Enter in a field of the form clicks its submit button: nothing is sent either.
  await card.getByRole('textbox', { name: 'Explanation for readers', exact: true }).press('Control+Enter')
  await expect(wording).toBeVisible()

  const reply = card.getByRole('button', { name: 'Add reply', exact: true })
  await expectUnavailable(reply, 'Write the reply first.')
  await activate(reply)

  const tag = card.getByRole('button', { name: 'Add', exact: true })
  await expectUnavailable(tag, 'Type a tag first.')
  await activate(tag)
  await card.getByRole('combobox', { name: 'Add tag', exact: true }).press('Enter')

  const [claim] = await storedClaims(desk)
  expect({ corrections: claim.corrections, replies: claim.replies, tags: claim.tags }).toEqual({
    corrections: [],
    replies: [],
    tags: [],
  })
  // Typed, each one runs.
  await wording.fill('챗GPT 유료 가입자 수 상위권')
  await expect(save).not.toHaveAttribute('aria-disabled')
  await save.click()
  await expect(card.getByRole('button', { name: 'Apply correction', exact: true })).toBeVisible()
  await card.getByRole('combobox', { name: 'Add tag', exact: true }).fill('순위')
  await tag.click()
  await expect.poll(async () => (await storedClaims(desk))[0].tags).toEqual(['순위'])
  expect((await storedClaims(desk))[0].corrections).toHaveLength(1)
})

test('an own scale’s Remove level at the fewest levels and Add level at the most say the limit', async ({ desk }) => {
  await desk.setViewportSize({ width: 1440, height: 900 })
  await desk.getByRole('button', { name: 'Review settings', exact: true }).click()
  const settings = desk.getByRole('dialog', { name: 'Review settings' })
  await settings.getByRole('radio', { name: 'Own scale' }).check()
  const remove = settings.getByRole('button', { name: /^Remove level: / })
  const add = settings.getByRole('button', { name: 'Add level', exact: true })

  // Down to two levels: neither of them can go.
  while ((await remove.count()) > 2) await remove.first().click()
  for (const button of await remove.all()) {
    await expectUnavailable(button, 'A scale needs at least 2 levels.')
    await activate(button)
  }
  await expect(remove).toHaveCount(2)

  // Up to ten on the scale and one off it: no more.
  while ((await remove.count()) < 11) await add.click()
  await expectUnavailable(add, 'A scale holds at most 10 levels on it and 1 off it.')
  await activate(add)
  await expect(remove).toHaveCount(11)
  await expect(remove.first()).not.toHaveAttribute('aria-disabled')
})

test('Assigned to me waits for the reviewer’s name while the preferences are read, and then filters', async ({
  page,
  harness,
}) => {
  // The preferences' answer is held on its way: the desk shows in its default language meanwhile.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/call/prefs-get', async (route) => {
    await held
    await route.continue()
  })
  await page.goto(harness.url)
  await page.getByText('필터', { exact: true }).click()
  const mineKo = page.getByRole('checkbox', { name: '내 담당', exact: true })
  await expect(mineKo).toHaveAttribute('aria-disabled', 'true')
  await expect(mineKo).toHaveAccessibleDescription('검토를 여는 중입니다…')
  await mineKo.click({ force: true })
  await mineKo.focus()
  await mineKo.press('Space')
  await expect(mineKo).not.toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: /표시/ })).toHaveCount(0)

  release()
  const mine = page.getByRole('checkbox', { name: 'Assigned to me', exact: true })
  await expect(mine).not.toHaveAttribute('aria-disabled')
  await mine.check()
  await expect(mine).toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: '0 of 0 claims shown' })).toBeVisible()
})

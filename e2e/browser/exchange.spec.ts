import type { Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLAIM_A, claimItems, markClaim, openClaim, storedClaims, writeNote } from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

async function exportBundle(page: Page, to: string): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Review bundle (.factdesk.json)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.factdesk\.json$/)
  await download.saveAs(to)
  return to
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path)
  await expect(page.getByRole('dialog', { name: 'Import summary' })).toBeVisible()
}

async function setVerdict(page: Page, label: string): Promise<void> {
  const item = await openClaim(page)
  await item.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label })
  await expect.poll(async () => (await storedClaims(page))[0]?.verdict).not.toBe('unrated')
}

/** A figure of the import summary, by its label. */
function count(page: Page, name: string) {
  return page
    .getByRole('dialog', { name: 'Import summary' })
    .locator('div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) })
    .getByRole('definition')
}

test('two reviewers exchange a review; a conflict is resolved in the UI and the resolution survives a restart', async ({
  desk,
  harness,
  workDir,
  browser,
}) => {
  // Reviewer A marks and rates a claim, then sends the review on.
  await desk.evaluate(() => window.factdesk.call('prefs-set', { reviewerName: '김기자' }))
  await markClaim(desk, { start: CLAIM_A })
  await setVerdict(desk, 'Mostly true')
  await writeNote(desk, '첫 검토: 발표 자료 확인')
  await expect.poll(async () => (await storedClaims(desk))[0]?.note).toBe('첫 검토: 발표 자료 확인')
  const fromA = await exportBundle(desk, join(workDir, 'from-a.factdesk.json'))

  // Reviewer B, with a review file of their own, imports it.
  const b = await launchHarness({
    reviewPath: join(workDir, 'b.factdesk'),
    dataDir: join(workDir, 'data-b'),
    lang: 'en',
  })
  const pageB = await (await browser.newContext()).newPage()
  try {
    await openDesk(pageB, b.url)
    await pageB.evaluate(() => window.factdesk.call('prefs-set', { reviewerName: '이팩트' }))
    await importFile(pageB, fromA)
    await expect(count(pageB, 'Added')).toHaveText('1')
    await pageB.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(claimItems(pageB)).toHaveCount(1)

    // Both change the verdict and B the note, at the same time.
    await setVerdict(pageB, 'False')
    await expect.poll(async () => (await storedClaims(pageB))[0]?.verdict).toBe('false')
    await pageB.getByRole('textbox', { name: 'Note', exact: true }).fill('')
    await writeNote(pageB, '두 번째 검토: 순위 근거 없음')
    await expect.poll(async () => (await storedClaims(pageB))[0]?.note).toBe('두 번째 검토: 순위 근거 없음')
    const fromB = await exportBundle(pageB, join(workDir, 'from-b.factdesk.json'))

    await setVerdict(desk, 'Half true')
    await expect.poll(async () => (await storedClaims(desk))[0]?.verdict).toBe('half-true')

    // A imports B's file: a conflict, shown with both versions.
    await importFile(desk, fromB)
    await expect(count(desk, 'Conflicts')).toHaveText('1')
    await desk.getByRole('button', { name: 'Close', exact: true }).click()
    await desk.getByRole('button', { name: '1 conflict to resolve' }).click()
    const dialog = desk.getByRole('dialog', { name: 'This claim was changed by you and in the imported file' })
    await expect(dialog).toContainText('Half true')
    await expect(dialog).toContainText('False')
    // Whose is whose: each side's author, and the version both started from (A's first review).
    await expect(dialog.getByRole('columnheader', { name: /^This review/ })).toContainText('김기자')
    await expect(dialog.getByRole('columnheader', { name: /^Imported/ })).toContainText('이팩트')
    await expect(dialog.getByRole('columnheader', { name: /^Both started from/ })).toContainText('김기자')
    await expect(dialog.getByRole('row', { name: /^Verdict/ })).toContainText('Mostly true')
    await dialog.getByRole('radio', { name: 'Verdict: Take the imported' }).check()
    await dialog.getByRole('radio', { name: 'Note: Keep this review’s' }).check()
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(desk.getByRole('button', { name: '1 conflict to resolve' })).toBeHidden()
    // The history says what was chosen, field by field.
    const card = await openClaim(desk)
    const details = card.locator('details.claim-history')
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
      await card.getByText('History', { exact: true }).click()
    await expect(card.getByRole('list', { name: 'Changes to this claim', exact: true })).toContainText(
      '김기자 resolved a conflict with from-b.factdesk.json, choosing field by field: verdict: imported (False); note: this review’s (“첫 검토: 발표 자료 확인”).',
    )

    await harness.restart()
    const [claim] = await storedClaims(desk)
    expect(claim).toMatchObject({ verdict: 'false', note: '첫 검토: 발표 자료 확인', hasConflict: false })
    const item = await openClaim(desk)
    await expect(item.getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue('false')

    // Importing B's file again changes nothing: the resolution already includes it.
    await importFile(desk, fromB)
    await expect(count(desk, 'Unchanged')).toHaveText('1')
    await expect(count(desk, 'Conflicts')).toHaveText('0')
  } finally {
    await stopHarness(b.child)
  }
})

test('Import… and files dragged over the desk have the service load the import’s worker before the file comes', async ({
  desk,
  workDir,
}) => {
  let readied = 0
  await desk.route('**/call/import-prepare', async (route) => {
    readied += 1
    await route.continue()
  })
  const importButton = desk.getByRole('toolbar').getByRole('button', { name: 'Import…', exact: true })
  const [chooser] = await Promise.all([desk.waitForEvent('filechooser'), importButton.click()])
  await expect.poll(() => readied).toBe(1)
  const dragged = await desk.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['{}'], 'other.factdesk.json', { type: 'application/json' }))
    return data
  })
  await desk.locator('.app').dispatchEvent('dragenter', { dataTransfer: dragged })
  await expect.poll(() => readied).toBe(2)
  // The file chosen then is imported as ever.
  const exported = await desk.evaluate(() => window.factdesk.call('review-export', { format: 'bundle' }))
  if (!exported.ok) throw new Error(exported.error.message)
  const file = join(workDir, 'own.factdesk.json')
  writeFileSync(file, exported.value.data)
  await chooser.setFiles(file)
  await expect(desk.getByRole('dialog', { name: 'Import summary' })).toBeVisible()
})

test('three reviewers’ files chosen together import one after another, each with its own summary', async ({
  desk,
  workDir,
}) => {
  const replies = [
    { who: 'kim', quote: '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다' },
    { who: 'park', quote: '세계적으로 가장 강력한 생성형 AI 모델인' },
    { who: 'lee', quote: '삼성전자, 하이닉스 등 글로벌 반도체 강자' },
  ].map(({ who, quote }) => {
    const file = join(workDir, `${who}.annotations.jsonld`)
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: `https://annotations.example/${who}/1`,
        creator: `acct:${who}@example`,
        body: [{ type: 'TextualBody', purpose: 'assessing', value: '사실' }],
        target: { selector: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
      }),
    )
    return file
  })
  await desk.locator('input[type="file"]').setInputFiles(replies)
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  await expect(summary).toBeVisible()
  // One section per file, in the order chosen, each counting its own claim.
  await expect(summary.locator('section.import-summary h3')).toHaveText([
    'kim.annotations.jsonld',
    'park.annotations.jsonld',
    'lee.annotations.jsonld',
  ])
  await expect(count(desk, 'Added')).toHaveText(['1', '1', '1'])
  expect((await storedClaims(desk)).map((c) => c.verdict)).toEqual(['true', 'true', 'true'])
})

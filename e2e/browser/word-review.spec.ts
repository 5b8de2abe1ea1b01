import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { claimMarker } from '../../src/shared/wordReview'
import { WordDoc } from '../../test/helpers/wordEdits'
import { storedClaims } from '../desk'
import { seedClaims } from '../support/deskLook'
import { expect, test } from './fixtures'

test('a reviewed Word document comes back through the Import dialog; a resolved thread is confirmed in the summary', async ({
  desk,
  workDir,
}) => {
  const [id] = await seedClaims(desk, [{ start: '현지화된 챗GPT 개발', verdict: 'half-true' }])

  // Export > Word for review: the dialog says what it holds; Save downloads it.
  await desk.getByRole('button', { name: 'Export', exact: true }).click()
  await desk.getByRole('menuitem', { name: 'Word for review (.docx)…' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Export: Word document' })
  await expect(dialog.getByRole('checkbox', { name: /For review in Word/ })).toBeChecked()
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.review\.docx$/)
  const exported = join(workDir, 'for-review.docx')
  await download.saveAs(exported)

  // The reviewer in Word: a reply, a resolved thread, a comment on another sentence.
  const doc = new WordDoc(new Uint8Array(readFileSync(exported)))
  doc.reply(claimMarker(id), '정편집', '2026-11-20T09:30:00Z', '셋째 항목 맞습니다.')
  doc.resolve(claimMarker(id))
  doc.comment('오픈AI가 서울을 선택한 것은', '최독자', '2026-11-20T09:40:00Z', '근거가 필요합니다.')
  const reviewed = join(workDir, 'reviewed.docx')
  writeFileSync(reviewed, doc.bytes())

  await desk.locator('input[type="file"]').setInputFiles(reviewed)
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  await expect(summary).toBeVisible()
  const word = summary.getByRole('region', { name: 'From Word' })
  const figure = (name: string) =>
    word
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .locator('xpath=following-sibling::dd')
  await expect(figure('Replies added')).toHaveText('1')
  await expect(figure('Claims added')).toHaveText('1')
  await expect(figure('Resolved in Word')).toHaveText('1')
  await expect(figure('Not found')).toHaveText('0')
  // Resolved in Word waits for the reviewer: still open until confirmed here.
  expect((await storedClaims(desk)).find((c) => c.id === id)?.status).toBe('open')
  const resolved = word.getByRole('group', { name: /marked done \(resolved\) in Word/ })
  await expect(resolved.getByRole('checkbox', { name: /현지화된 챗GPT 개발/ })).toBeChecked()
  await resolved.getByRole('button', { name: 'Mark 1 claim checked' }).click()
  await expect(resolved.getByRole('status')).toHaveText('1 claim marked checked.')
  await expect.poll(async () => (await storedClaims(desk)).find((c) => c.id === id)?.status).toBe('checked')
  await summary.getByRole('button', { name: 'Close', exact: true }).click()
  const claims = await storedClaims(desk)
  expect(claims).toHaveLength(2)
  expect(claims.find((c) => c.id === id)?.replies.map((r) => r.author)).toEqual(['정편집'])
})

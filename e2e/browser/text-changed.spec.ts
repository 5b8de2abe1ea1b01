import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLAIM_A, claimCard, editText, essayMark, markClaim, openCard, selectText, storedClaims } from '../desk'
import { expect, test } from './fixtures'

const CLAIM_B = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'
const EDITED = '챗GPT 유료 가입자 수 9위'

test('an edit inside a rated, checked claim is recorded, marked, sent back to review and left out of ClaimReview', async ({
  desk,
  workDir,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  await markClaim(desk, { start: CLAIM_B })
  for (const exact of [CLAIM_A, CLAIM_B]) {
    const card = await openCard(desk, exact)
    await card.getByLabel('Verdict', { exact: true }).selectOption('true')
    await card.getByLabel('Status', { exact: true }).selectOption('checked')
  }
  await expect
    .poll(async () => (await storedClaims(desk)).map((c) => `${c.verdict}/${c.status}`))
    .toEqual(['true/checked', 'true/checked'])
  await desk.evaluate(() =>
    window.factdesk.call('settings-set', { factcheckUrl: 'https://factcheck.example.kr/seoul' }),
  )

  // "2위" becomes "9위" inside the checked claim.
  // The "2" of "2위" selected (as a reviewer would by dragging over it) and typed over.
  await editText(desk)
  await selectText(desk, { start: '2위를 기록', end: '2' })
  await desk.keyboard.type('9')

  await expect.poll(async () => (await storedClaims(desk)).find((c) => c.exact === EDITED)?.textChanged).toBe(true)
  const [edited] = (await storedClaims(desk)).filter((c) => c.exact === EDITED)
  expect(edited).toMatchObject({ verdict: 'true', status: 'in-review' })

  const card = await openCard(desk, EDITED)
  await expect(card.getByText('Text changed since rated', { exact: true })).toBeVisible()
  await expect(card.getByLabel('Status', { exact: true })).toHaveValue('in-review')
  await expect(essayMark(desk, EDITED)).toHaveClass(/claim-mark-text-changed/)
  await expect(essayMark(desk, CLAIM_B)).not.toHaveClass(/claim-mark-text-changed/)
  await expect(desk.getByRole('list', { name: 'Text changed since rated' }).getByRole('button')).toHaveText(
    /Text changed since rated\s*1/,
  )
  await card.locator('summary').filter({ hasText: 'History' }).click()
  await expect(card.getByRole('list', { name: 'Changes to this claim' })).toContainText(
    `the claim’s words changed from “${CLAIM_A}” to “${EDITED}”`,
  )

  // ClaimReview leaves the claim out and says so before saving.
  await desk.getByRole('button', { name: 'Export', exact: true }).click()
  await desk.getByRole('menuitem', { name: 'ClaimReview for fact-check search (.jsonld)…' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Export: ClaimReview' })
  await expect(dialog.getByRole('note')).toHaveText(/1 rated claim is left out/)
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save' }).click(),
  ])
  const saved = join(workDir, 'claimreview.jsonld')
  await download.saveAs(saved)
  const reviews = JSON.parse(readFileSync(saved, 'utf8')) as { claimReviewed: string }[]
  expect(reviews.map((r) => r.claimReviewed)).toEqual([CLAIM_B])

  // Confirming the verdict clears the mark; the claim is published again.
  await card.getByRole('button', { name: 'Confirm verdict', exact: true }).click()
  await expect(card.getByText('Text changed since rated', { exact: true })).toBeHidden()
  await expect(essayMark(desk, EDITED)).not.toHaveClass(/claim-mark-text-changed/)
  await expect.poll(async () => (await storedClaims(desk)).find((c) => c.exact === EDITED)?.textChanged).toBe(false)
  const again = await desk.evaluate(() => window.factdesk.call('review-export', { format: 'claimreview' }))
  if (!again.ok) throw new Error(again.error.message)
  expect((JSON.parse(again.value.data) as unknown[]).length).toBe(2)
  await expect(claimCard(desk, EDITED)).toBeVisible()
})

test('an import that finds a rated claim only as similar words lists it, before and after, and marks it', async ({
  desk,
  workDir,
}) => {
  // Another tool's annotation quoted "9위" where this essay says "2위", and rated it.
  const quoted = '챗GPT 유료 가입자 수 9위를 기록하며'
  const file = join(workDir, 'other.annotations.jsonld')
  writeFileSync(
    file,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://annotations.example/a/1',
      creator: 'acct:kim@example',
      body: [{ type: 'TextualBody', purpose: 'assessing', value: '사실' }],
      target: { selector: { type: 'TextQuoteSelector', exact: quoted, prefix: '', suffix: '' } },
    }),
  )
  await desk.locator('input[type="file"]').setInputFiles(file)
  const summary = desk.getByRole('dialog', { name: 'Import summary' })
  const changed = summary.getByRole('region', { name: 'Claims now on other words' })
  await expect(changed.getByRole('listitem')).toHaveCount(1)
  await expect(changed.getByRole('listitem').locator('del')).toHaveText(quoted)
  await expect(changed.getByRole('listitem').locator('ins')).toHaveText('챗GPT 유료 가입자 수 2위를 기록하며')
  await summary.getByRole('button', { name: 'Close', exact: true }).click()

  const card = claimCard(desk, '챗GPT 유료 가입자 수 2위를 기록하며')
  await expect(card.getByText('Text changed since rated', { exact: true })).toBeVisible()
  expect((await storedClaims(desk))[0]).toMatchObject({ verdict: 'true', status: 'in-review', textChanged: true })
})

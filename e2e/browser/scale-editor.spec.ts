import { openCard, storedClaims } from '../desk'
import { seedClaims, SPANS } from '../support/deskLook'
import { expect, test } from './fixtures'

/**
 * A newsroom's own verdict scale, built in Review settings: a level renamed, a level added, a problem
 * said before anything is applied, then the scale in every verdict menu and kept after a restart.
 */
test('Review settings: an own scale is edited, refused while a label is missing, applied, and kept', async ({
  desk,
}) => {
  await seedClaims(desk, [{ start: SPANS.rank, verdict: 'false' }])
  // A toolbar button from 1440 px (in More below that).
  await desk.setViewportSize({ width: 1440, height: 900 })
  await desk.getByRole('button', { name: 'Review settings', exact: true }).click()
  const settings = desk.getByRole('dialog', { name: 'Review settings' })
  await settings.getByRole('radio', { name: 'Own scale' }).check()

  // It starts from the scale in use: its first level is "True".
  await expect(settings.getByRole('textbox', { name: 'English label 1', exact: true })).toHaveValue('True')
  await settings.getByRole('textbox', { name: 'English label 1', exact: true }).fill('Confirmed')
  await settings.getByRole('textbox', { name: 'Korean label 1', exact: true }).fill('확인됨')

  // A new level without labels: the problem is said and the scale cannot be used yet.
  const levels = await settings.getByRole('textbox', { name: /^English label \d+$/ }).count()
  await settings.getByRole('button', { name: 'Add level', exact: true }).click()
  const added = levels + 1
  await expect(settings.getByRole('alert')).toBeVisible()
  await expect(settings.getByRole('button', { name: 'Use this scale', exact: true })).toBeDisabled()
  await settings.getByRole('textbox', { name: `English label ${added}`, exact: true }).fill('Needs context')
  await settings.getByRole('textbox', { name: `Korean label ${added}`, exact: true }).fill('맥락 필요')
  await expect(settings.getByRole('alert')).toHaveCount(0)

  await settings.getByRole('button', { name: 'Use this scale', exact: true }).click()
  await expect(settings.getByRole('status')).toContainText('The review now uses this scale')
  await settings.getByRole('button', { name: 'Close', exact: true }).click()

  // Every verdict menu reads the review's scale; the claim's verdict kept its id.
  const verdict = (await openCard(desk, SPANS.rank)).getByRole('combobox', { name: 'Verdict', exact: true })
  await expect(verdict.locator('option')).toContainText(['Confirmed', 'Needs context'])
  expect((await storedClaims(desk))[0].verdict).toBe('false')
  await verdict.selectOption({ label: 'Needs context' })
  await expect.poll(async () => (await storedClaims(desk))[0].verdict).toBe(`level-${added}`)

  await desk.reload()
  const again = (await openCard(desk, SPANS.rank)).getByRole('combobox', { name: 'Verdict', exact: true })
  await expect(again.locator('option:checked')).toHaveText('Needs context')
  await expect(again.locator('option')).toContainText(['Confirmed'])
})

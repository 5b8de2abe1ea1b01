import { CLAIM_A, SOURCES_A, addSource, markClaim, openClaim, storedClaims } from '../desk'
import { expect, test } from './fixtures'

/** Assignment, the editor's sign-off and the For me list, through the real renderer and service. */

test('a claim is signed off only with a verdict and a source, and the sign-off shows on its card', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  const card = await openClaim(desk, 0)
  const signOff = card.getByRole('button', { name: 'Sign off', exact: true })
  // Greyed out but reachable by Tab, it says why as its tooltip and description; a click does nothing.
  await expect(signOff).toHaveAttribute('aria-disabled', 'true')
  await expect(signOff).toHaveAttribute('title', /verdict first/)
  await expect(signOff).toHaveAccessibleDescription(/verdict first/)
  await signOff.click({ force: true })
  await card.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'Mostly true' })
  await expect(signOff).toHaveAttribute('title', /source first/)
  await expect(signOff).toHaveAccessibleDescription(/source first/)
  await signOff.focus()
  await signOff.press('Enter')
  expect((await storedClaims(desk))[0]?.signedOff ?? null).toBeNull()
  await addSource(desk, SOURCES_A[0])
  await expect(signOff).toBeEnabled()
  await signOff.click()
  await expect(card.getByRole('status').filter({ hasText: 'Signed off by Reviewer' })).toBeVisible()
  await expect.poll(async () => (await storedClaims(desk))[0]?.signedOff?.by).toBe('Reviewer')
  // A changed verdict is not what the editor approved: the sign-off no longer holds.
  await card.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'False' })
  await expect(signOff).toBeEnabled()
  await expect.poll(async () => (await storedClaims(desk))[0]?.signedOff ?? null).toBeNull()
})

test('assigning a claim, the Assigned to me filter, and a mention in the For me list', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  const card = await openClaim(desk, 0)
  const assignee = card.getByRole('textbox', { name: 'Assigned to', exact: true })
  await assignee.fill('이팩트')
  await assignee.press('Enter')
  await expect.poll(async () => (await storedClaims(desk))[0]?.assignee).toBe('이팩트')

  await desk.getByText('Filters', { exact: true }).click()
  const mine = desk.getByRole('checkbox', { name: 'Assigned to me', exact: true })
  await mine.check()
  await expect(desk.getByRole('status').filter({ hasText: /0 of 1/ })).toBeVisible()
  await mine.uncheck()
  await (await openClaim(desk, 0)).getByRole('button', { name: 'Me', exact: true }).click()
  await expect.poll(async () => (await storedClaims(desk))[0]?.assignee).toBe('Reviewer')
  await mine.check()
  await expect(desk.getByRole('status').filter({ hasText: /1 of 1/ })).toBeVisible()
  await mine.uncheck()

  // Another reviewer replies naming this one.
  const [claim] = await storedClaims(desk)
  await desk.evaluate(async (id) => {
    await window.factdesk.call('prefs-set', { reviewerName: '박검증' })
    await window.factdesk.call('reply-add', { claimId: id, body: '@Reviewer 2위 근거를 확인해 주세요.' })
    await window.factdesk.call('prefs-set', { reviewerName: 'Reviewer' })
  }, claim.id)
  const forMe = desk.getByRole('button', { name: /^For me/ })
  await expect(forMe).toContainText('1')
  await forMe.click()
  const item = desk
    .getByRole('list', { name: 'For me', exact: true })
    .getByRole('button', { name: /박검증 mentioned you/ })
  await expect(item).toContainText('@Reviewer 2위 근거를 확인해 주세요.')
  await item.click()
  await expect(forMe).not.toContainText('1')
  await expect(desk.locator('.claim-card.active')).toHaveAttribute('data-claim-id', claim.id)
})

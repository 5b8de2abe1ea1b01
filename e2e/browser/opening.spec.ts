import { CLAIM_A, markClaim, tallyCount } from '../desk'
import { expect, test } from './fixtures'

test('opening a review: counts say they are loading until the claims arrive, and the search waits for them', async ({
  desk,
  browser,
  harness,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  await expect.poll(() => tallyCount(desk, 'Not yet rated')).toBe(1)

  // A second window opens the review while the service is slow to answer the claims list.
  const page = await (await browser.newContext()).newPage()
  const calls: string[] = []
  page.on('request', (r) => {
    const m = /\/call\/([^/?]+)$/.exec(r.url())
    if (m) calls.push(m[1])
  })
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  // The desk's own shape of the list (src/shared/deskClaim.ts): without the quote's context.
  await page.route('**/call/claims-desk', async (route) => {
    await held
    calls.push('claims-desk answered')
    await route.continue()
  })
  await page.goto(harness.url)

  const header = page.locator('.claim-count')
  await expect(header).toHaveText('Counting the claims…')
  const verdicts = page.getByRole('list', { name: 'Claims per verdict', exact: true })
  await expect(verdicts.getByRole('button').first()).toContainText('…')
  // No count reads 0 while it is not known.
  for (const text of await page.locator('.tally .tally-n').allInnerTexts()) expect(text).not.toMatch(/\d/)
  await page.locator('.filter-details summary').click()
  await expect(page.getByRole('combobox', { name: 'Filter by reviewer', exact: true })).toContainText('Loading…')
  // Nor does "For me" say there is nothing for you before it was asked.
  const forMe = page.getByRole('button', { name: 'For me', exact: true })
  await forMe.click()
  const notices = page.getByRole('list', { name: 'For me', exact: true })
  await expect(notices).toContainText('Loading…')
  await expect(notices).not.toContainText('Nothing assigned to you')
  await forMe.click()
  expect(calls).not.toContain('claims-search')
  expect(calls).not.toContain('conflicts-list')
  expect(calls).not.toContain('notices-list')

  release()
  await expect(header).toHaveText('1 claim')
  await expect.poll(() => tallyCount(page, 'Not yet rated')).toBe(1)
  await expect.poll(() => tallyCount(page, 'Open', 'Claims per status')).toBe(1)
  // The facets come once the essay and the claims are shown, and are the review's.
  const reviewers = page.getByRole('combobox', { name: 'Filter by reviewer', exact: true })
  await expect(reviewers).not.toContainText('Loading…')
  await expect(reviewers.getByRole('option', { name: 'Reviewer', exact: true })).toBeAttached()
  expect(calls.indexOf('claims-search')).toBeGreaterThan(calls.indexOf('claims-desk answered'))
  await forMe.click()
  await expect(notices).toContainText('Nothing assigned to you')
  expect(calls.filter((c) => c === 'claims-search')).toHaveLength(1)
  // The whole claims, with their context, were never asked for.
  expect(calls).not.toContain('claims-list')
  await page.close()
})

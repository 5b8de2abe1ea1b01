import { join } from 'node:path'
import { CLAIM_A, claimItems, markClaim, selectText } from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

/**
 * Two windows on one review file (here two harnesses): the second reads it, says who has it, refuses
 * edits instead of writing behind the first one's back, shows the first one's work as it happens, and
 * takes over for writing once the first closes.
 */
test('a second window on the same review is read-only, follows the first, and takes over when it closes', async ({ desk, harness, workDir, browser }) => {
  const second = await launchHarness({ reviewPath: harness.reviewPath, dataDir: join(workDir, 'data-2'), lang: 'en' })
  const page = await browser.newPage()
  try {
    await openDesk(page, second.url)
    await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toContainText('open for editing in another Factdesk window (process')
    await expect(page.getByRole('button', { name: 'Edit text', exact: true })).toBeDisabled()

    // The first window marks a claim: the second shows it without a reload.
    await markClaim(desk, { start: CLAIM_A })
    await expect(claimItems(page)).toHaveCount(1, { timeout: 5000 })

    // Marking in the second is refused with the reason; nothing is written.
    await selectText(page, { start: '2025년 5월' })
    await page.getByRole('button', { name: 'Mark claim', exact: true }).click()
    await expect(page.getByText(/here it is read-only/)).toBeVisible()
    await expect(claimItems(desk)).toHaveCount(1)

    // The first window closes: the second takes the review over and can mark.
    expect(await harness.stop()).toBe(0)
    await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toHaveCount(0, { timeout: 5000 })
    await markClaim(page, { start: '2025년 5월' })
    await expect(claimItems(page)).toHaveCount(2)
  } finally {
    await page.close()
    await stopHarness(second.child)
  }
})

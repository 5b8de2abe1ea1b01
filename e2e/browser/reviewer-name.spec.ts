import { join } from 'node:path'
import { CLAIM_A, markClaim, storedClaims } from '../desk'
import { expect, launchHarness, stopHarness, test } from './fixtures'

test('with no reviewer name saved the app asks for one before the first change, and signs claims with it', async ({ page, workDir }) => {
  const running = await launchHarness({ reviewPath: join(workDir, 'r.factdesk'), dataDir: join(workDir, 'fresh'), lang: 'en', reviewerName: null })
  try {
    await page.goto(running.url)
    const ask = page.getByRole('dialog', { name: 'Your name as reviewer' })
    await expect(ask).toBeVisible()
    // The OS login is not offered: the field starts empty and Save waits for a name.
    await expect(ask.getByLabel('Reviewer name')).toHaveValue('')
    await expect(ask.getByRole('button', { name: 'Save' })).toBeDisabled()
    await ask.getByLabel('Reviewer name').fill('  김검증  ')
    await ask.getByRole('button', { name: 'Save' }).click()
    await expect(ask).toBeHidden()
    expect(await page.evaluate(() => window.factdesk.call('prefs-get', {}))).toMatchObject({ ok: true, value: { reviewerName: '김검증' } })
    await markClaim(page, { start: CLAIM_A })
    expect((await storedClaims(page))[0].author).toBe('김검증')
    // Saved: the next start does not ask again.
    await page.reload()
    await expect(page.getByRole('button', { name: 'Mark claim', exact: true })).toBeVisible()
    await expect(ask).toHaveCount(0)
  } finally {
    await stopHarness(running.child)
  }
})

test('"Not now" leaves the name empty for this session: claims are unsigned, never signed with the OS login', async ({ page, workDir }) => {
  const running = await launchHarness({ reviewPath: join(workDir, 'r.factdesk'), dataDir: join(workDir, 'fresh'), lang: 'ko', reviewerName: null })
  try {
    await page.goto(running.url)
    const ask = page.getByRole('dialog', { name: '검토자 이름' })
    await expect(ask).toBeVisible()
    await ask.getByRole('button', { name: '나중에' }).click()
    await expect(ask).toBeHidden()
    const claim = await page.evaluate(async () => {
      const doc = await window.factdesk.call('document-get', {})
      if (!doc.ok) throw new Error(doc.error.message)
      const text = [...doc.value.text]
      const anchor = { exact: text.slice(0, 4).join(''), prefix: '', suffix: text.slice(4, 36).join(''), start: 0, end: 4 }
      return window.factdesk.call('claim-create', { anchor })
    })
    expect(claim).toMatchObject({ ok: true, value: { author: '' } })
  } finally {
    await stopHarness(running.child)
  }
})

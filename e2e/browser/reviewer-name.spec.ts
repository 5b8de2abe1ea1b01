import AxeBuilder from '@axe-core/playwright'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { expect, launchHarness, stopHarness, test } from './fixtures'
import { markSpan, SPANS, UI } from '../support/deskLook'

/** What the first-run dialog offers as the name: the login, or the word for reviewer where there is none. */
const login = (lang: 'en' | 'ko'): string => userInfo().username.trim() || (lang === 'en' ? 'Reviewer' : '검토자')

for (const lang of ['en', 'ko'] as const) {
  const ui = UI[lang]
  test(`first run (${lang}): the name is offered from the login, never blank, and the dialog does not come back`, async ({
    page,
    workDir,
  }) => {
    const dataDir = join(workDir, 'fresh')
    const running = await launchHarness({
      reviewPath: join(workDir, 'r.factdesk'),
      dataDir,
      lang: null,
      locale: lang === 'ko' ? 'ko_KR.UTF-8' : 'en_US.UTF-8',
      reviewerName: null,
    })
    try {
      await page.goto(running.url)
      const first = page.getByRole('dialog', { name: ui.welcome })
      await expect(first).toBeVisible()
      const name = first.getByRole('textbox', { name: ui.reviewerName })
      await expect(name).toHaveValue(login(lang))
      await expect(name).toBeFocused()
      await expect(first.getByRole('combobox', { name: ui.language })).toHaveValue(lang)
      await expect(first.getByRole('combobox', { name: ui.scale })).toHaveValue('snu')
      const { violations } = await new AxeBuilder({ page }).include('dialog').analyze()
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
      // Esc does not skip it, a blank name is refused with the reason.
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await expect(first).toBeVisible()
      await name.fill('   ')
      await expect(first.getByRole('alert')).toHaveText(ui.nameRequired)
      await expect(first.getByRole('button', { name: ui.start })).toHaveAttribute('aria-disabled', 'true')
      await name.press('Enter')
      await expect(first).toBeVisible()
      expect(await page.evaluate(() => window.factdesk.call('prefs-get', {}))).toMatchObject({
        ok: true,
        value: { reviewerName: '' },
      })

      await name.fill('  김검증  ')
      await first.getByRole('combobox', { name: ui.scale }).selectOption('politifact')
      await first.getByRole('button', { name: ui.start }).click()
      await expect(first).toBeHidden()
      expect(await page.evaluate(() => window.factdesk.call('prefs-get', {}))).toMatchObject({
        ok: true,
        value: { reviewerName: '김검증', lang, defaultScale: 'politifact' },
      })
      await markSpan(page, SPANS.rank)
      const claims = await page.evaluate(() => window.factdesk.call('claims-list', {}))
      expect(claims).toMatchObject({ ok: true, value: [{ author: '김검증' }] })
      await expect(page.locator('.claim-meta')).toContainText('김검증')

      // It does not come back; Preferences changes the name, and refuses a blank one there too.
      await page.reload()
      await expect(page.getByRole('button', { name: ui.markClaim, exact: true })).toBeVisible()
      await expect(first).toHaveCount(0)
      // Preferences is a toolbar button from 1440 px (in More below that).
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.getByRole('toolbar').getByRole('button', { name: ui.preferences, exact: true }).click()
      const prefs = page.getByRole('dialog', { name: ui.preferences })
      await expect(prefs.getByRole('textbox', { name: ui.reviewerName })).toHaveValue('김검증')
      await prefs.getByRole('textbox', { name: ui.reviewerName }).fill('')
      await expect(prefs.getByRole('button', { name: ui.save })).toHaveAttribute('aria-disabled', 'true')
      await prefs.getByRole('textbox', { name: ui.reviewerName }).press('Enter')
      await expect(prefs).toBeVisible()
      await expect(prefs.getByRole('alert')).toHaveText(ui.nameRequired)
      await prefs.getByRole('textbox', { name: ui.reviewerName }).fill('이팩트')
      await prefs.getByRole('button', { name: ui.save }).click()
      await expect(prefs).toBeHidden()
      await expect
        .poll(() => page.evaluate(() => window.factdesk.call('prefs-get', {})))
        .toMatchObject({ value: { reviewerName: '이팩트' } })
      // The service refuses a blank name from any caller.
      expect(await page.evaluate(() => window.factdesk.call('prefs-set', { reviewerName: '  ' }))).toMatchObject({
        ok: false,
      })
    } finally {
      await stopHarness(running.child)
    }
  })
}

test('first run: choosing the other language switches the desk at once', async ({ page, workDir }) => {
  const running = await launchHarness({
    reviewPath: join(workDir, 'r.factdesk'),
    dataDir: join(workDir, 'fresh'),
    lang: null,
    locale: 'en_US.UTF-8',
    reviewerName: null,
  })
  try {
    await page.goto(running.url)
    const first = page.getByRole('dialog', { name: UI.en.welcome })
    await first.getByRole('combobox', { name: UI.en.language }).selectOption('ko')
    const korean = page.getByRole('dialog', { name: UI.ko.welcome })
    await expect(korean).toBeVisible()
    await korean.getByRole('button', { name: UI.ko.start }).click()
    await expect(korean).toBeHidden()
    await expect(page.getByRole('button', { name: UI.ko.markClaim, exact: true })).toBeVisible()
    expect(await page.evaluate(() => window.factdesk.call('prefs-get', {}))).toMatchObject({
      ok: true,
      value: { lang: 'ko' },
    })
  } finally {
    await stopHarness(running.child)
  }
})

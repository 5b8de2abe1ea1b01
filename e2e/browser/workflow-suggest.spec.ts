import type { Locator, Page } from '@playwright/test'
import type { Suggestion } from '../../src/shared/spotting'
import { claimCard, claimItems, essayMark, storedClaims } from '../desk'
import { expect, test } from './fixtures'

/** The suggestions as the service lists them (the same call the dialog makes). */
async function listed(page: Page): Promise<Suggestion[]> {
  const result = await page.evaluate(() => window.factdesk.call('suggestions-list', {}))
  if (!result.ok) throw new Error(`suggestions-list failed: ${result.error.message}`)
  return result.value
}

async function openSuggestions(page: Page): Promise<{ dialog: Locator; items: Locator }> {
  await page.getByRole('button', { name: 'Suggest claims', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Suggested claims' })
  await expect(dialog).toBeVisible()
  const items = dialog.getByRole('list', { name: 'Suggested claims', exact: true }).locator(':scope > li')
  await expect(items.first()).toBeVisible()
  return { dialog, items }
}

test('Suggest claims: an accepted sentence becomes a claim on exactly its text; a dismissed one stays away after a restart', async ({
  desk,
  harness,
}) => {
  const before = await listed(desk)
  expect(before.length).toBeGreaterThan(2)
  const [accepted, dismissed] = before

  const { dialog, items } = await openSuggestions(desk)
  await expect(items).toHaveCount(before.length)
  const first = items.first()
  await expect(first.locator('q')).toHaveText(accepted.exact)
  // Each suggestion says why, in words.
  await expect(first.getByRole('list', { name: 'Why' }).getByRole('listitem')).toHaveText(
    accepted.reasons.map(
      (r) =>
        ({
          number: 'Number',
          date: 'Date',
          ranking: 'Ranking or superlative',
          quotation: 'Quotation',
          'person-title': 'Person with a title',
          announcement: 'Announcement',
          statistic: 'Statistic',
        })[r],
    ),
  )

  await first.getByRole('button', { name: 'Mark as claim', exact: true }).click()
  await expect(items).toHaveCount(before.length - 1)
  await expect
    .poll(async () => (await storedClaims(desk)).map(({ exact, start, end }) => ({ exact, start, end })))
    .toEqual([{ exact: accepted.exact, start: accepted.start, end: accepted.end }])

  // The next one now leads the list (and has the focus): dismiss it.
  const next = items.first()
  await expect(next.locator('q')).toHaveText(dismissed.exact)
  await expect(next.getByRole('button', { name: 'Mark as claim', exact: true })).toBeFocused()
  await next.getByRole('button', { name: 'Not a claim', exact: true }).click()
  await expect(items).toHaveCount(before.length - 2)
  await expect(dialog.locator('q', { hasText: dismissed.exact })).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(claimItems(desk)).toHaveCount(1)
  await expect(claimCard(desk, accepted.exact)).toBeVisible()
  await expect(essayMark(desk, accepted.exact)).toBeVisible()

  await harness.restart()

  await expect(claimItems(desk)).toHaveCount(1)
  const again = await openSuggestions(desk)
  await expect(again.items).toHaveCount(before.length - 2)
  const shown = await again.items.locator('q').allTextContents()
  expect(shown).not.toContain(dismissed.exact)
  expect(shown).not.toContain(accepted.exact)
  expect(shown).toEqual(before.slice(2).map((s) => s.exact))
})

test('Review settings: switching to the PolitiFact-style scale changes the verdict menu and maps the verdicts', async ({
  desk,
}) => {
  const sentence = (await listed(desk))[0]
  const { dialog, items } = await openSuggestions(desk)
  await items.first().getByRole('button', { name: 'Mark as claim', exact: true }).click()
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  const card = claimCard(desk, sentence.exact)
  const verdict = card.getByRole('combobox', { name: 'Verdict', exact: true })
  await verdict.selectOption({ label: 'Undecidable' })
  await expect.poll(async () => (await storedClaims(desk))[0]?.verdict).toBe('undecidable')

  // A toolbar button from 1440 px (in More below that).
  await desk.setViewportSize({ width: 1440, height: 900 })
  await desk.getByRole('button', { name: 'Review settings', exact: true }).click()
  const settings = desk.getByRole('dialog', { name: 'Review settings' })
  await settings.getByRole('radio', { name: 'PolitiFact-style (Truth-O-Meter)' }).check()
  await expect(settings.getByText('Undecidable → Not yet rated: 1 claim')).toBeVisible()
  await settings.getByRole('button', { name: 'Use this scale', exact: true }).click()
  await expect(settings.getByRole('status')).toContainText('The review now uses this scale.')
  await settings.getByRole('button', { name: 'Close', exact: true }).click()

  await expect(verdict.locator('option:checked')).toHaveText('Not yet rated')
  await expect(verdict.locator('option')).toHaveText([
    'Not yet rated',
    'True',
    'Mostly True',
    'Half True',
    'Mostly False',
    'False',
    'Pants on Fire',
  ])
  await verdict.selectOption({ label: 'Pants on Fire' })
  await expect.poll(async () => (await storedClaims(desk))[0]?.verdict).toBe('pants-on-fire')
  // The highlight takes the scale's colour for the verdict (a tint of #7a1010).
  const mark = essayMark(desk, sentence.exact)
  await expect(mark).toHaveAttribute('data-verdict', 'pants-on-fire')
  const expected = await desk.evaluate(() => {
    const probe = document.createElement('span')
    probe.style.background = 'color-mix(in srgb, #7a1010 24%, white)'
    document.body.append(probe)
    const colour = getComputedStyle(probe).backgroundColor
    probe.remove()
    return colour
  })
  // Compared as sRGB bytes: color-mix reports color(srgb …), a computed tint rgb(…).
  const bytes = (colour: string): number[] => {
    const n = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    return colour.startsWith('color(') ? n.map((v) => Math.round(v * 255)) : n
  }
  await expect
    .poll(async () => bytes(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)))
    .toEqual(bytes(expected))
})

import type { Page } from '@playwright/test'
import {
  addSource,
  CLAIM_A,
  claimCard,
  claimItems,
  essayMark,
  isMarked,
  markClaim,
  NOTE_A,
  notice,
  SOURCES_A,
  selectText,
  storedClaims,
  textOf,
  writeNote,
} from '../desk'
import { expect, test } from './fixtures'

const CLAIM_B = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'
const OVERLAP = {
  left: '오픈AI가 공식적으로 서울에 지사를 설립',
  right: '서울에 지사를 설립했다고 발표한 것이다',
  both: '서울에 지사를 설립',
}

/** Claim A's card and highlight are shown with the verdict and note it was given. */
async function expectClaimAShown(page: Page): Promise<void> {
  const card = claimCard(page, CLAIM_A)
  await expect(card).toBeVisible()
  await expect(essayMark(page, CLAIM_A)).toBeVisible()
  // Only the selected claim's card shows its fields.
  if ((await card.getAttribute('aria-current')) !== 'true')
    await card.getByRole('button', { name: CLAIM_A, exact: true }).click()
  await expect(card.getByRole('combobox', { name: 'Verdict', exact: true }).locator('option:checked')).toHaveText(
    'Mostly true',
  )
  await expect.poll(() => textOf(card.getByRole('textbox', { name: 'Note', exact: true }))).toBe(NOTE_A)
  await expect
    .poll(async () => (await storedClaims(page)).map((c) => [c.exact, c.verdict, c.note]))
    .toEqual([[CLAIM_A, 'mostly-true', NOTE_A]])
}

/** Removes claim A with its button and checks that card, highlight and stored claim are gone. */
async function removeClaimA(page: Page): Promise<void> {
  await claimCard(page, CLAIM_A).getByRole('button', { name: 'Remove claim', exact: true }).click()
  await expect(claimCard(page, CLAIM_A)).toHaveCount(0)
  await expect(page.locator('mark')).toHaveCount(0)
  await expect.poll(() => storedClaims(page)).toEqual([])
  await expect(notice(page, 'Claim removed.')).toBeVisible()
}

/** The text of the claim whose card is selected (aria-current), or null. */
async function currentCard(page: Page): Promise<string | null> {
  const current = page.locator('article[aria-current="true"]')
  return (await current.count()) === 1 ? current.getAttribute('aria-label') : null
}

test('a removed claim comes back with its verdict and note, by Undo and by Control+Z', async ({ desk, harness }) => {
  await markClaim(desk, { start: CLAIM_A })
  await claimCard(desk, CLAIM_A)
    .getByRole('combobox', { name: 'Verdict', exact: true })
    .selectOption({ label: 'Mostly true' })
  await writeNote(desk, NOTE_A)
  await expectClaimAShown(desk)

  await removeClaimA(desk)
  await notice(desk, 'Claim removed.').getByRole('button', { name: 'Undo', exact: true }).click()
  await expectClaimAShown(desk)

  await harness.restart()
  await expectClaimAShown(desk)

  await removeClaimA(desk)
  // The shortcut belongs to text fields while one has focus; from the page itself it undoes the removal.
  await desk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  expect(await desk.evaluate(() => document.activeElement === document.body)).toBe(true)
  await desk.keyboard.press('Control+Z')
  await expectClaimAShown(desk)
})

test('Undo on the removal notice brings that claim back, even after another was marked', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  await removeClaimA(desk)
  await markClaim(desk, { start: CLAIM_B })
  await notice(desk, 'Claim removed.').getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(claimCard(desk, CLAIM_A)).toBeVisible()
  await expect(claimCard(desk, CLAIM_B)).toBeVisible()
  await expect
    .poll(async () => (await storedClaims(desk)).map((c) => c.exact).sort())
    .toEqual([CLAIM_A, CLAIM_B].sort())
})

test('a highlight and its card select each other; clicks on an overlap cycle between its claims', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  await markClaim(desk, { start: CLAIM_B })
  await expect(claimCard(desk, CLAIM_B)).toHaveAttribute('aria-current', 'true')

  await essayMark(desk, CLAIM_A).click()
  await expect(claimCard(desk, CLAIM_A)).toHaveAttribute('aria-current', 'true')
  await expect(claimCard(desk, CLAIM_B)).not.toHaveAttribute('aria-current', 'true')
  await expect(essayMark(desk, CLAIM_A)).toHaveClass(/\bclaim-mark-active\b/)

  await claimCard(desk, CLAIM_B).getByRole('button', { name: CLAIM_B }).click()
  await expect(claimCard(desk, CLAIM_B)).toHaveAttribute('aria-current', 'true')
  await expect(claimCard(desk, CLAIM_A)).not.toHaveAttribute('aria-current', 'true')
  await expect(essayMark(desk, CLAIM_B)).toHaveClass(/\bclaim-mark-active\b/)
  await expect(essayMark(desk, CLAIM_A)).not.toHaveClass(/\bclaim-mark-active\b/)

  await markClaim(desk, { start: OVERLAP.left })
  await markClaim(desk, { start: OVERLAP.right })
  const overlap = essayMark(desk, OVERLAP.both)
  const seen: (string | null)[] = []
  for (let i = 0; i < 4; i++) {
    const before = await currentCard(desk)
    await overlap.click()
    await expect.poll(() => currentCard(desk)).not.toBe(before)
    seen.push(await currentCard(desk))
    await expect(overlap).toHaveClass(/\bclaim-mark-active\b/)
  }
  // Two claims cover the overlap: the clicks alternate between them, and only between them.
  expect(new Set(seen)).toEqual(new Set([OVERLAP.left, OVERLAP.right]))
  expect(seen[0]).toBe(seen[2])
  expect(seen[1]).toBe(seen[3])
})

test('Control+Shift+M and the essay menu mark the selection; with none, a hint and no claim', async ({ desk }) => {
  const markButton = desk.getByRole('button', { name: 'Mark claim', exact: true })
  // With nothing selected the button says why it cannot run; the key gives the hint.
  await expect(markButton).toHaveAttribute('aria-disabled', 'true')
  await expect(markButton).toHaveAttribute('title', /Select text in the essay first/)
  await desk.locator('.essay').focus()
  await desk.keyboard.press('Control+Shift+M')
  await expect(notice(desk, 'Select some text in the essay first.')).toBeVisible()
  expect(await storedClaims(desk)).toEqual([])
  await expect(desk.locator('mark')).toHaveCount(0)

  await selectText(desk, { start: CLAIM_A })
  await desk.keyboard.press('Control+Shift+M')
  await expect(claimItems(desk)).toHaveCount(1)
  await expect.poll(() => isMarked(desk, { start: CLAIM_A })).toBe(true)

  await selectText(desk, { start: CLAIM_B })
  // Right-click on the selection itself, as a reviewer would.
  const box = await desk.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getClientRects()[0]
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
  })
  await desk.mouse.click(box.x, box.y, { button: 'right' })
  const menu = desk.getByRole('menu', { name: 'Essay actions', exact: true })
  await menu.getByRole('menuitem', { name: 'Mark claim', exact: true }).click()
  await expect(menu).toHaveCount(0)
  await expect(claimItems(desk)).toHaveCount(2)
  await expect.poll(() => isMarked(desk, { start: CLAIM_B })).toBe(true)
  expect((await storedClaims(desk)).map((c) => c.exact).sort()).toEqual([CLAIM_A, CLAIM_B].sort())
})

test.describe('in Korean', () => {
  test.use({ harnessLang: 'ko' })

  test('the desk speaks Korean; a language chosen in the toolbar is kept across restarts', async ({
    desk,
    harness,
  }) => {
    const language = desk.getByRole('combobox', { name: '언어', exact: true })
    await expect(desk.getByRole('button', { name: '주장 표시', exact: true })).toBeVisible()
    await selectText(desk, { start: CLAIM_A })
    await desk.getByRole('button', { name: '주장 표시', exact: true }).click()
    await expect(desk.getByRole('list', { name: '주장 목록', exact: true })).toBeVisible()
    await expect(desk.getByRole('article', { name: CLAIM_A, exact: true })).toBeVisible()

    await language.selectOption({ label: 'English' })
    await expect(desk.getByRole('button', { name: 'Mark claim', exact: true })).toBeVisible()
    await expect(desk.getByRole('list', { name: 'Claims', exact: true })).toBeVisible()
    await expect(desk.getByRole('button', { name: '주장 표시', exact: true })).toHaveCount(0)

    // A forced --lang wins for its run by design, so the saved choice shows on a run without one, in an
    // OS locale whose default would be Korean: English here can only be the choice kept.
    await harness.restart({ lang: null, locale: 'ko_KR.UTF-8' })
    await expect(desk.getByRole('button', { name: 'Mark claim', exact: true })).toBeVisible()
    await expect(desk.getByRole('combobox', { name: 'Language', exact: true })).toHaveValue('en')

    // And back to Korean, kept in an English OS locale.
    await desk.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: '한국어' })
    await expect(desk.getByRole('button', { name: '주장 표시', exact: true })).toBeVisible()
    await harness.restart({ locale: 'en_US.UTF-8' })
    await expect(desk.getByRole('button', { name: '주장 표시', exact: true })).toBeVisible()
    await expect(language).toHaveValue('ko')
    await expect(desk.getByRole('list', { name: '주장 목록', exact: true })).toBeVisible()
  })
})

test('a source can be edited and removed, and stays as left after a restart', async ({ desk, harness }) => {
  const [first, second] = SOURCES_A
  const renamed = 'OpenAI opens its Seoul office'
  await markClaim(desk, { start: CLAIM_A })
  const card = claimCard(desk, CLAIM_A)
  await addSource(desk, first)
  await addSource(desk, second)
  const link = card.getByRole('link', { name: first.title, exact: true })
  await expect(link).toHaveAttribute('href', first.url)
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/)

  await card.getByRole('button', { name: `Edit source: ${first.title}`, exact: true }).click()
  const title = card.getByRole('textbox', { name: 'Title', exact: true })
  await expect(title).toHaveValue(first.title)
  await title.fill(renamed)
  await card.getByRole('button', { name: 'Save source', exact: true }).click()
  await expect(card.getByRole('link', { name: renamed, exact: true })).toHaveAttribute('href', first.url)
  await expect(card.getByRole('link', { name: first.title, exact: true })).toHaveCount(0)

  await card.getByRole('button', { name: `Remove source: ${second.title}`, exact: true }).click()
  await expect(card.getByRole('link', { name: second.title, exact: true })).toHaveCount(0)

  const expectLeft = async () => {
    if ((await card.getAttribute('aria-current')) !== 'true')
      await card.getByRole('button', { name: CLAIM_A, exact: true }).click()
    await expect(card.getByRole('link')).toHaveCount(1)
    const kept = card.getByRole('link', { name: renamed, exact: true })
    await expect(kept).toHaveAttribute('href', first.url)
    await expect(kept).toHaveAttribute('target', '_blank')
    await expect(kept).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/)
    await expect(card.getByRole('button', { name: `Edit source: ${renamed}`, exact: true })).toBeVisible()
    await expect
      .poll(async () => (await storedClaims(desk))[0]?.sources.map((s) => [s.title, s.url, s.publisher]))
      .toEqual([[renamed, first.url, first.publisher]])
  }
  await expectLeft()
  await harness.restart()
  await expectLeft()
})

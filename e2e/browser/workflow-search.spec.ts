import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLAIM_A,
  claimCard,
  openCard,
  claimItems,
  listedClaims,
  markClaim,
  searchBox,
  selectText,
  storedClaims,
  tallyCount,
  writeNote,
} from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

/** Claims of the bundled essay, in essay order; two of them hold "서울". */
const OFFICE = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다'
const CHOICE = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'
const STACK = '삼성전자, 하이닉스 등 글로벌 반도체 강자'
const ALL = [OFFICE, CLAIM_A, CHOICE, STACK]

test('typing "서울" in "Search claims" leaves only the matching claims; clearing the box brings all back', async ({
  desk,
}) => {
  for (const start of ALL) await markClaim(desk, { start })
  await expect.poll(() => listedClaims(desk)).toEqual(ALL)

  const search = searchBox(desk)
  await search.fill('서울')
  await expect.poll(() => listedClaims(desk)).toEqual([OFFICE, CHOICE])
  await expect(desk.getByRole('status').filter({ hasText: '2 of 4 claims shown' })).toBeVisible()

  // A note is searched too, and an edit counts at once: the note below makes STACK match "서울".
  await search.fill('반도체')
  await expect.poll(() => listedClaims(desk)).toEqual([STACK])
  await claimCard(desk, STACK).getByRole('button', { name: STACK, exact: true }).click()
  await writeNote(desk, '서울 판교의 연구소 자료로 확인')
  await search.fill('판교')
  await expect.poll(() => listedClaims(desk)).toEqual([STACK])
  await search.fill('서울')
  await expect.poll(() => listedClaims(desk)).toEqual([OFFICE, CHOICE, STACK])

  // A two-letter Latin word and a query across words.
  await search.fill('AI')
  await expect.poll(() => listedClaims(desk)).toEqual([OFFICE, CHOICE])
  await search.fill('2위')
  await expect.poll(() => listedClaims(desk)).toEqual([CLAIM_A])
  await search.fill('없는 낱말')
  await expect.poll(() => listedClaims(desk)).toEqual([])
  await expect(desk.getByText('No claim matches the search and filters.')).toBeVisible()

  await search.fill('')
  await expect.poll(() => listedClaims(desk)).toEqual(ALL)
  await expect(claimItems(desk)).toHaveCount(4)
})

test('filters combine with the search; the tally counts every claim, right after each edit', async ({ desk }) => {
  for (const start of ALL) await markClaim(desk, { start })
  const rate = async (quote: string, label: string) => {
    await (await openCard(desk, quote)).getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label })
  }
  await rate(OFFICE, 'True')
  await rate(CHOICE, 'Mostly true')
  await rate(STACK, 'Mostly true')
  await expect.poll(() => tallyCount(desk, 'Mostly true')).toBe(2)
  await expect.poll(() => tallyCount(desk, 'True')).toBe(1)
  await expect.poll(() => tallyCount(desk, 'Not yet rated')).toBe(1)
  await expect.poll(() => tallyCount(desk, 'Open', 'Claims per status')).toBe(4)

  await searchBox(desk).fill('서울')
  await expect.poll(() => listedClaims(desk)).toEqual([OFFICE, CHOICE])
  await desk.getByText('Filters', { exact: true }).click()
  await desk.getByRole('combobox', { name: 'Filter by verdict', exact: true }).selectOption({ label: 'Mostly true' })
  await expect.poll(() => listedClaims(desk)).toEqual([CHOICE])
  // The tally still counts the whole review while the list is narrowed.
  expect(await tallyCount(desk, 'Mostly true')).toBe(2)

  // Search cleared, the verdict filter alone.
  await searchBox(desk).fill('')
  await expect.poll(() => listedClaims(desk)).toEqual([CHOICE, STACK])
  // An edit that takes a claim out of the filter takes it out of the list, and the tally follows at once.
  await rate(STACK, 'False')
  await expect.poll(() => listedClaims(desk)).toEqual([CHOICE])
  await expect.poll(() => tallyCount(desk, 'Mostly true')).toBe(1)
  await expect.poll(() => tallyCount(desk, 'False')).toBe(1)

  // Status filter with a status change.
  await desk.getByRole('combobox', { name: 'Filter by verdict', exact: true }).selectOption({ label: 'All verdicts' })
  await (
    await openCard(desk, CLAIM_A)
  )
    .getByRole('combobox', { name: 'Status', exact: true })
    .selectOption({ label: 'Checked' })
  await expect.poll(() => tallyCount(desk, 'Checked', 'Claims per status')).toBe(1)
  await expect.poll(() => tallyCount(desk, 'Open', 'Claims per status')).toBe(3)
  await desk.getByRole('combobox', { name: 'Filter by status', exact: true }).selectOption({ label: 'Checked' })
  await expect.poll(() => listedClaims(desk)).toEqual([CLAIM_A])
  await desk.getByRole('combobox', { name: 'Filter by status', exact: true }).selectOption({ label: 'All statuses' })

  // "Has no source" with the search: OFFICE gets a source, so of the "서울" claims only CHOICE is left.
  await (await openCard(desk, OFFICE)).getByRole('button', { name: 'Add source', exact: true }).click()
  await claimCard(desk, OFFICE)
    .getByRole('textbox', { name: 'URL', exact: true })
    .fill('https://openai.com/global-affairs/')
  await claimCard(desk, OFFICE).getByRole('button', { name: 'Save source', exact: true }).click()
  await expect.poll(async () => (await storedClaims(desk)).find((c) => c.exact === OFFICE)?.sources.length).toBe(1)
  await searchBox(desk).fill('서울')
  await desk.getByRole('checkbox', { name: 'Has no source', exact: true }).check()
  await expect.poll(() => listedClaims(desk)).toEqual([CHOICE])
  // The source's address is searched as well.
  await desk.getByRole('checkbox', { name: 'Has no source', exact: true }).uncheck()
  await searchBox(desk).fill('global-affairs')
  await expect.poll(() => listedClaims(desk)).toEqual([OFFICE])

  // Sort by last change: the claim changed last comes first.
  await desk.getByRole('button', { name: 'Clear search and filters', exact: true }).click()
  await expect.poll(() => listedClaims(desk)).toEqual(ALL)
  await desk.getByRole('combobox', { name: 'Sort', exact: true }).selectOption({ label: 'Last change' })
  await expect.poll(async () => (await listedClaims(desk))[0]).toBe(OFFICE)
  await rate(CLAIM_A, 'Half true')
  await expect.poll(async () => (await listedClaims(desk))[0]).toBe(CLAIM_A)
  await desk.getByRole('combobox', { name: 'Sort', exact: true }).selectOption({ label: 'Essay order' })
  await expect.poll(() => listedClaims(desk)).toEqual(ALL)
})

test('the tally and the search are right straight after an import', async ({ desk, workDir, browser }) => {
  await markClaim(desk, { start: CLAIM_A })
  await expect.poll(() => tallyCount(desk, 'Not yet rated')).toBe(1)
  await searchBox(desk).fill('서울')
  await expect.poll(() => listedClaims(desk)).toEqual([])

  // Another reviewer, with a review file of their own, rates two claims and sends a bundle.
  const other = await launchHarness({
    reviewPath: join(workDir, 'b.factdesk'),
    dataDir: join(workDir, 'data-b'),
    lang: 'en',
  })
  const pageB = await (await browser.newContext()).newPage()
  try {
    await openDesk(pageB, other.url)
    await markClaim(pageB, { start: OFFICE })
    await markClaim(pageB, { start: STACK })
    await (
      await openCard(pageB, OFFICE)
    )
      .getByRole('combobox', { name: 'Verdict', exact: true })
      .selectOption({ label: 'False' })
    await (
      await openCard(pageB, STACK)
    )
      .getByRole('combobox', { name: 'Verdict', exact: true })
      .selectOption({ label: 'False' })
    await expect.poll(async () => (await storedClaims(pageB)).map((c) => c.verdict)).toEqual(['false', 'false'])
    const exported = await pageB.evaluate(() => window.factdesk.call('review-export', { format: 'bundle' }))
    if (!exported.ok) throw new Error(exported.error.message)
    const file = join(workDir, 'from-b.factdesk.json')
    writeFileSync(file, exported.value.data, exported.value.encoding === 'base64' ? 'base64' : 'utf8')

    await desk.locator('input[type="file"]').setInputFiles(file)
    const summary = desk.getByRole('dialog', { name: 'Import summary' })
    await expect(summary).toBeVisible()
    await summary.getByRole('button', { name: 'Close', exact: true }).click()
    // Counts and the standing search follow the import without any other step.
    await expect.poll(() => tallyCount(desk, 'False')).toBe(2)
    await expect.poll(() => tallyCount(desk, 'Not yet rated')).toBe(1)
    await expect.poll(() => tallyCount(desk, 'Open', 'Claims per status')).toBe(3)
    await expect.poll(() => listedClaims(desk)).toEqual([OFFICE])
    await searchBox(desk).fill('')
    await expect.poll(() => listedClaims(desk)).toEqual([OFFICE, CLAIM_A, STACK])
  } finally {
    await stopHarness(other.child)
  }
})

test.describe('in Korean', () => {
  test.use({ harnessLang: 'ko' })

  test('the search box is "주장 검색" and finds a one-syllable word', async ({ desk }) => {
    for (const start of [OFFICE, CLAIM_A]) {
      const before = await desk.getByRole('list', { name: '주장 목록', exact: true }).locator(':scope > li').count()
      await selectText(desk, { start })
      await desk.getByRole('button', { name: '주장 표시', exact: true }).click()
      await expect(desk.getByRole('list', { name: '주장 목록', exact: true }).locator(':scope > li')).toHaveCount(
        before + 1,
      )
    }
    await searchBox(desk, '주장 검색').fill('위')
    await expect(desk.getByRole('list', { name: '주장 목록', exact: true }).locator(':scope > li')).toHaveCount(1)
    await expect(desk.getByRole('article', { name: CLAIM_A, exact: true })).toBeVisible()
    await expect(desk.getByRole('status').filter({ hasText: '주장 2건 중 1건 표시' })).toBeVisible()
  })
})

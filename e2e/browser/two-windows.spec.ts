import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { describeRange } from '../../src/shared/text'
import { electronBinaryPath, projectRoot } from '../electronBinary'
import { CLAIM_A, claimItems, markClaim, selectText, storedClaims } from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

/**
 * Two windows on one review file (here two harnesses): the second reads it, says who has it, refuses
 * edits instead of writing behind the first one's back, shows the first one's work as it happens, and
 * takes over for writing once the first closes.
 */
test('a second window on the same review is read-only, follows the first, and takes over when it closes', async ({
  desk,
  harness,
  workDir,
  browser,
}) => {
  const second = await launchHarness({ reviewPath: harness.reviewPath, dataDir: join(workDir, 'data-2'), lang: 'en' })
  const page = await browser.newPage()
  try {
    await openDesk(page, second.url)
    await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toContainText(
      'open for editing in another Factdesk window (process',
    )
    // Greyed out, and it says why: as its tooltip and as its description, in the reader's language.
    const edit = page.getByRole('button', { name: 'Edit text', exact: true })
    await expect(edit).toBeDisabled()
    await expect(edit).toHaveAttribute('title', /^Another window has this review open for editing/)
    await expect(edit).toHaveAccessibleDescription(/here it can only be read/)
    const language = page.getByRole('combobox', { name: 'Language' })
    await language.selectOption('ko')
    const editKo = page.getByRole('button', { name: '본문 편집', exact: true })
    await expect(editKo).toBeDisabled()
    await expect(editKo).toHaveAttribute('title', /^다른 창에서 이 검토를 편집하고 있어/)
    await page.getByRole('combobox', { name: '언어' }).selectOption('en')
    await expect(edit).toBeVisible()

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

test('a command-line import while the harness has the review open waits its turn, succeeds, and shows in the page', async ({
  desk,
  harness,
  workDir,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  // Another reviewer's bundle: this review's own, with a claim of theirs added.
  const exported = await desk.evaluate(() => window.factdesk.call('review-export', { format: 'bundle' }))
  if (!exported.ok) throw new Error(exported.error.message)
  const bundle = JSON.parse(exported.value.data) as { document: { text: string }; claims: Record<string, unknown>[] }
  const text = bundle.document.text
  const at = [...text.slice(0, text.indexOf('2025년 5월'))].length
  const version = randomUUID()
  bundle.claims.push({
    ...bundle.claims[0],
    ...describeRange(text, at, at + [...'2025년 5월'].length),
    id: randomUUID(),
    author: '박검증',
    modifiedBy: '박검증',
    verdict: 'unrated',
    status: 'open',
    note: '',
    version,
    history: [version],
  })
  const file = join(workDir, 'park.factdesk.json')
  writeFileSync(file, JSON.stringify(bundle))

  // The command line under the runtime better-sqlite3 is built for (Electron as Node where it exists).
  const electron = electronBinaryPath()
  const run = spawnSync(
    electron ?? process.execPath,
    [
      join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(projectRoot, 'src', 'cli', 'main.ts'),
      'import',
      file,
      '--review',
      harness.reviewPath,
      '--json',
    ],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, USER: '박검증', ...(electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      timeout: 60_000,
    },
  )
  expect(run.status, run.stderr).toBe(0)
  expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, openIn: { pid: expect.any(Number) } })
  // The page hears of it (another connection's commit) without a reload; nothing of its own is lost.
  await expect(claimItems(desk)).toHaveCount(2, { timeout: 5000 })
  expect((await storedClaims(desk)).map((c) => c.exact)).toEqual(['2025년 5월', CLAIM_A])
})

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../electronBinary'
import { CLAIM_A, claimCard, claimItems, essayMark, markClaim, openCard } from '../desk'
import { expect, launchHarness, openDesk, stopHarness, test } from './fixtures'

/** `factdesk serve` on a free port; resolves with its address once it says it is ready. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), 'serve', '--data', dataDir, '--port', '0'],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const m = /Factdesk server is ready: (ws:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (!m) return
      clearTimeout(timer)
      resolve({ child, url: m[1] })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}

/**
 * Live co-review: two desks (two harnesses on two review files of one review) shared through the team
 * server see each other's claims and highlights as they are made, and who has which claim open.
 */
test('two desks on two review files shared through the team server see each other’s highlight and presence', async ({
  browser,
}) => {
  // A server and two harnesses start here: more than one desk's worth of start-up.
  test.setTimeout(150_000)
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-team-'))
  const server = await startServer(join(dir, 'server'))
  const sync = (name: string) => [
    '--sync',
    server.url,
    '--sync-token-file',
    join(dir, 'server', 'team-token'),
    '--as',
    name,
  ]
  const kim = await launchHarness({
    reviewPath: join(dir, 'kim.factdesk'),
    dataDir: join(dir, 'kim'),
    extra: sync('Kim Minji'),
  })
  const pageKim = await browser.newPage()
  const pageLee = await browser.newPage()
  let lee: Awaited<ReturnType<typeof launchHarness>> | undefined
  try {
    expect(kim.output()).toContain(`Shared with ${server.url}: connected`)
    await openDesk(pageKim, kim.url)
    await expect(pageKim.getByRole('status').filter({ hasText: 'Shared' })).toBeVisible()
    // Lee works on a copy of Kim's review file (same review, another file), as after sending it by mail.
    const copy = await pageKim.evaluate(() => window.factdesk.call('review-export', { format: 'sqlite' }))
    if (!copy.ok) throw new Error(copy.error.message)
    writeFileSync(join(dir, 'lee.factdesk'), Buffer.from(copy.value.data, 'base64'))
    lee = await launchHarness({
      reviewPath: join(dir, 'lee.factdesk'),
      dataDir: join(dir, 'lee'),
      extra: sync('Lee Seoyeon'),
    })
    await openDesk(pageLee, lee.url)
    await expect(pageLee.getByRole('status').filter({ hasText: 'Shared · 1 other online' })).toBeVisible()
    await expect(pageKim.getByRole('status').filter({ hasText: 'Shared · 1 other online' })).toBeVisible()

    // Kim marks a claim: Lee's desk lists it and highlights its words, without a reload.
    await markClaim(pageKim, { start: CLAIM_A })
    await expect(claimItems(pageLee)).toHaveCount(1, { timeout: 5000 })
    await expect(essayMark(pageLee, CLAIM_A)).toBeVisible()

    // Kim opens it: Lee sees Kim's initials on its card and its highlight.
    await openCard(pageKim, CLAIM_A)
    await expect(claimCard(pageLee, CLAIM_A)).toHaveAttribute('data-peers', 'KM', { timeout: 5000 })
    await expect(pageLee.locator(`mark[data-peers="KM"]`)).toHaveCount(1)
    // Lee opens it too; Kim sees Lee's.
    await openCard(pageLee, CLAIM_A)
    await expect(claimCard(pageKim, CLAIM_A)).toHaveAttribute('data-peers', 'LS', { timeout: 5000 })

    // Lee rates it: Kim's card shows the verdict.
    await claimCard(pageLee, CLAIM_A)
      .getByRole('combobox', { name: 'Verdict', exact: true })
      .selectOption({ label: 'True' })
    await expect(claimCard(pageKim, CLAIM_A).getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue(
      'true',
      { timeout: 5000 },
    )

    // The server goes away: Kim keeps working, and the toolbar counts what waits.
    await stopHarness(server.child)
    await expect(pageKim.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({ timeout: 10_000 })
    await markClaim(pageKim, { start: '2025년 5월' })
    await expect(pageKim.getByRole('status').filter({ hasText: 'Offline · 1 change waiting' })).toBeVisible()
  } finally {
    await pageKim.close()
    await pageLee.close()
    if (lee) await stopHarness(lee.child)
    await stopHarness(kim.child)
    await stopHarness(server.child)
    rmSync(dir, { recursive: true, force: true })
  }
})

import type { Dialog, Page } from '@playwright/test'
import {
  addSource,
  CLAIM_A,
  claimItems,
  expectClaimABack,
  isMarked,
  markClaim,
  openClaim,
  reviewClaimA,
  storedClaims,
  textOf,
  writeNote,
} from '../desk'
import { expect, test } from './fixtures'

/** Collects every alert/confirm/prompt the page opens; a note or a URL must never open one. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = []
  page.on('dialog', (dialog: Dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return seen
}

test('a claim with its verdict, Korean note and two sources is all there after a restart', async ({
  desk,
  harness,
}) => {
  await reviewClaimA(desk)
  await harness.restart()
  await expectClaimABack(desk)
})

test('a claim across two paragraphs and two overlapping claims survive a restart', async ({ desk, harness }) => {
  const spans = [
    { start: '이러한 복합적인 기반 위에서', end: '이는 곧 한국이 단순 AI 이용국에서' },
    { start: '오픈AI가 공식적으로 서울에 지사를 설립' },
    { start: '서울에 지사를 설립했다고 발표한 것이다' },
  ]
  for (const span of spans) await markClaim(desk, span)
  for (const span of spans) await expect.poll(() => isMarked(desk, span)).toBe(true)

  const anchors = (claims: Awaited<ReturnType<typeof storedClaims>>) =>
    claims.map(({ id, exact, start, end }) => ({ id, exact, start, end })).sort((a, b) => a.start - b.start)
  const before = anchors(await storedClaims(desk))
  expect(before).toHaveLength(3)
  const crossing = before.find((c) => c.exact.startsWith('이러한 복합적인 기반 위에서'))
  expect(crossing?.exact.endsWith('이는 곧 한국이 단순 AI 이용국에서')).toBe(true)

  await harness.restart()

  await expect(claimItems(desk)).toHaveCount(3)
  for (const span of spans) await expect.poll(() => isMarked(desk, span)).toBe(true)
  expect(anchors(await storedClaims(desk))).toEqual(before)
})

test('a javascript: URL is refused with a message and no source is saved', async ({ desk }) => {
  const dialogs = watchDialogs(desk)
  await markClaim(desk, { start: CLAIM_A })
  await addSource(desk, {
    url: 'javascript:alert(1)',
    title: 'Not a source',
    publisher: 'Nobody',
    excerpt: 'This must not be saved.',
  })
  await expect(desk.getByRole('alert')).toBeVisible()
  const [claim] = await storedClaims(desk)
  expect(claim.sources).toEqual([])
  await expect(desk.locator('a[href^="javascript:" i]')).toHaveCount(0)
  expect(dialogs).toEqual([])
})

test('a note that looks like HTML stays text, after a restart too', async ({ desk, harness }) => {
  const markup = '<img src=x onerror=alert(1)>'
  const dialogs = watchDialogs(desk)
  await markClaim(desk, { start: CLAIM_A })
  await writeNote(desk, markup)
  await expect.poll(async () => (await storedClaims(desk))[0]?.note).toBe(markup)

  await harness.restart()

  const card = await openClaim(desk, 0)
  await expect.poll(() => textOf(card.getByRole('textbox', { name: 'Note', exact: true }))).toBe(markup)
  await expect(desk.locator('img[src="x"]')).toHaveCount(0)
  await expect(card.locator('img')).toHaveCount(0)
  // Give an injected onerror handler every chance to fire before concluding none did.
  await desk.evaluate(() => new Promise((done) => setTimeout(done, 300)))
  expect(dialogs).toEqual([])
})

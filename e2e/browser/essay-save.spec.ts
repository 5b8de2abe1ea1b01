import type { Page } from '@playwright/test'
import { CLAIM_A, editText, markClaim, selectText, storedClaims } from '../desk'
import { expect, test } from './fixtures'

/**
 * A pause in typing saves only the paragraphs the keys changed (src/shared/essaySplice.ts) with the
 * ranges of the claims near them, and the service answers only with the claims the save changed beyond
 * what the page holds. An essay saved from
 * elsewhere in between is saved whole, as the page shows it, without a word to the reviewer.
 */
interface Sent {
  splice: boolean
  bytes: number
  /** The claims whose ranges it sent. */
  ranges: string[]
}

const savedText = async (page: Page): Promise<string> => {
  const result = await page.evaluate(() => window.factdesk.call('document-get', {}))
  if (!result.ok) throw new Error('document-get failed')
  return result.value.text
}

/** What the page sends to save the essay, from now on. */
async function watchSaves(page: Page): Promise<() => Promise<Sent[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sent: { splice: boolean; bytes: number; ranges: string[] }[] }
    w.__sent = []
    const fetched = window.fetch.bind(window)
    window.fetch = (url, init) => {
      const address = url instanceof Request ? url.url : url.toString()
      if (address.endsWith('/document-save') && typeof init?.body === 'string') {
        const body = JSON.parse(init.body) as { ranges: { id: string }[] }
        w.__sent.push({
          splice: init.body.includes('"splice"'),
          bytes: init.body.length,
          ranges: body.ranges.map((r) => r.id),
        })
      }
      return fetched(url, init)
    }
  })
  return () => page.evaluate(() => (window as unknown as { __sent: Sent[] }).__sent)
}

test('typing saves only what it changed, and an essay saved elsewhere meanwhile is saved whole as shown', async ({
  desk,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  const [claim] = await storedClaims(desk)
  // One more near the end, far from the words about to be typed.
  await markClaim(desk, { start: FAR })
  const far = (await storedClaims(desk)).find((c) => c.exact === FAR)!
  const original = await savedText(desk)
  const sent = await watchSaves(desk)

  await editText(desk)
  await selectText(desk, { start: '오픈AI는' })
  await desk.keyboard.press('ArrowLeft')
  await desk.keyboard.type('[속보] ')
  await expect.poll(() => savedText(desk)).toContain('[속보] 오픈AI는')
  const [first] = await sent()
  expect(first.splice).toBe(true)
  expect(first.bytes).toBeLessThan(2_000)
  // Only the claims near the words typed: the one far after them the service moves by their length.
  expect(first.ranges).not.toContain(far.id)
  const stored = await storedClaims(desk)
  const moved = stored.find((c) => c.id === claim.id)!
  expect(moved.exact).toBe(CLAIM_A)
  expect(moved.start).toBe(claim.start + (original.indexOf('오픈AI는') < original.indexOf(CLAIM_A) ? 5 : 0))
  expect(stored.find((c) => c.id === far.id)).toMatchObject({ exact: FAR, start: far.start + 5, anchored: true })
  // And where the page draws it.
  await expect(desk.locator('mark', { hasText: FAR })).toBeVisible()

  // Another writer saves the essay with a change of its own (the command line, a script).
  await desk.evaluate(async () => {
    const doc = await window.factdesk.call('document-get', {})
    if (!doc.ok) throw new Error('document-get failed')
    const blocks = doc.value.blocks.map((b, i) =>
      i === doc.value.blocks.length - 1 ? { ...b, inlines: [...b.inlines, { text: ' (다른 곳에서 고침)' }] } : b,
    )
    const claims = await window.factdesk.call('claims-desk', {})
    if (!claims.ok) throw new Error('claims-desk failed')
    await window.factdesk.call('document-save', {
      blocks,
      ranges: claims.value.filter((c) => c.anchored).map(({ id, start, end }) => ({ id, start, end })),
    })
  })
  await desk.keyboard.type('단독 ')
  await expect.poll(() => savedText(desk)).toContain('[속보] 단독 오픈AI는')
  // The page's splice was made of the older save: refused, then the whole essay as the page has it
  // (after the first save and the other writer's, which went through the same transport).
  const last = (await sent()).slice(2)
  expect(last.map((s) => s.splice)).toEqual([true, false])
  expect(await savedText(desk)).not.toContain('다른 곳에서 고침')
  await expect(desk.getByRole('alert')).toHaveCount(0)
  expect((await storedClaims(desk)).find((c) => c.id === claim.id)?.exact).toBe(CLAIM_A)
})

const FAR = '관계, 문화, 제도, 윤리'

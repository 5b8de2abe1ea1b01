import type { Locator, Page } from '@playwright/test'
import { CLAIM_A, claimItems, markClaim, openClaim, selectText, storedClaims } from '../desk'
import { expect, test } from './fixtures'

/** Tags, the discussion thread and the history of a claim, through the real renderer and service. */

const TAG = '통계'
const REPLY = '유료 가입자 기준으로 2위가 맞습니다.\n발표 자료로 확인했습니다.'
const CLAIM_B = '2025년 5월'

const tagInput = (card: Locator) => card.getByRole('combobox', { name: 'Add tag', exact: true })
const tagChips = (card: Locator) => card.getByRole('list', { name: 'Tags', exact: true }).getByRole('listitem')

async function addTag(page: Page, card: Locator, name: string): Promise<void> {
  await tagInput(card).click()
  // insertText sends Hangul as an IME commits it; Enter then adds the tag.
  await page.keyboard.insertText(name)
  await page.keyboard.press('Enter')
  await expect(tagChips(card).filter({ hasText: name })).toBeVisible()
  await expect(tagInput(card)).toHaveValue('')
}

async function openHistory(card: Locator): Promise<Locator> {
  const details = card.locator('details.claim-history')
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.getByText('History', { exact: true }).click()
  const list = card.getByRole('list', { name: 'Changes to this claim', exact: true })
  await expect(list).toBeVisible()
  return list
}

test('a tag and a reply on a claim are back after a restart, and the history lists them', async ({ desk, harness }) => {
  await markClaim(desk, { start: CLAIM_A })
  const card = await openClaim(desk, 0)

  await addTag(desk, card, TAG)
  const reply = card.getByRole('textbox', { name: 'Reply', exact: true })
  await reply.click()
  await desk.keyboard.insertText(REPLY)
  await card.getByRole('button', { name: 'Add reply', exact: true }).click()
  await expect(reply).toHaveValue('')
  const replies = card.getByRole('list', { name: 'Replies', exact: true }).getByRole('listitem')
  await expect(replies).toHaveCount(1)
  await expect(replies.first()).toContainText('유료 가입자 기준으로 2위가 맞습니다.')
  // My own reply can be edited and deleted.
  await expect(replies.first().getByRole('button', { name: /^Edit reply/ })).toBeVisible()
  await expect(replies.first().getByRole('button', { name: /^Delete reply/ })).toBeVisible()

  await expect
    .poll(async () => {
      const [claim] = await storedClaims(desk)
      return claim && { tags: claim.tags, replies: claim.replies.map((r) => r.body) }
    })
    .toEqual({ tags: [TAG], replies: [REPLY] })

  await harness.restart()

  await expect(claimItems(desk)).toHaveCount(1)
  const again = await openClaim(desk, 0)
  await expect(tagChips(again).locator('.tag-name')).toHaveText([TAG])
  const repliesAgain = again.getByRole('list', { name: 'Replies', exact: true }).getByRole('listitem')
  await expect(repliesAgain).toHaveCount(1)
  await expect(repliesAgain.first().locator('.reply-body')).toHaveText(REPLY)
  const history = await openHistory(again)
  await expect(history.locator('.history-text')).toHaveText([
    / replied\.$/,
    new RegExp(` added the tag “${TAG}”\\.$`),
    / marked the claim\.$/,
  ])
})

test('tags suggest the review’s tags, keep a colour, and come off again; own replies are edited in place', async ({
  desk,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  await markClaim(desk, { start: CLAIM_B })
  const first = await openClaim(desk, 0)
  await addTag(desk, first, TAG)

  // The colour: a calm palette colour at first, changed for the whole review.
  const chip = tagChips(first).filter({ hasText: TAG })
  const before = await chip.evaluate((el) => getComputedStyle(el).backgroundColor)
  await chip.getByRole('button', { name: `Colour of tag ${TAG}`, exact: true }).click()
  const palette = first.getByRole('group', { name: `Colours for tag ${TAG}`, exact: true })
  const rose = palette.getByRole('button', { name: 'Rose', exact: true })
  const lavender = palette.getByRole('button', { name: 'Lavender', exact: true })
  const pick = before === 'rgb(245, 220, 220)' ? lavender : rose
  const expected = before === 'rgb(245, 220, 220)' ? 'rgb(234, 223, 242)' : 'rgb(245, 220, 220)'
  await pick.click()
  await expect(chip).toHaveCSS('background-color', expected)

  // The second claim's tag field suggests the review's tags.
  const second = await openClaim(desk, 1)
  await expect
    .poll(() => second.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
    .toEqual([TAG])
  await addTag(desk, second, TAG)
  await expect(tagChips(second).filter({ hasText: TAG })).toHaveCSS('background-color', expected)
  await expect(second.locator('datalist option')).toHaveCount(0)

  await tagChips(second)
    .getByRole('button', { name: `Remove tag ${TAG}`, exact: true })
    .click()
  await expect(second.getByRole('list', { name: 'Tags', exact: true })).toHaveCount(0)

  // A reply, edited by its author.
  await second.getByRole('textbox', { name: 'Reply', exact: true }).fill('발표일 확인 필요')
  await second.getByRole('button', { name: 'Add reply', exact: true }).click()
  const item = second.getByRole('list', { name: 'Replies', exact: true }).getByRole('listitem').first()
  await item.getByRole('button', { name: /^Edit reply/ }).click()
  const edit = item.getByRole('textbox', { name: 'Edit reply', exact: true })
  await edit.fill('발표일 확인함: 5월 26일')
  await item.getByRole('button', { name: 'Save reply', exact: true }).click()
  await expect(item.locator('.reply-body')).toHaveText('발표일 확인함: 5월 26일')
  await expect(item).toContainText('edited')
  const history = await openHistory(second)
  await expect(history.getByRole('listitem').first()).toHaveText(/ edited a reply\./)
  await expect(history.getByRole('listitem').nth(2)).toHaveText(new RegExp(` removed the tag “${TAG}”\\.`))
})

test.describe('in Korean', () => {
  test.use({ harnessLang: 'ko' })

  test('태그 추가, 답글 and 변경 기록 speak Korean; the history sentence uses the verdict labels', async ({ desk }) => {
    await selectText(desk, { start: CLAIM_A })
    await desk.getByRole('button', { name: '주장 표시', exact: true }).click()
    const card = desk.getByRole('article', { name: CLAIM_A, exact: true })
    await card.getByRole('combobox', { name: '판정', exact: true }).selectOption({ label: '대체로 사실' })
    await card.getByRole('combobox', { name: '태그 추가', exact: true }).click()
    await desk.keyboard.insertText('통계')
    await desk.keyboard.press('Enter')
    await expect(card.getByRole('list', { name: '태그', exact: true }).locator('.tag-name')).toHaveText(['통계'])
    await card.getByRole('textbox', { name: '답글', exact: true }).fill('확인했습니다')
    await card.getByRole('button', { name: '답글 달기', exact: true }).click()
    await expect(card.getByRole('list', { name: '답글 목록', exact: true }).locator('.reply-body')).toHaveText([
      '확인했습니다',
    ])
    await card.getByText('변경 기록', { exact: true }).click()
    const history = card.getByRole('list', { name: '이 주장의 변경 기록', exact: true }).locator('.history-text')
    await expect(history).toHaveText([
      / 님이 답글을 달았습니다\.$/,
      / 님이 태그 ‘통계’를 붙였습니다\.$/,
      / 님이 판정을 ‘판정 전’에서 ‘대체로 사실’로 바꿨습니다\.$/,
      / 님이 주장을 표시했습니다\.$/,
    ])
  })
})

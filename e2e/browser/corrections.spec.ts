import type { Page } from '@playwright/test'
import { CLAIM_A, editText, essayMark, markClaim, selectText, storedClaims } from '../desk'
import { expect, test } from './fixtures'

const CORRECTED = '챗GPT 유료 가입자 수 상위권'

async function essayText(page: Page): Promise<string> {
  const result = await page.evaluate(() => window.factdesk.call('document-get', {}))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.text
}

/** Puts the caret right after `text` in the essay, without a mouse. */
async function caretAfter(page: Page, text: string): Promise<void> {
  await selectText(page, { start: text })
  await page.keyboard.press('ArrowRight')
}

test('a correction is applied in the essay, undone with Ctrl+Z, redone, and kept after a restart', async ({
  desk,
  harness,
}) => {
  await markClaim(desk, { start: CLAIM_A })
  await desk.getByRole('button', { name: 'Propose correction', exact: true }).click()
  await desk.getByRole('textbox', { name: 'Corrected wording', exact: true }).fill(CORRECTED)
  await desk
    .getByRole('textbox', { name: 'Explanation for readers', exact: true })
    .fill('순위 근거가 확인되지 않아 고쳤습니다.')
  await desk.getByRole('button', { name: 'Save correction', exact: true }).click()
  await desk.getByRole('button', { name: 'Apply correction', exact: true }).click()

  await expect(essayMark(desk, CORRECTED)).toBeVisible()
  await expect.poll(async () => (await storedClaims(desk))[0]?.corrections[0]?.state).toBe('applied')
  const [applied] = await storedClaims(desk)
  expect(applied.exact).toBe(CORRECTED)
  expect(applied.corrections[0]).toMatchObject({ original: CLAIM_A, replacement: CORRECTED })
  expect(await essayText(desk)).toContain(`미국에 이어 ${CORRECTED}를 기록하며`)

  // Undo in the essay (in Edit mode, where the essay has its own undo) brings the original wording
  // back, and the record follows.
  await editText(desk)
  await desk.locator('[data-lexical-editor="true"]').focus()
  await desk.keyboard.press('Control+Z')
  await expect(essayMark(desk, CLAIM_A)).toBeVisible()
  await expect.poll(async () => (await storedClaims(desk))[0]?.corrections[0]?.state).toBe('proposed')
  expect(await essayText(desk)).toContain(`미국에 이어 ${CLAIM_A}를 기록하며`)

  await desk.keyboard.press('Control+Shift+Z')
  await expect(essayMark(desk, CORRECTED)).toBeVisible()
  await expect.poll(async () => (await storedClaims(desk))[0]?.corrections[0]?.state).toBe('applied')

  await harness.restart()
  await expect(essayMark(desk, CORRECTED)).toBeVisible()
  const [after] = await storedClaims(desk)
  expect(after).toMatchObject({ exact: CORRECTED, anchored: true })
  expect(after.corrections[0]).toMatchObject({
    state: 'applied',
    original: CLAIM_A,
    explanation: '순위 근거가 확인되지 않아 고쳤습니다.',
  })
})

test('typing in the essay moves highlights with their words and is saved', async ({ desk, harness }) => {
  await markClaim(desk, { start: CLAIM_A })
  await editText(desk)
  await caretAfter(desk, '한국은 미국에')
  await desk.keyboard.type(' 바로')
  await expect.poll(() => essayText(desk)).toContain('한국은 미국에 바로 이어 챗GPT')
  await expect(essayMark(desk, CLAIM_A)).toBeVisible()

  // Typing inside the claim grows it; its text on the card follows.
  await caretAfter(desk, '챗GPT 유료')
  await desk.keyboard.type(' 구독')
  await expect.poll(async () => (await storedClaims(desk))[0]?.exact).toBe('챗GPT 유료 구독 가입자 수 2위')

  await harness.restart()
  await expect(essayMark(desk, '챗GPT 유료 구독 가입자 수 2위')).toBeVisible()
  expect(await essayText(desk)).toContain('한국은 미국에 바로 이어 챗GPT 유료 구독 가입자 수 2위를')
})

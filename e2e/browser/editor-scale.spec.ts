import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness, stop, writeReview } from '../../scripts/bench/editorSetup'
import { longEssay } from '../../scripts/bench/longText'
import { claimItems, editText } from '../desk'
import { describeRange } from '../../src/shared/text'

/**
 * The desk on a long essay with many claims (docs/editor-scale.md): the claims list renders only the
 * cards in view, and typing, marking and stepping through claims still work. Not a timing test;
 * `npm run bench -- --editor` measures. It starts its harness as the bench does (scripts/bench).
 */
const CLAIMS = 5000
const ESSAY = '[data-lexical-editor="true"]'

// A trace snapshots the whole page (a 500,000-character essay) at every step: slower than the test.
test.use({ trace: 'off' })

/** The essay's paragraph at `at` (0–1) of the way down, scrolled into view; its first `length` characters selected. */
function selectInParagraph(page: Page, at: number, length: number): Promise<string> {
  return page.evaluate(
    ({ selector, at, length }) => {
      const paragraphs = document.querySelectorAll(`${selector} p`)
      const p = paragraphs[Math.floor(paragraphs.length * at)]
      p.scrollIntoView({ block: 'center' })
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, Math.min(length, node.data.length))
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return selection.toString()
    },
    { selector: ESSAY, at, length },
  )
}

const focusedCard = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('article[data-claim-id]')?.getAttribute('data-claim-id') ?? null)

test('a 500,000-character essay with 5,000 claims: type in it, mark a claim, and its card is scrolled to and focused', async ({
  page: desk,
}) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'))
  writeReview(join(dir, 'review.factdesk'), longEssay(500_000), CLAIMS)
  const harness = await startHarness(join(dir, 'review.factdesk'), join(dir, 'data'))
  try {
    await desk.goto(harness.url)
    await expect(desk.locator(ESSAY)).toBeVisible({ timeout: 60_000 })
    await scenario(desk)
  } finally {
    await stop(harness.child)
    rmSync(dir, { recursive: true, force: true })
  }
})

async function scenario(desk: Page): Promise<void> {
  await expect(desk.locator('.claim-count')).toHaveText(`${CLAIMS} claims`, { timeout: 30_000 })
  await expect(desk.locator(`${ESSAY} mark`).first()).toBeAttached()
  // The list is virtualised: a few dozen cards in the page, not five thousand.
  const rendered = await claimItems(desk).count()
  expect(rendered).toBeGreaterThan(0)
  expect(rendered).toBeLessThan(60)

  // Edit mode: typing deep in the essay lands in the text and is saved with it.
  await editText(desk)
  const paragraph = desk.locator(`${ESSAY} p`).nth(1200)
  await paragraph.scrollIntoViewIfNeeded()
  await paragraph.click({ position: { x: 4, y: 6 } })
  await desk.keyboard.type('확인필요 ')
  await expect(paragraph).toContainText('확인필요')
  await desk.keyboard.press('Escape')

  // Marking far down the essay: the new claim's card is rendered, scrolled to and focused.
  const quote = await selectInParagraph(desk, 0.8, 12)
  await desk.keyboard.press('Control+Shift+M')
  // Marking saves the edited essay first (all 500,000 characters and every claim's place).
  await expect(desk.locator('.claim-count')).toHaveText(`${CLAIMS + 1} claims`, { timeout: 60_000 })
  const saved = await desk.evaluate(() => window.factdesk.call('document-get', {}))
  if (!saved.ok) throw new Error('document-get failed')
  expect(saved.value.text.includes('확인필요 ')).toBe(true)
  // Every claim the typing moved (most of them, by the words' length, without the page sending their
  // ranges) reads its own words and context where the review keeps it.
  const stored = await desk.evaluate(() => window.factdesk.call('claims-list', {}))
  if (!stored.ok) throw new Error('claims-list failed')
  const misplaced = stored.value.filter((c) => {
    const at = describeRange(saved.value.text, c.start, c.end)
    return c.anchored && (at.exact !== c.exact || at.prefix !== c.prefix || at.suffix !== c.suffix)
  })
  expect(misplaced).toEqual([])
  await expect.poll(() => focusedCard(desk)).not.toBeNull()
  const id = (await focusedCard(desk))!
  const card = desk.locator(`article[data-claim-id="${id}"]`)
  await expect(card).toHaveAttribute('aria-label', quote.trim())
  await expect(card).toBeInViewport()
  await expect(desk.locator(`${ESSAY} mark[data-claim-ids~="${id}"]`).first()).toBeAttached()

  // J steps to the next claim of the list: its card is rendered and focused too, however far the list.
  await desk.keyboard.press('j')
  await expect.poll(() => focusedCard(desk)).not.toBe(id)
  const next = (await focusedCard(desk))!
  await expect(desk.locator(`article[data-claim-id="${next}"]`)).toBeInViewport()
  await expect(desk.locator(`${ESSAY} mark[data-claim-ids~="${next}"].claim-mark-active`).first()).toBeAttached()
}

import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness, stop, writeReview } from '../../scripts/bench/editorSetup'
import { longEssay } from '../../scripts/bench/longText'
import { editText } from '../desk'

/**
 * A long essay is built in sections of blocks (SectionNode.ts) for the browser's sake; the reviewer
 * must never meet their edges: Backspace, Enter, a selection, a paste and undo behave across them as
 * anywhere else, and the saved essay is the text the reviewer sees.
 */
const ESSAY = '[data-lexical-editor="true"]'
const SECTION = `${ESSAY} > .essay-section`

test.use({ trace: 'off' })

const saved = async (page: Page): Promise<string> => {
  const result = await page.evaluate(() => window.factdesk.call('document-get', {}))
  if (!result.ok) throw new Error('document-get failed')
  return result.value.text
}

/** Puts the caret (or a selection) in the essay: `[section, child, offset]` points, offsets in the block's first or last text node. */
function select(page: Page, from: [number, 'first' | 'last', number], to = from): Promise<void> {
  return page.evaluate(
    ({ selector, from, to }) => {
      const point = ([section, which, offset]: [number, 'first' | 'last', number]): [Text, number] => {
        const s = document.querySelectorAll(selector)[section]
        const block = which === 'first' ? s.firstElementChild! : s.lastElementChild!
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
        let node = walker.nextNode() as Text
        if (which === 'last' || offset < 0) for (let n = walker.nextNode(); n; n = walker.nextNode()) node = n as Text
        return [node, offset < 0 ? node.data.length + offset : offset]
      }
      const [a, ao] = point(from)
      const [b, bo] = point(to)
      a.parentElement!.scrollIntoView({ block: 'center' })
      window.getSelection()!.setBaseAndExtent(a, ao, b, bo)
      // The editor takes the selection from the browser's selectionchange, a task later.
      return new Promise<void>((resolve) => setTimeout(resolve, 50))
    },
    { selector: SECTION, from, to },
  )
}

const edgeTexts = (page: Page, section: number) =>
  page.evaluate(
    ({ selector, section }) => {
      const sections = document.querySelectorAll(selector)
      return {
        last: sections[section].lastElementChild!.textContent!,
        first: sections[section + 1].firstElementChild!.textContent!,
      }
    },
    { selector: SECTION, section },
  )

test('typing across the edges of a long essay’s sections: Backspace, a selection, a paste and undo, saved as seen', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'))
  writeReview(join(dir, 'review.factdesk'), longEssay(50_000), 60)
  const harness = await startHarness(join(dir, 'review.factdesk'), join(dir, 'data'))
  try {
    await page.goto(harness.url)
    await expect(page.locator(`${ESSAY} mark`).first()).toBeAttached({ timeout: 60_000 })
    const original = await saved(page)
    expect(await page.locator(SECTION).count()).toBeGreaterThanOrEqual(6)
    // Nothing of the essay sits outside a section.
    expect(await page.locator(`${ESSAY} > :not(.essay-section)`).count()).toBe(0)

    // A heading that opens a section stands as far from the paragraph above as one inside a section.
    const gaps = await page.evaluate(async (selector) => {
      const gapAbove = (el: Element, above: Element) =>
        el.getBoundingClientRect().top - above.getBoundingClientRect().bottom
      const sections = [...document.querySelectorAll(selector)]
      const opening = sections.findIndex((s, i) => i > 0 && s.firstElementChild!.tagName === 'H2')
      const heading = sections[opening].firstElementChild!
      heading.scrollIntoView({ block: 'center' })
      // The browser lays out a section that comes into view a few frames later.
      const above = sections[opening - 1]
      for (let i = 0; i < 120 && !above.lastElementChild!.checkVisibility({ contentVisibilityAuto: true }); i++)
        await new Promise((r) => requestAnimationFrame(r))
      const inner = [...sections[opening].querySelectorAll(':scope > h2')][1]
      return {
        edge: gapAbove(heading, above.lastElementChild!),
        inside: gapAbove(inner, inner.previousElementSibling!),
      }
    }, SECTION)
    expect(Math.abs(gaps.edge - gaps.inside)).toBeLessThan(1)

    await editText(page)
    // Backspace at the start of a section's first block joins it to the last block of the section before.
    const edge = await edgeTexts(page, 1)
    await select(page, [2, 'first', 0])
    await page.keyboard.press('Backspace')
    const joined = original.replace(`${edge.last}\n${edge.first}`, `${edge.last}${edge.first}`)
    expect(joined).not.toBe(original)
    await expect.poll(() => saved(page)).toBe(joined)
    await expect(page.locator(SECTION).nth(1).locator(':scope > :last-child')).toHaveText(edge.last + edge.first)

    // Ctrl+Z brings the two blocks back.
    await page.keyboard.press('Control+Z')
    await expect.poll(() => saved(page)).toBe(original)

    // A selection from one section into the next, replaced by what is typed.
    const next = await edgeTexts(page, 2)
    await select(page, [2, 'last', -3], [3, 'first', 4])
    await page.keyboard.type('확인')
    const replaced = original.replace(
      `${next.last}\n${next.first}`,
      `${next.last.slice(0, -3)}확인${next.first.slice(4)}`,
    )
    await expect.poll(() => saved(page)).toBe(replaced)

    // A paste of 120 lines into one section: the section splits, the lines are paragraphs in order,
    // and the highlights moved with them still show their claims.
    const lines = Array.from({ length: 120 }, (_, i) => `붙여 넣은 줄 ${i + 1}`)
    await select(page, [4, 'first', 0])
    await page.evaluate(
      ({ selector, text }) => {
        const data = new DataTransfer()
        data.setData('text/plain', text)
        document
          .querySelector(selector)!
          .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      },
      { selector: ESSAY, text: lines.join('\n') + '\n' },
    )
    await expect.poll(() => saved(page)).toContain(lines.join('\n'))
    const sizes = await page.locator(SECTION).evaluateAll((sections) => sections.map((s) => s.childElementCount))
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100)
    expect(await page.locator(`${ESSAY} > :not(.essay-section)`).count()).toBe(0)
    const undecorated = await page
      .locator(`${ESSAY} mark:not([data-claim-ids]), ${ESSAY} mark:not([data-verdict])`)
      .count()
    expect(undecorated).toBe(0)
    expect(await page.locator(`${ESSAY} mark`).count()).toBeGreaterThan(0)
    const text = await saved(page)
    expect(text.replace(lines.join('\n') + '\n', '')).toBe(replaced)
  } finally {
    await stop(harness.child)
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a short essay that a paste makes long is gathered into sections at once, and undo takes the paste back', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'))
  writeReview(join(dir, 'review.factdesk'), longEssay(8_000), 12)
  const harness = await startHarness(join(dir, 'review.factdesk'), join(dir, 'data'))
  try {
    await page.goto(harness.url)
    await expect(page.locator(`${ESSAY} mark`).first()).toBeAttached({ timeout: 60_000 })
    const original = await saved(page)
    expect(await page.locator(SECTION).count()).toBe(0)
    const blocks = await page.locator(`${ESSAY} > *`).count()
    expect(blocks).toBeLessThan(200)

    await editText(page)
    const lines = Array.from({ length: 250 }, (_, i) => `붙여 넣은 줄 ${i + 1}`)
    await page.evaluate(
      ({ selector, text }) => {
        const block = document.querySelector(selector)!.children[3]
        const first = document.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode() as Text
        window.getSelection()!.setBaseAndExtent(first, 0, first, 0)
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            const data = new DataTransfer()
            data.setData('text/plain', text)
            document
              .querySelector(selector)!
              .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
            resolve()
          }, 50),
        )
      },
      { selector: ESSAY, text: lines.join('\n') + '\n' },
    )
    await expect.poll(() => saved(page)).toContain(lines.join('\n'))
    // Nothing of the essay left outside a section, no section past twice its size, every highlight shown.
    expect(await page.locator(`${ESSAY} > :not(.essay-section)`).count()).toBe(0)
    const sizes = await page.locator(SECTION).evaluateAll((sections) => sections.map((s) => s.childElementCount))
    expect(sizes.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(blocks + lines.length)
    expect(await page.locator(`${ESSAY} mark:not([data-claim-ids])`).count()).toBe(0)
    expect(await page.locator(`${ESSAY} mark`).count()).toBeGreaterThan(0)
    expect((await saved(page)).replace(lines.join('\n') + '\n', '')).toBe(original)

    await page.keyboard.press('Control+Z')
    await expect.poll(() => saved(page)).toBe(original)
  } finally {
    await stop(harness.child)
    rmSync(dir, { recursive: true, force: true })
  }
})

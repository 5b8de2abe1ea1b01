import { expect, type Locator, type Page } from '@playwright/test'
import type { Claim } from '../src/shared/domain'

/** Steps and checks shared by the browser (harness) and Electron suites. */

export const EDITOR = '[data-lexical-editor="true"], [contenteditable]'
/** Text only the essay holds, to tell its editor from other editable fields (a note, say). */
const ESSAY_SNIPPET = '챗GPT 유료 가입자 수 2위'

interface TextSpan {
  start: string
  /** When given, the span runs from the start of `start` to the end of `end` (across paragraphs). */
  end?: string
}

/**
 * Selects a span of the essay the way a mouse would: a DOM Range over the editor's text nodes, which
 * may cross marks, bold runs and paragraphs. Returns the selected text.
 */
export async function selectText(page: Page, span: TextSpan): Promise<string> {
  const selected = await page.evaluate(
    ({ selector, snippet, start, end }) => {
      const root = [...document.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.includes(snippet))
      if (!root) throw new Error('The essay editor is not on the page.')
      const nodes: { node: Text; from: number }[] = []
      let text = ''
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        nodes.push({ node, from: text.length })
        text += node.data
      }
      const s = text.indexOf(start)
      if (s < 0) throw new Error(`"${start}" is not in the essay.`)
      const endAt = end === undefined ? s + start.length : text.indexOf(end, s) + end.length
      if (end !== undefined && endAt < end.length) throw new Error(`"${end}" does not follow "${start}".`)
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        for (const { node, from } of nodes) {
          const to = from + node.data.length
          if (offset < from || offset > to) continue
          if (!isEnd && offset === to && node !== nodes[nodes.length - 1].node) continue
          return [node, offset - from]
        }
        throw new Error(`No text node at ${offset}.`)
      }
      const [startNode, startOffset] = locate(s, false)
      const [endNode, endOffset] = locate(endAt, true)
      root.focus()
      const range = document.createRange()
      range.setStart(startNode, startOffset)
      range.setEnd(endNode, endOffset)
      const selection = window.getSelection()
      if (!selection) throw new Error('No selection API.')
      selection.removeAllRanges()
      selection.addRange(range)
      return selection.toString()
    },
    { selector: EDITOR, snippet: ESSAY_SNIPPET, start: span.start, end: span.end },
  )
  // Lexical reads the DOM selection on `selectionchange`, which fires after this task.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  return selected
}

/** Whether every character of the span sits inside a <mark> in the essay editor. */
export function isMarked(page: Page, span: TextSpan): Promise<boolean> {
  return page.evaluate(
    ({ selector, snippet, start, end }) => {
      const root = [...document.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.includes(snippet))
      if (!root) return false
      const nodes: { node: Text; from: number }[] = []
      let text = ''
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        nodes.push({ node, from: text.length })
        text += node.data
      }
      const s = text.indexOf(start)
      if (s < 0) return false
      const endIndex = end === undefined ? s : text.indexOf(end, s)
      if (endIndex < 0) return false
      const e = end === undefined ? s + start.length : endIndex + end.length
      return nodes
        .filter(({ node, from }) => from < e && from + node.data.length > s && node.data.trim() !== '')
        .every(({ node }) => node.parentElement?.closest('mark') !== null)
    },
    { selector: EDITOR, snippet: ESSAY_SNIPPET, start: span.start, end: span.end },
  )
}

/** The claims as the app's own bridge reports them (same call in Electron and in the harness). */
export async function storedClaims(page: Page): Promise<Claim[]> {
  const result = await page.evaluate(() => window.factdesk.call('claims-list', {}))
  if (!result.ok) throw new Error(`claims-list failed: ${result.error.message}`)
  return result.value
}

export function claimList(page: Page): Locator {
  return page.getByRole('list', { name: 'Claims', exact: true })
}

/** The claims' own items: a card has lists of its own (sources), whose items are not claims. */
export function claimItems(page: Page): Locator {
  return claimList(page).locator(':scope > li, :scope > [role="listitem"]')
}

/** A claim's card: an article named by the claim's text. */
export function claimCard(page: Page, exact: string): Locator {
  return page.getByRole('article', { name: exact, exact: true })
}

/** A claim's card, opened (selected) so its fields show: only the selected claim's card shows them. */
export async function openCard(page: Page, exact: string): Promise<Locator> {
  const card = claimCard(page, exact)
  if ((await card.getAttribute('aria-current')) !== 'true')
    await card.getByRole('button', { name: exact, exact: true }).click()
  await expect(card).toHaveAttribute('aria-current', 'true')
  return card
}

/** The highlight in the essay whose text is exactly `text` (a piece of one, where claims overlap). */
export function essayMark(page: Page, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page
    .locator(EDITOR)
    .locator('mark')
    .filter({ hasText: new RegExp(`^${escaped}$`) })
}

/**
 * Enters Edit mode (the toolbar's "Edit text"): the essay opens read-only, and only then takes typing.
 * Calling it again while editing is harmless.
 */
export async function editText(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Edit text', exact: true })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  const editor = page.locator('[data-lexical-editor="true"]')
  await expect(editor).toHaveAttribute('contenteditable', 'true')
  // Edit mode hands the keys to the essay a moment later; keys pressed before that go elsewhere.
  await expect(editor).toBeFocused()
}

/** The status notice (role=status) that says `text`. */
export function notice(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text })
}

/** Marks the span as a claim and waits until it is listed. */
export async function markClaim(page: Page, span: TextSpan): Promise<void> {
  const before = await claimItems(page).count()
  await selectText(page, span)
  await page.getByRole('button', { name: 'Mark claim', exact: true }).click()
  await expect(claimItems(page)).toHaveCount(before + 1)
}

/** Opens a claim's card from the "Claims" list (unless it is open already) and returns its item. */
export async function openClaim(page: Page, index = 0): Promise<Locator> {
  const item = claimItems(page).nth(index)
  const verdict = item.getByRole('combobox', { name: 'Verdict', exact: true })
  if (!(await verdict.isVisible())) await item.getByRole('button').first().click()
  await expect(verdict).toBeVisible()
  return item
}

export interface SourceInput {
  url: string
  title: string
  publisher: string
  excerpt: string
}

export async function addSource(page: Page, source: SourceInput): Promise<void> {
  await page.getByRole('button', { name: 'Add source', exact: true }).click()
  await page.getByRole('textbox', { name: 'URL', exact: true }).fill(source.url)
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(source.title)
  await page.getByRole('textbox', { name: 'Publisher', exact: true }).fill(source.publisher)
  await page.getByRole('textbox', { name: 'Excerpt', exact: true }).fill(source.excerpt)
  await page.getByRole('button', { name: 'Save source', exact: true }).click()
}

/** Types into the "Note" box; insertText sends Hangul as an IME would commit it. */
export async function writeNote(page: Page, text: string): Promise<void> {
  const note = page.getByRole('textbox', { name: 'Note', exact: true })
  await note.click()
  await page.keyboard.insertText(text)
  // Leaving the field is when an editor commits a note at the latest.
  await note.blur()
}

/** The text in a textbox, whether it is an <input>/<textarea> or a contenteditable. */
export function textOf(box: Locator): Promise<string> {
  return box.evaluate((el) =>
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? ''),
  )
}

export const CLAIM_A = '챗GPT 유료 가입자 수 2위'
export const NOTE_A = '2025년 5월 기준 오픈AI 발표 자료로 확인함. 순위는 유료 가입자 수 기준.'
export const SOURCES_A: SourceInput[] = [
  {
    url: 'https://openai.com/global-affairs/openai-for-countries-korea/',
    title: 'OpenAI to open office in Seoul',
    publisher: 'OpenAI',
    excerpt: 'Korea has the largest number of paying ChatGPT subscribers outside the US.',
  },
  {
    url: 'https://www.yna.co.kr/view/AKR20250526000000017',
    title: '오픈AI, 서울에 한국 지사 설립',
    publisher: '연합뉴스',
    excerpt: '한국은 미국에 이어 챗GPT 유료 구독자 수가 두 번째로 많은 나라다.',
  },
]

/** Scenario (a), first half: one claim with a verdict, a Korean note and two sources. */
export async function reviewClaimA(page: Page): Promise<void> {
  await markClaim(page, { start: CLAIM_A })
  await expect(page.locator('mark', { hasText: CLAIM_A })).toBeVisible()
  await page.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'Mostly true' })
  await writeNote(page, NOTE_A)
  for (const source of SOURCES_A) {
    await addSource(page, source)
    await expect(page.getByRole('link', { name: source.title, exact: true })).toBeVisible()
  }
  // Every change must be in the review file before the app goes away.
  await expect
    .poll(async () => {
      const [claim] = await storedClaims(page)
      return claim && { verdict: claim.verdict, note: claim.note, sources: claim.sources.length }
    })
    .toEqual({ verdict: 'mostly-true', note: NOTE_A, sources: 2 })
}

/** Scenario (a), second half, after the app was restarted on the same file. */
export async function expectClaimABack(page: Page): Promise<void> {
  await expect(page.locator('mark', { hasText: CLAIM_A })).toBeVisible()
  await expect(claimItems(page)).toHaveCount(1)
  const card = await openClaim(page, 0)
  const verdict = card.getByRole('combobox', { name: 'Verdict', exact: true })
  await expect(verdict.locator('option:checked')).toHaveText('Mostly true')
  await expect.poll(() => textOf(card.getByRole('textbox', { name: 'Note', exact: true }))).toBe(NOTE_A)
  // Sources open in the system browser, so each is a link to its URL named by its title.
  for (const source of SOURCES_A) {
    await expect(card.getByRole('link', { name: source.title, exact: true })).toHaveAttribute('href', source.url)
  }
  const [claim] = await storedClaims(page)
  expect(claim.exact).toBe(CLAIM_A)
  expect(claim.sources.map((s) => s.url).sort()).toEqual(SOURCES_A.map((s) => s.url).sort())
}

/** The Claims panel's search box ("Search claims" / "주장 검색"). */
export function searchBox(page: Page, name = 'Search claims'): Locator {
  return page.getByRole('searchbox', { name, exact: true })
}

/** The quotes of the claims the panel lists, in its order. */
export function listedClaims(page: Page): Promise<string[]> {
  return claimItems(page)
    .locator(':scope > article')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''))
}

/**
 * A figure of the panel's tally: in the list `list` ("Claims per verdict" or "Claims per status"), the
 * count shown for `label` (e.g. "Mostly true"); null when the label is not there.
 */
export async function tallyCount(page: Page, label: string, list = 'Claims per verdict'): Promise<number | null> {
  const items = page.getByRole('list', { name: list, exact: true }).getByRole('button')
  for (const name of await items.allInnerTexts()) {
    const m = /^(.*\S)\s+(\d+)$/.exec(name.trim())
    if (m && m[1] === label) return Number(m[2])
  }
  return null
}

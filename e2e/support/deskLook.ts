import { expect, type Locator, type Page } from '@playwright/test'
import { EDITOR, selectText } from '../desk'

/** The desk's words the layout and accessibility tests look for, in each interface language. */
export const UI = {
  en: {
    markClaim: 'Mark claim',
    markClaimDisabled: 'Select text in the essay first, then mark it as a claim (Ctrl+Shift+M)',
    more: 'More',
    preferences: 'Preferences',
    shortcuts: 'Keyboard shortcuts',
    suggest: 'Suggest claims',
    settings: 'Review settings',
    resize: 'Resize the Claims panel',
    search: 'Search claims',
    claims: 'Claims',
    legend: 'Legend',
    verdict: 'Verdict',
    matchedIn: 'Matches in',
    fields: { quote: 'quote', note: 'note', source: 'source', reply: 'reply' },
    welcome: 'Welcome to Factdesk',
    reviewerName: 'Reviewer name',
    language: 'Language',
    scale: 'Verdict scale for new reviews',
    start: 'Start reviewing',
    nameRequired: 'Enter a reviewer name: every change is signed with it.',
    save: 'Save',
    close: 'Close',
    removeClaim: 'Remove claim',
    undo: 'Undo',
  },
  ko: {
    markClaim: '주장 표시',
    markClaimDisabled: '먼저 본문에서 글을 선택한 뒤 주장으로 표시하세요 (Ctrl+Shift+M)',
    more: '더 보기',
    preferences: '환경설정',
    shortcuts: '단축키',
    suggest: '주장 후보',
    settings: '검토 설정',
    resize: '주장 목록 너비 조절',
    search: '주장 검색',
    claims: '주장 목록',
    legend: '표시 안내',
    verdict: '판정',
    matchedIn: '일치한 곳',
    fields: { quote: '인용문', note: '메모', source: '출처', reply: '답글' },
    welcome: '팩트데스크를 시작합니다',
    reviewerName: '검토자 이름',
    language: '언어',
    scale: '새 검토의 판정 척도',
    start: '검토 시작',
    nameRequired: '검토자 이름을 입력하세요. 모든 변경에 이 이름이 기록됩니다.',
    save: '저장',
    close: '닫기',
    removeClaim: '주장 삭제',
    undo: '되돌리기',
  },
} as const
export type UiLang = keyof typeof UI

/** Claims of the bundled essay: two overlap, two sit side by side, one runs across two paragraphs. */
export const SPANS = {
  office: '오픈AI가 공식적으로 서울에 지사를 설립',
  announced: '서울에 지사를 설립했다고 발표한 것이다',
  rank: '챗GPT 유료 가입자 수 2위',
  recorded: '를 기록하며',
  long: { start: '이러한 복합적인 기반 위에서', end: '이는 곧 한국이 단순 AI 이용국에서' },
  stack: '삼성전자, 하이닉스 등 글로벌 반도체 강자',
} as const

export interface Seed {
  start: string
  end?: string
  verdict?: string
  note?: string
  source?: { url: string; title: string }
}

/**
 * Claims made through the review's own calls (as the buttons make them), then the page reloaded: the
 * same review every run, so screenshots compare.
 */
export async function seedClaims(page: Page, seeds: Seed[]): Promise<string[]> {
  const ids = await page.evaluate(async (list) => {
    const doc = await window.factdesk.call('document-get', {})
    if (!doc.ok) throw new Error(doc.error.message)
    const chars = [...doc.value.text]
    const text = chars.join('')
    const out: string[] = []
    for (const s of list) {
      const at = text.indexOf(s.start)
      if (at < 0) throw new Error(`"${s.start}" is not in the essay`)
      const endAt = s.end ? text.indexOf(s.end, at) + s.end.length : at + s.start.length
      // Code point offsets, as the review counts them.
      const start = [...text.slice(0, at)].length
      const end = [...text.slice(0, endAt)].length
      const anchor = {
        exact: chars.slice(start, end).join(''),
        prefix: chars.slice(Math.max(0, start - 32), start).join(''),
        suffix: chars.slice(end, end + 32).join(''),
        start,
        end,
      }
      const made = await window.factdesk.call('claim-create', { anchor })
      if (!made.ok) throw new Error(made.error.message)
      const patch: Record<string, string> = {}
      if (s.verdict) patch.verdict = s.verdict
      if (s.note) patch.note = s.note
      if (Object.keys(patch).length) {
        const updated = await window.factdesk.call('claim-update', { id: made.value.id, patch })
        if (!updated.ok) throw new Error(updated.error.message)
      }
      if (s.source) {
        const added = await window.factdesk.call('source-add', { claimId: made.value.id, source: s.source })
        if (!added.ok) throw new Error(added.error.message)
      }
      out.push(made.value.id)
    }
    return out
  }, seeds)
  await page.reload()
  await expect(page.locator(EDITOR).first()).toBeVisible()
  await expect(page.locator('.claim-items > li')).toHaveCount(seeds.length)
  return ids
}

/** Marks a span from the keyboard (Ctrl+Shift+M), in either language. */
export async function markSpan(page: Page, start: string, end?: string): Promise<void> {
  const before = await page.locator('.claim-items > li').count()
  await selectText(page, { start, end })
  await page.keyboard.press('Control+Shift+M')
  await expect(page.locator('.claim-items > li')).toHaveCount(before + 1)
}

export function cards(page: Page): Locator {
  return page.locator('.claim-items > li > article')
}

/** The highlight piece in the essay whose text is exactly `text`. */
export function markPiece(page: Page, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page
    .locator(EDITOR)
    .locator('mark')
    .filter({ hasText: new RegExp(`^${escaped}$`) })
}

/** The element that has the keyboard focus, described for an assertion message. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
    return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}: ${name}`
  })
}

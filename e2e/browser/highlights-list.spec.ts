import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { cards, markPiece, seedClaims, SPANS, UI, type UiLang } from '../support/deskLook'

/** The computed look of a highlight piece. */
function look(page: Page, text: string) {
  return markPiece(page, text).evaluate((el) => {
    const s = getComputedStyle(el)
    return {
      classes: [...el.classList],
      background: s.backgroundColor,
      image: s.backgroundImage,
      left: s.borderLeftWidth,
      right: s.borderRightWidth,
      outline: s.outlineStyle,
      shadow: s.boxShadow,
    }
  })
}

for (const lang of ['en', 'ko'] as const satisfies UiLang[]) {
  const ui = UI[lang]
  test.describe(`highlights and the list (${lang})`, () => {
    test.use({ harnessLang: lang })

    test('overlaps show for every verdict, neighbours stay apart, the selected claim stands out, and a legend says so', async ({
      desk,
    }) => {
      await seedClaims(desk, [
        { start: SPANS.office },
        { start: SPANS.announced },
        { start: SPANS.rank },
        { start: SPANS.recorded },
      ])
      // Not yet rated, both: the overlap is striped all the same.
      const overlap = await look(desk, '서울에 지사를 설립')
      const single = await look(desk, '오픈AI가 공식적으로 ')
      expect(overlap.classes).toContain('claim-mark-overlap')
      expect(overlap.image).toContain('repeating-linear-gradient')
      expect(single.image).toBe('none')
      // Side by side: the second claim starts with a bar, the first ends with one.
      expect((await look(desk, SPANS.rank)).right).toBe('2px')
      expect((await look(desk, SPANS.recorded)).left).toBe('2px')
      // Rated, the overlap is still striped, in the colour of its verdict.
      await cards(desk).first().locator('.claim-quote').click()
      await cards(desk).first().getByRole('combobox', { name: ui.verdict, exact: true }).selectOption('true')
      await expect.poll(async () => (await look(desk, '오픈AI가 공식적으로 ')).background).not.toBe(single.background)
      expect((await look(desk, '서울에 지사를 설립')).image).toContain('repeating-linear-gradient')
      // The selected claim is outlined; the others are not.
      expect((await look(desk, '오픈AI가 공식적으로 ')).outline).toBe('solid')
      expect((await look(desk, SPANS.rank)).outline).toBe('none')
      // Every highlight keeps the text on it at AA contrast (4.5:1), measured on the page.
      const ratios = await desk.locator('.essay mark').evaluateAll((marks) =>
        marks.map((m) => {
          const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) =>
              v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4,
            )
            return 0.2126 * r + 0.7152 * g + 0.0722 * b
          }
          const s = getComputedStyle(m)
          const [hi, lo] = [lum(s.color), lum(s.backgroundColor)].sort((a, b) => b - a)
          return (hi + 0.05) / (lo + 0.05)
        }),
      )
      for (const r of ratios) expect(r).toBeGreaterThanOrEqual(4.5)
      const legend = desk.getByRole('list', { name: ui.legend })
      await expect(legend.getByRole('listitem')).toHaveCount(5)
      await expect(legend).toBeVisible()
    })

    test('a long quote shows three lines and an ellipsis, wrapped between words', async ({ desk }) => {
      await seedClaims(desk, [{ start: '‘풀스택 AI 생태계’라는 표현은', end: SPANS.long.end }, { start: SPANS.rank }])
      // In essay order the short claim comes first; the long one is listed, not selected, below it.
      await cards(desk).first().locator('.claim-quote').click()
      const quote = cards(desk).nth(1).locator('.claim-quote q')
      const m = await quote.evaluate((q) => {
        const s = getComputedStyle(q)
        return {
          clamp: s.getPropertyValue('-webkit-line-clamp'),
          whiteSpace: s.whiteSpace,
          wordBreak: s.wordBreak,
          lines: q.clientHeight / parseFloat(s.lineHeight),
          // The whole quote, unclamped, takes more lines than the three shown.
          cut: (() => {
            const whole = q.cloneNode(true) as HTMLElement
            whole.style.cssText = `display:block; -webkit-line-clamp:unset; overflow:visible; position:absolute; visibility:hidden; width:${q.clientWidth}px`
            q.after(whole)
            const taller = whole.clientHeight > q.clientHeight + 1
            whole.remove()
            return taller
          })(),
          sideways: q.scrollWidth > q.clientWidth + 1,
        }
      })
      expect(m).toMatchObject({ clamp: '3', whiteSpace: 'normal', wordBreak: 'keep-all', cut: true, sideways: false })
      expect(Math.round(m.lines)).toBe(3)
    })

    test('search marks its matches in the card and names the fields they are in', async ({ desk }) => {
      const [office, rank] = await seedClaims(desk, [
        { start: SPANS.office },
        { start: SPANS.rank, note: '서울 지사 발표 자료로 확인' },
        { start: SPANS.stack },
      ])
      await desk.evaluate(
        async ({ rank, office }) => {
          await window.factdesk.call('source-add', {
            claimId: rank,
            source: {
              url: 'https://example.com/seoul',
              title: '서울 지사 보도',
              publisher: '연합뉴스',
              published: '',
              accessed: '',
              excerpt: '',
              archiveUrl: '',
            },
          })
          await window.factdesk.call('reply-add', { claimId: office, body: '서울 말고 판교라는 보도도 있음' })
        },
        { rank, office },
      )
      await desk.reload()
      await desk.getByRole('searchbox', { name: ui.search }).fill('서울')
      await expect(cards(desk)).toHaveCount(2)
      const first = cards(desk).nth(0)
      const second = cards(desk).nth(1)
      await expect(first.locator('.claim-quote mark')).toHaveText(['서울'])
      await expect(first.locator('.match-info')).toContainText(
        `${ui.matchedIn}: ${ui.fields.quote}, ${ui.fields.reply}`,
      )
      await expect(first.locator('.match-snippet[data-field="reply"] mark')).toHaveText('서울')
      await expect(second.locator('.claim-quote mark')).toHaveCount(0)
      await expect(second.locator('.match-info')).toContainText(
        `${ui.matchedIn}: ${ui.fields.note}, ${ui.fields.source}`,
      )
      await expect(second.locator('.claim-note-preview mark')).toHaveText('서울')
      await expect(second.locator('.match-snippet[data-field="source"] mark')).toHaveText('서울')
      // Cleared, the cards are plain again.
      await desk.getByRole('searchbox', { name: ui.search }).fill('')
      await expect(cards(desk)).toHaveCount(3)
      await expect(desk.locator('.claims-panel mark')).toHaveCount(0)
    })
  })
}

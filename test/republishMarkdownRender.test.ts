import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { afterEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { renderMarkdown } from '../src/core/republish/markdown'
import { gatherRepublishData } from '../src/core/republish/model'
import type { ReviewStore } from '../src/core/review/store'
import type { Claim } from '../src/shared/domain'
import { blockText } from '../src/shared/essay'
import { bundledEssay } from './helpers/essay'
import { claimOn, htmlDecode, openEssay } from './helpers/republish'
import { readDocument } from '../src/core/document/queries'

/** The Markdown exports as the renderers people use show them: markdown-it and micromark with GFM (GitHub's). */
const renderers: Record<string, (md: string) => string> = {
  'markdown-it + markdown-it-footnote': (md) => new MarkdownIt().use(footnote).render(md),
  'micromark + GFM': (md) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
}

let store: ReviewStore | undefined
afterEach(() => store?.close())

/** Bold runs of the essay as a reader should see them: adjacent bold runs joined, trimmed. */
function essayBoldRuns(s: ReviewStore): string[] {
  const runs: string[] = []
  for (const block of readDocument(s).blocks) {
    let current: string | null = null
    for (const inline of [...block.inlines, { text: '', bold: false }]) {
      if (inline.bold) current = (current ?? '') + inline.text
      else if (current !== null) {
        if (current.trim()) runs.push(current.trim())
        current = null
      }
    }
  }
  return runs
}

/** The rendered essay (before the footnotes) and the footnote items, in the order shown. */
function split(html: string): { body: string; footnotes: string[] } {
  const cut = html.search(/<hr class="footnotes-sep">|<section data-footnotes/)
  const body = cut < 0 ? html : html.slice(0, cut)
  const notes =
    cut < 0
      ? []
      : html
          .slice(cut)
          .split(/<li id="/)
          .slice(1)
  return { body, footnotes: notes.map(visible) }
}

const withoutRefs = (html: string): string => html.replace(/<sup[^>]*>[\s\S]*?<\/sup>/g, '')
const visible = (html: string): string => htmlDecode(html.replace(/<[^>]+>/g, ''))
const strongTexts = (body: string): string[] =>
  [...withoutRefs(body).matchAll(/<strong>([\s\S]*?)<\/strong>/g)].map((m) => visible(m[1]))
const refNumbers = (body: string): number[] =>
  [...body.matchAll(/<sup[^>]*>([\s\S]*?)<\/sup>/g)].map((m) => Number(visible(m[1]).replace(/\D/g, '')))

/** Every bold run in <strong>, no markup left over, and the text of every block on the page. */
function expectEssayShown(md: string, s: ReviewStore): void {
  for (const [name, render] of Object.entries(renderers)) {
    const { body } = split(render(md))
    expect(strongTexts(body), name).toEqual(essayBoldRuns(s))
    const text = visible(withoutRefs(body))
    expect(text, name).not.toContain('**')
    expect(text, name).not.toContain('\\')
    expect(text, name).not.toMatch(/&#\d+;/)
    for (const b of readDocument(s).blocks) expect(text, `${name}: ${blockText(b)}`).toContain(blockText(b))
  }
}

describe('Markdown exports in markdown-it and micromark + GFM', () => {
  it('the bundled essay: every bold run is bold in both exports, also where it ends in ) or ’ before Hangul', () => {
    store = openEssay(bundledEssay())
    const data = gatherRepublishData(store)
    expect(essayBoldRuns(store)).toEqual([
      '전략적 창의허브(Creative Hub)',
      'AI 기술 실험장, 교육장, 정책장(場)',
      '기술 중심의 진출이 아니라 ‘가치 중심의 동행’',
    ])
    expectEssayShown(renderMarkdown(data, false), store)
    expectEssayShown(renderMarkdown(data, true), store)
  })

  it('bold runs next to punctuation, escapes, symbols and emoji open and close', () => {
    store = openEssay(
      parseEssayMarkdown(
        [
          '# 제목의**(괄호)**는 굵게',
          '',
          '그는**“빠르다”**고 말했고 **별*표***이다. 앞**[참고]**뒤, 가**😀**나, word**(x)**word.',
          '',
          '**‘인용’**으로 시작하고 **…**만 있는 굵은 글과 **<b>**태그, 끝은 **굵게.**',
          '',
        ].join('\n'),
      ),
    )
    expect(essayBoldRuns(store)).toHaveLength(10)
    claimOn(store, '빠르다”고', { verdict: 'true' })
    claimOn(store, '별*표*', { verdict: 'false' })
    const data = gatherRepublishData(store)
    expectEssayShown(renderMarkdown(data, false), store)
    expectEssayShown(renderMarkdown(data, true), store)
  })

  it('a review with overlapping claims: bold stays bold and footnotes are numbered in reading order', () => {
    store = openEssay(bundledEssay())
    const s = store
    claimOn(
      s,
      '2025년 5월, 인공지능(AI) 역사에서 또 하나의 중요한 전환점이 기록되었다. 세계적으로 가장 강력한 생성형 AI 모델인 ‘챗GPT’를 만든 오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다. 이로써 한국은 미국에 이어 챗GPT 유료 가입자 수 2위를 기록하며, 글로벌 AI 거점 중 하나로 공식적으로 자리매김하게 되었다.',
      { verdict: 'true' },
    )
    claimOn(s, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'mostly-true' })
    claimOn(s, '서울에 지사를 설립했다고 발표한 것이다. 이로써 한국은', { verdict: 'undecidable' })
    claimOn(s, '이로써 한국은', { verdict: 'half-true' })
    claimOn(s, '챗GPT 유료 가입자 수 2위', { verdict: 'mostly-false', note: '통계 출처 불분명' })
    claimOn(s, '이 되다\n서울, 오픈AI', { verdict: 'half-true' })
    // Claims that start, end or lie inside a bold run, or cross its ends.
    claimOn(s, '이는 전략적', { verdict: 'false' })
    claimOn(s, '창의허브(Creative Hub)', { verdict: 'mostly-false' })
    claimOn(s, 'AI 기술 실험장', { verdict: 'true' })
    claimOn(s, '‘가치 중심의 동행’이다', { verdict: 'undecidable' })
    claimOn(s, '정책장(場)의 역할', { verdict: 'unrated' })
    const data = gatherRepublishData(s)
    expect(data.claims).toHaveLength(11)
    const annotated = renderMarkdown(data, true)
    expectEssayShown(renderMarkdown(data, false), s)
    expectEssayShown(annotated, s)

    // Reading order: a reference follows a claim's last word, so claims are read in the order they end.
    const reading = [...data.claims].sort((a, b) => a.end - b.end || a.start - b.start)
    const quote = (c: Claim): string => `“${c.exact.replace(/\s*\n\s*/g, ' ')}”`
    // The file itself numbers its references 1, 2, 3 … as they stand in the text.
    const labels = [...annotated.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]))
    expect(labels).toEqual(reading.map((_c, i) => i + 1))
    const ref = (words: string): number =>
      Number((new RegExp(`${words}((?:\\[\\^\\d+\\])+)`).exec(annotated) as RegExpExecArray)[1].match(/\d+/g)?.pop())
    expect(ref('이로써 한국은')).toBeLessThan(ref('2위'))
    expect(ref('2위')).toBeLessThan(ref('자리매김하게 되었다\\.'))
    for (const [name, render] of Object.entries(renderers)) {
      const { body, footnotes } = split(render(annotated))
      expect(refNumbers(body), name).toEqual(reading.map((_c, i) => i + 1))
      expect(footnotes, name).toHaveLength(reading.length)
      reading.forEach((c, i) => expect(footnotes[i], `${name}: footnote ${i + 1}`).toContain(quote(c)))
      expect(footnotes[reading.findIndex((c) => c.verdict === 'mostly-false' && c.note)], name).toContain(
        '통계 출처 불분명',
      )
    }
  })
})

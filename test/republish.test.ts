import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { exportRepublication } from '../src/core/republish'
import { escapeHtml, safeHref } from '../src/core/republish/escape'
import { renderHtml } from '../src/core/republish/html'
import { mdEscape, renderMarkdown } from '../src/core/republish/markdown'
import { gatherRepublishData, ratingValue, scaleOf } from '../src/core/republish/model'
import { blockViews } from '../src/core/republish/segments'
import { particleRo } from '../src/core/republish/words'
import type { ReviewStore } from '../src/core/review/store'
import { blockText, type Block } from '../src/shared/essay'
import { bundledEssay, smallEssay } from './helpers/essay'
import {
  applyCorrectionDirectly,
  claimOn,
  htmlBlockTexts,
  markdownBody,
  mdUnescape,
  openEssay,
  source,
} from './helpers/republish'
import { readDocument } from '../src/core/document/queries'

let store: ReviewStore
beforeEach(() => {
  store = openEssay(bundledEssay())
})
afterEach(() => store.close())

const markdown = (annotated = false): string => renderMarkdown(gatherRepublishData(store), annotated)
const html = (): string => renderHtml(gatherRepublishData(store))

/** Block kinds as a Markdown reader sees them: the lines under the title are paragraphs. */
const asMarkdownKind = (b: Block): string =>
  ['subtitle', 'affiliation', 'author'].includes(b.kind) ? 'paragraph' : b.kind
const plainBlocks = (blocks: Block[]) =>
  blocks.map((b) => ({
    kind: asMarkdownKind(b),
    inlines: b.inlines.map((r) => ({ text: mdUnescape(r.text), bold: r.bold === true })),
  }))

describe('Markdown and HTML without claims or corrections', () => {
  it('Markdown holds the essay block for block: the same texts, kinds and bold runs', () => {
    const md = markdown()
    expect(md).toMatch(/^# 서울, 오픈AI의 전략적 거점이 되다\n\n/)
    expect(md).not.toContain('---')
    const parsed = parseEssayMarkdown(md).blocks
    expect(plainBlocks(parsed)).toEqual(plainBlocks(readDocument(store).blocks))
    expect(md).toContain('1. 현지화된 챗GPT 개발 및 피드백 센터\n   - → 한국어')
    expect(md).toContain('**전략적 창의허브(Creative Hub)**')
    // Clean: no marks, no footnotes, no corrections section.
    expect(md).not.toMatch(/\[\^\d+\]|## (Corrections|정정)/)
  })

  it('annotated Markdown without claims is the clean Markdown', () => {
    expect(markdown(true)).toBe(markdown(false))
  })

  it('HTML holds the essay block for block', () => {
    const texts = htmlBlockTexts(html())
    const blocks = readDocument(store).blocks
    expect(texts.size).toBe(blocks.length)
    blocks.forEach((b, i) => expect(texts.get(i), `block ${i} (${b.kind})`).toBe(blockText(b)))
    expect(html()).not.toMatch(/<mark|class="factcheck"|class="corrections"/)
  })

  it('Markdown escapes markup so that text with *, _, #, 1. and <b> reads back exactly', () => {
    const tricky = parseEssayMarkdown(
      [
        '# 제목 <b>굵게</b>',
        '',
        '# 머리가 아닌 줄',
        '',
        '1. 목록이 아닌 줄',
        '',
        '*별표* _밑줄_ [링크](x) & ~취소~ | 표',
        '',
      ].join('\n'),
    )
    tricky.blocks[1] = { kind: 'paragraph', inlines: [{ text: '# 머리가 아닌 줄' }] }
    tricky.blocks[2] = { kind: 'paragraph', inlines: [{ text: '1. 목록이 아닌 줄' }] }
    store.close()
    store = openEssay(tricky)
    const md = markdown()
    expect(md).toContain('\\# 머리가 아닌 줄')
    expect(md).toContain('1\\. 목록이 아닌 줄')
    expect(md).toContain('\\<b\\>')
    const lines = md.trim().split('\n\n')
    expect(lines.map((l) => mdUnescape(l.replace(/^# /, '')))).toEqual(readDocument(store).blocks.map(blockText))
    expect(mdEscape('a*b')).toBe('a\\*b')
  })
})

describe('with corrections', () => {
  const X = '2025년 5월, 인공지능(AI) 역사에서'
  const Y = '2025년 5월 26일, 인공지능(AI) 역사에서'

  it('exactly the corrected span differs, and the corrections section lists it as newspapers do', () => {
    const before = markdown()
    const beforeHtml = htmlBlockTexts(html())
    const claim = claimOn(store, X, { verdict: 'mostly-true', note: '날짜가 빠졌다' })
    applyCorrectionDirectly(store, claim.id, Y, '발표일을 밝혔습니다.')
    const after = markdown()
    expect(markdownBody(after)).toBe(markdownBody(before).replace(X, Y))
    expect(after).toContain('## 정정\n\n- ')
    expect(after).toContain(
      '이 글의 이전 판에는 “2025년 5월, 인공지능(AI) 역사에서”라고 적혀 있었습니다. 이를 “2025년 5월 26일, 인공지능(AI) 역사에서”로 바로잡았습니다. 발표일을 밝혔습니다.',
    )
    // HTML: the same block changed, nothing else; the correction shows both wordings.
    const afterHtml = htmlBlockTexts(html())
    const changed = [...afterHtml.keys()].filter((i) => afterHtml.get(i) !== beforeHtml.get(i))
    expect(changed).toHaveLength(1)
    expect(afterHtml.get(changed[0])).toBe((beforeHtml.get(changed[0]) as string).replace(X, Y))
    expect(html()).toContain(`<del>${escapeHtml(X)}</del>`)
    expect(html()).toContain(`<ins>${escapeHtml(Y)}</ins>`)
    // The claim was checked in its original wording: the note says so, quoting both.
    expect(markdown(true)).toContain(`**판정: 대체로 사실** (확인 전) — “${X}” → 정정 후 “${Y}”`)
    expect(html()).toContain(`<span class="num">1.</span>${escapeHtml(X)}</blockquote>`)
  })

  it('prints corrections in English for an English essay', () => {
    store.close()
    store = openEssay(parseEssayMarkdown('---\ntitle: A test\nlanguage: en\n---\n\nThe bridge opened in 1999.\n'))
    const claim = claimOn(store, '1999', { verdict: 'false' })
    applyCorrectionDirectly(store, claim.id, '2001', 'The city’s records give 2001.')
    expect(markdown()).toContain('## Corrections\n\n- ')
    expect(markdown()).toContain(
      'An earlier version of this essay said “1999”. It has been corrected to “2001”. The city’s records give 2001.',
    )
    expect(markdown()).toContain('The bridge opened in 2001.')
  })

  it('chooses 로 or 으로 after the corrected wording', () => {
    expect(particleRo('사실')).toBe('로')
    expect(particleRo('서울')).toBe('로')
    expect(particleRo('26일')).toBe('로')
    expect(particleRo('거점')).toBe('으로')
    expect(particleRo('가나')).toBe('로')
    expect(particleRo('2001')).toBe('로')
    expect(particleRo('2000')).toBe('으로')
  })
})

describe('annotated exports', () => {
  function rate(): void {
    claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', {
      verdict: 'true',
      note: '오픈AI 보도자료로 확인.\n둘째 줄: "따옴표"와 *별표*',
      sources: [
        source('https://openai.com/index/openai-korea/', 'OpenAI 서울 지사', {
          publisher: '오픈AI',
          published: '2025-05-26',
          archiveUrl: 'https://web.archive.org/x',
        }),
      ],
    })
    claimOn(store, '챗GPT 유료 가입자 수 2위', {
      verdict: 'mostly-false',
      note: '통계 출처 불분명',
      sources: [source('https://example.com/stats?a=(1)', '')],
    })
    // Overlaps the first claim.
    claimOn(store, '서울에 지사를 설립했다고 발표한 것이다. 이로써 한국은', {
      verdict: 'undecidable',
      note: '겹치는 주장',
    })
    // Across two blocks (a heading and the paragraph after it).
    claimOn(store, '이 되다\n서울, 오픈AI', { verdict: 'half-true', note: '두 블록에 걸친 주장' })
  }

  it('Markdown: a footnote after each claim, with verdict, status, note and sources', () => {
    rate()
    const md = markdown(true)
    const claims = gatherRepublishData(store).claims
    expect(claims).toHaveLength(4)
    for (let n = 1; n <= claims.length; n++) {
      expect(md.match(new RegExp(`\\[\\^${n}\\](?!:)`, 'g')), `reference ${n}`).toHaveLength(1)
      expect(md).toMatch(new RegExp(`^\\[\\^${n}\\]: \\*\\*판정: `, 'm'))
    }
    expect(md).toContain('**판정: 사실** (확인 전)')
    expect(md).toContain('**판정: 대체로 사실 아님**')
    expect(md).toContain('**판정: 판단 유보**')
    expect(md).toContain('오픈AI 보도자료로 확인.  \n    둘째 줄: "따옴표"와 \\*별표\\*')
    expect(md).toContain(
      '[OpenAI 서울 지사](https://openai.com/index/openai-korea/) — 오픈AI, 2025-05-26 ([보관본](https://web.archive.org/x))',
    )
    expect(md).toContain('(https://example.com/stats?a=%281%29)')
    // The text itself is unchanged: remove the references and it is the clean export.
    expect(markdownBody(md).replace(/\[\^\d+\]/g, '')).toBe(markdownBody(markdown(false)))
  })

  it('HTML: marks by verdict, overlaps split into segments, an appendix entry per claim', () => {
    rate()
    const page = html()
    const data = gatherRepublishData(store)
    for (const [i, c] of data.claims.entries()) {
      const entry = new RegExp(
        `<li class="claim" id="claim-${i + 1}" data-verdict="${c.verdict}">([\\s\\S]*?)</li>\\n(?=<li class="claim"|</ol>)`,
      ).exec(page)
      expect(entry, `appendix entry ${i + 1}`).not.toBeNull()
      const body = (entry as RegExpExecArray)[1]
      expect(body).toContain(escapeHtml(c.note))
      expect(body).toContain(escapeHtml(c.exact))
      for (const s of c.sources) expect(body).toContain(`href="${safeHref(s.url)}"`)
    }
    const n = (verdict: string): number => data.claims.findIndex((c) => c.verdict === verdict) + 1
    const [t, u] = [n('true'), n('undecidable')]
    expect(page).toMatch(new RegExp(`<mark data-verdict="true" data-claims="${t}" `))
    expect(page).toMatch(new RegExp(`<mark data-verdict="undecidable" data-claims="${u}"`))
    // The overlap is coloured by the shorter claim and underlined.
    const [ct, cu] = [data.claims[t - 1], data.claims[u - 1]]
    const shorter = ct.end - ct.start <= cu.end - cu.start ? ct : cu
    expect(page).toMatch(
      new RegExp(`<mark data-verdict="${shorter.verdict}" data-claims="${t} ${u}" [^>]*class="overlap"`),
    )
    expect(page).toMatch(
      new RegExp(`<mark data-verdict="half-true" data-claims="${n('half-true')}"[^>]*>이 되다</mark></h1>`),
    )
    expect(page).toMatch(
      new RegExp(
        `<mark data-verdict="half-true" data-claims="${n('half-true')}"[^>]*>서울, 오픈AI</mark><a class="ref" href="#claim-${n('half-true')}" data-n="${n('half-true')}"`,
      ),
    )
    // Marks change nothing in the text.
    const texts = htmlBlockTexts(page)
    readDocument(store).blocks.forEach((b, i) => expect(texts.get(i)).toBe(blockText(b)))
  })

  it('segments: a claim opens once and closes once, even across blocks', () => {
    rate()
    const data = gatherRepublishData(store)
    const views = blockViews(data.doc.blocks, data.doc.text, data.claims)
    for (const c of data.claims) {
      const segs = views.flatMap((v) => v.segments)
      expect(segs.filter((s) => s.opens.includes(c.id))).toHaveLength(1)
      expect(segs.filter((s) => s.closes.includes(c.id))).toHaveLength(1)
      const covered = views
        .map((v) =>
          v.segments
            .filter((s) => s.claims.includes(c.id))
            .map((s) => s.text)
            .join(''),
        )
        .filter(Boolean)
      expect(covered.join('\n')).toBe(c.exact)
    }
  })
})

describe('the verdict scale', () => {
  it('rates higher for more true, 5 … 1, and leaves 판단 유보 off the scale', () => {
    const scale = scaleOf(store)
    expect(ratingValue(scale, 'true')).toBe(5)
    expect(ratingValue(scale, 'mostly-true')).toBe(4)
    expect(ratingValue(scale, 'half-true')).toBe(3)
    expect(ratingValue(scale, 'mostly-false')).toBe(2)
    expect(ratingValue(scale, 'false')).toBe(1)
    expect(ratingValue(scale, 'undecidable')).toBeUndefined()
    expect(ratingValue(scale, 'unrated')).toBeUndefined()
  })
})

describe('exportRepublication', () => {
  it('counts a claim not found in the essay where an export leaves it out', async () => {
    store.close()
    store = openEssay(smallEssay())
    claimOn(store, '첫 문장', { verdict: 'true' })
    const lost = claimOn(store, '둘째 문장', { verdict: 'false' })
    // As an import leaves a claim whose words are not in this essay.
    store.db.prepare(`UPDATE claim SET anchored = 0 WHERE id = ?`).run(lost.id)
    for (const format of ['html', 'markdown-annotated', 'docx'] as const) {
      expect((await exportRepublication(store, format)).counts, format).toMatchObject({ claims: 1, notFound: 1 })
    }
    // The spreadsheet carries it, so nothing is left out.
    expect((await exportRepublication(store, 'csv')).counts).toMatchObject({ claims: 2, notFound: 0 })
  })

  it('names files after the essay and counts what they hold', async () => {
    store.close()
    store = openEssay(smallEssay('작은 글: 시험/판'))
    const c = claimOn(store, '첫 문장은 참이다.', { verdict: 'true', sources: [source('https://example.com/a')] })
    applyCorrectionDirectly(store, c.id, '첫 문장은 참이었다.', '시제')
    const md = await exportRepublication(store, 'markdown-annotated')
    expect(md).toMatchObject({
      fileName: '작은 글 시험 판.factcheck.md',
      encoding: 'utf8',
      counts: { claims: 1, rated: 1, sources: 1, corrections: 1 },
    })
    const clean = await exportRepublication(store, 'markdown')
    expect(clean.counts).toEqual({ claims: 0, rated: 0, sources: 0, corrections: 1, notFound: 0 })
    expect((await exportRepublication(store, 'html')).mimeType).toBe('text/html')
  })
})

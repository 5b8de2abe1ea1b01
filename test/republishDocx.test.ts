import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderDocx } from '../src/core/republish/docx'
import type { Verdict } from '../src/shared/domain'
import { verdictLabels } from '../src/shared/verdicts'
import { gatherRepublishData } from '../src/core/republish/model'
import type { ReviewStore } from '../src/core/review/store'
import { blockText } from '../src/shared/essay'
import { bundledEssay } from './helpers/essay'
import { applyCorrectionDirectly, claimOn, htmlDecode, openEssay, source } from './helpers/republish'
import { readDocument } from '../src/core/document/queries'

let store: ReviewStore
beforeEach(() => {
  store = openEssay(bundledEssay())
})
afterEach(() => store.close())

async function docxParts(): Promise<Record<string, string>> {
  const zip = unzipSync(new Uint8Array(await renderDocx(gatherRepublishData(store))))
  return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

/** The document's text in reading order, paragraphs joined with "\n", with markers for comment ranges. */
function textWithRanges(documentXml: string): string {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'))
  let out = ''
  let firstParagraph = true
  for (const m of body.matchAll(
    /<w:p[ >]|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:commentRange(Start|End) w:id="(\d+)"\/>/g,
  )) {
    if (m[0].startsWith('<w:p')) {
      if (!firstParagraph) out += '\n'
      firstParagraph = false
    } else if (m[2]) out += m[2] === 'Start' ? `⟦${m[3]}` : `${m[3]}⟧`
    else out += htmlDecode(m[1])
  }
  return out
}

describe('DOCX with Word comments', () => {
  it('is an Office Open XML package with the essay, one comment per claim, anchored on the claim text', async () => {
    const claims = [
      claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', {
        verdict: 'true',
        note: '보도자료 확인 <원문> & "인용"\n둘째 줄',
        sources: [source('https://openai.com/index/openai-korea/', 'OpenAI 서울 지사')],
        author: '김검증',
      }),
      // Overlaps the first.
      claimOn(store, '서울에 지사를 설립했다고 발표한 것이다. 이로써 한국은', {
        verdict: 'mostly-false',
        note: '겹치는 주장',
        author: '박확인',
      }),
      // Inside a bold run and beyond it.
      claimOn(store, '전략적 창의허브(Creative Hub)**로서'.replace('**', ''), {
        verdict: 'half-true',
        note: '굵은 글씨에 걸침',
      }),
      // Across a heading and the paragraph after it.
      claimOn(store, "지사'\n2025년 5월", { verdict: 'false', note: '두 문단에 걸침' }),
    ]
    const parts = await docxParts()
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/comments.xml', '_rels/.rels']),
    )
    expect(parts['[Content_Types].xml']).toContain('/word/comments.xml')
    expect(parts['word/_rels/document.xml.rels']).toContain('comments.xml')

    const comments = [
      ...parts['word/comments.xml'].matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g),
    ]
    expect(comments).toHaveLength(claims.length)
    const data = gatherRepublishData(store)
    for (const [i, c] of data.claims.entries()) {
      const comment = comments.find((m) => m[1] === String(i))
      expect(comment, `comment ${i}`).toBeDefined()
      const xml = (comment as RegExpMatchArray)[0]
      expect(xml).toContain(`w:author="${c.author}"`)
      const paragraphs = xml
        .split('</w:p>')
        .map((p) => htmlDecode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')))
      for (const line of c.note.split('\n')) expect(paragraphs).toContain(line)
      expect(paragraphs[0]).toContain(`판정: ${verdictLabels.ko[c.verdict as Verdict]}`)
      for (const s of c.sources) expect(xml).toContain(s.title)
    }
    expect(parts['word/comments.xml']).toContain('판정: 사실')
    expect(parts['word/_rels/comments.xml.rels'] ?? '').toContain('https://openai.com/index/openai-korea/')

    // Each range holds exactly its claim's text; the document's text is the essay's.
    const text = textWithRanges(parts['word/document.xml'])
    for (const [i, c] of data.claims.entries()) {
      const inside = text.slice(text.indexOf(`⟦${i}`) + `⟦${i}`.length, text.indexOf(`${i}⟧`)).replace(/⟦\d+|\d+⟧/g, '')
      expect(inside, `range ${i}`).toBe(c.exact)
      expect(parts['word/document.xml']).toContain(`<w:commentReference w:id="${i}"/>`)
    }
    const plain = text.replace(/⟦\d+|\d+⟧/g, '')
    expect(plain).toBe(readDocument(store).blocks.map(blockText).join('\n'))
  })

  it('keeps bold runs, numbers the list and shows the corrected text with a corrections section', async () => {
    const c = claimOn(store, '2025년 5월, 인공지능(AI)', { verdict: 'mostly-true' })
    applyCorrectionDirectly(store, c.id, '2025년 5월 26일, 인공지능(AI)', '발표일')
    const parts = await docxParts()
    const doc = parts['word/document.xml']
    expect(doc).toMatch(/<w:b\/>[\s\S]{0,200}<w:t xml:space="preserve">전략적 창의허브\(Creative Hub\)<\/w:t>/)
    expect(doc).toContain('<w:numId ')
    expect(parts['word/numbering.xml']).toContain('w:val="decimal"')
    expect(textWithRanges(doc)).toContain('2025년 5월 26일, 인공지능(AI)')
    expect(doc).toContain('이 글의 이전 판에는 “2025년 5월, 인공지능(AI)”라고 적혀 있었습니다.')
  })
})

/**
 * The DOCX export as the software people open it in reads it: mammoth (HTML conversion), LibreOffice
 * headless (conversion to ODT, where headings are text:h with an outline level and comments are
 * office:annotation), and the parts Word reads for structure, language and comment threads.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { renderDocx } from '../src/core/republish/docx'
import { gatherRepublishData } from '../src/core/republish/model'
import type { ReviewStore } from '../src/core/review/store'
import { addReply } from '../src/core/thread/thread'
import { blockText } from '../src/shared/essay'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { applyCorrectionDirectly, claimOn, htmlDecode, openEssay } from './helpers/republish'
import { updateClaim } from '../src/core/claims/commands'
import { readDocument } from '../src/core/document/queries'

let store: ReviewStore
let dir: TempDir
beforeEach(() => {
  store = openEssay(bundledEssay())
  dir = tempDir('factdesk-docx-')
})
afterEach(() => {
  store.close()
  dir.remove()
})

const essayText = (s: ReviewStore): string => readDocument(s).blocks.map(blockText).join('\n')
const headings = (s: ReviewStore): string[] =>
  readDocument(s)
    .blocks.filter((b) => b.kind === 'heading')
    .map(blockText)

/** A review with a claim in the list, a checked claim with two replies, an open one and a correction. */
function reviewWithThreads(): { checked: string; open: string } {
  const checked = claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', {
    verdict: 'true',
    note: '보도자료 확인',
  })
  updateClaim(store, checked.id, { status: 'checked' }, '김검증')
  addReply(store, checked.id, '발표일도 확인했습니다.', '박확인')
  addReply(store, checked.id, '좋습니다.\n둘째 줄', '김검증')
  const open = claimOn(store, '현지화된 챗GPT 개발', { verdict: 'half-true', note: '목록 안' })
  const corrected = claimOn(store, '2025년 5월, 인공지능(AI)', { verdict: 'mostly-true' })
  applyCorrectionDirectly(store, corrected.id, '2025년 5월 26일, 인공지능(AI)', '발표일')
  return { checked: checked.id, open: open.id }
}

async function exportDocx(s: ReviewStore = store): Promise<Buffer> {
  return renderDocx(gatherRepublishData(s))
}

function parts(buffer: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(buffer))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  )
}

/** The text of an HTML fragment, one line per heading, paragraph or list item. */
function htmlLines(html: string): string[] {
  return html
    .replace(/<(h\d|p|li)(\s[^>]*)?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map(htmlDecode)
    .filter((line) => line !== '')
}

describe('DOCX read by mammoth', () => {
  it('finds the title as h1, the headings as h2, one numbered list with nested sub-items, and the essay’s text', async () => {
    reviewWithThreads()
    const { value: html } = await mammoth.convertToHtml({ buffer: await exportDocx() })
    expect([...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => htmlDecode(m[1]))).toEqual([readDocument(store).title])
    // The essay's headings, then the corrections heading.
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => htmlDecode(m[1]))).toEqual([...headings(store), '정정'])

    const items = readDocument(store)
      .blocks.filter((b) => b.kind === 'item')
      .map(blockText)
    const subitems = readDocument(store)
      .blocks.filter((b) => b.kind === 'subitem')
      .map(blockText)
    expect(items).toHaveLength(3)
    expect(html.match(/<ol>/g)).toHaveLength(1)
    const list = html.slice(html.indexOf('<ol>'), html.lastIndexOf('</ol>') + 5)
    const expected = items.map((item, i) => `<li>${item}<ul><li>${subitems[i]}</li></ul></li>`).join('')
    expect(htmlDecode(list)).toBe(`<ol>${expected}</ol>`)

    // The essay's text, then the corrections section (a heading and one notice).
    const lines = htmlLines(html)
    expect(lines.slice(0, -2).join('\n')).toBe(essayText(store))
    expect(lines.at(-1)).toContain('2025년 5월 26일, 인공지능(AI)')
  })
})

/** Runs LibreOffice headless in its own profile (others may run it at the same time). */
function soffice(args: string[], profile: string): void {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], {
    stdio: 'pipe',
    timeout: 120_000,
  })
}

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'pipe' }).status === 0

/** The body text of an ODT's content.xml: [element, outline level, text] per paragraph, comments left out. */
function odtParagraphs(content: string): { tag: string; level?: number; text: string }[] {
  const body = content
    .slice(content.indexOf('<office:text'))
    .replace(/<office:annotation(?:\s[^>]*)?>[\s\S]*?<\/office:annotation>/g, '')
    .replace(/<text:sequence-decls>[\s\S]*?<\/text:sequence-decls>/g, '')
  return [...body.matchAll(/<text:(h|p)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map((m) => {
    const level = /text:outline-level="(\d+)"/.exec(m[2])
    const text = (m[3] ?? '')
      .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:s\/>/g, ' ')
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, '')
    return { tag: m[1], level: level ? Number(level[1]) : undefined, text: htmlDecode(text) }
  })
}

// Skipped, saying why in its title, where LibreOffice is not installed.
describe(`DOCX read by LibreOffice (headless)${hasSoffice ? '' : ' — skipped: soffice is not installed'}`, () => {
  it.skipIf(!hasSoffice)(
    'finds the headings with their outline levels, the essay’s text and the comments, resolved for the checked claim',
    async () => {
      reviewWithThreads()
      const file = dir.file('essay.docx')
      writeFileSync(file, await exportDocx())
      soffice(['--convert-to', 'odt', '--outdir', dir.path, file], dir.file('profile'))
      const odt = parts(readFileSync(dir.file('essay.odt')))
      const paragraphs = odtParagraphs(odt['content.xml'])

      const found = paragraphs.filter((p) => p.tag === 'h')
      expect(found.map((p) => [p.level, p.text])).toEqual([
        [1, readDocument(store).title],
        ...headings(store).map((h) => [2, h]),
        [2, '정정'],
      ])
      expect(
        paragraphs
          .slice(0, -2)
          .map((p) => p.text)
          .join('\n'),
      ).toBe(essayText(store))

      // LibreOffice keeps both heading styles with the next paragraph and reads the language as Korean.
      for (const name of ['Heading_20_1', 'Heading_20_2']) {
        const style =
          new RegExp(`<style:style style:name="${name}"[\\s\\S]*?</style:style>`).exec(odt['styles.xml'])?.[0] ?? ''
        expect(style, name).toContain('fo:keep-with-next="always"')
      }
      expect(odt['styles.xml']).toContain('fo:language="ko" fo:country="KR"')
      expect(odt['styles.xml']).toContain('style:language-asian="ko" style:country-asian="KR"')

      // Three claims and two replies are five comments; the checked claim's thread (3) is resolved.
      const annotations = [...odt['content.xml'].matchAll(/<office:annotation(\s[^>]*)?>/g)].map((m) => m[1] ?? '')
      expect(annotations).toHaveLength(5)
      expect(annotations.filter((a) => a.includes('loext:resolved="true"'))).toHaveLength(3)
    },
  )
})

describe('DOCX parts Word reads', () => {
  it('declares Korean, keeps headings with the next paragraph and gives them outline levels', async () => {
    reviewWithThreads()
    const xml = parts(await exportDocx())
    expect(xml['word/styles.xml']).toMatch(
      /<w:docDefaults>[\s\S]*<w:lang w:val="ko-KR" w:eastAsia="ko-KR"\/>[\s\S]*<\/w:docDefaults>/,
    )
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
    ] as const) {
      const style =
        new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(
          xml['word/styles.xml'],
        )?.[0] ?? ''
      expect(style, id).toContain('<w:keepNext/>')
      expect(style, id).toContain(`<w:outlineLvl w:val="${level}"/>`)
    }
    const doc = xml['word/document.xml']
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1)
    // The essay's headings and the corrections heading.
    expect(doc.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(headings(store).length + 1)
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*<w:t[^>]*>정정<\/w:t>/)
  })

  it('declares English for an English essay', async () => {
    const english = openEssay(
      parseEssayMarkdown('---\nlanguage: en\n---\n\n# A title\n\n## A heading\n\nThe first sentence is true.\n'),
    )
    try {
      expect(parts(await exportDocx(english))['word/styles.xml']).toContain(
        '<w:lang w:val="en-US" w:eastAsia="ko-KR"/>',
      )
    } finally {
      english.close()
    }
  })

  it('writes replies as Word reply comments on the claim’s range and marks a checked claim’s thread done', async () => {
    const { checked, open } = reviewWithThreads()
    const data = gatherRepublishData(store)
    const xml = parts(await exportDocx())
    const comments = [
      ...xml['word/comments.xml'].matchAll(
        /<w:comment [^>]*w:id="(\d+)"[^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g,
      ),
    ]
    const paraIdOf = (id: string): string =>
      /w14:paraId="([0-9A-F]{8})"/.exec(comments.find((c) => c[1] === id)?.[3] ?? '')?.[1] ?? ''
    const checkedId = String(data.claims.findIndex((c) => c.id === checked))
    const openId = String(data.claims.findIndex((c) => c.id === open))
    // Claims are comments 0…n-1; the replies follow.
    const replies = comments.filter((c) => Number(c[1]) >= data.claims.length)
    expect(replies.map((c) => c[2]).sort()).toEqual(['김검증', '박확인'])
    expect(replies.find((c) => c[2] === '김검증')?.[3]).toMatch(/좋습니다\.[\s\S]*<\/w:p>[\s\S]*둘째 줄/)
    expect(replies.find((c) => c[2] === '박확인')?.[3]).toContain('발표일도 확인했습니다.')

    const ext = xml['word/commentsExtended.xml']
    expect(xml['[Content_Types].xml']).toContain('/word/commentsExtended.xml')
    expect(xml['word/_rels/document.xml.rels']).toContain('commentsExtended.xml')
    const entry = (id: string): string =>
      new RegExp(`<w15:commentEx w15:paraId="${paraIdOf(id)}"[^>]*/>`).exec(ext)?.[0] ?? ''
    expect(entry(checkedId)).toContain('w15:done="1"')
    expect(entry(checkedId)).not.toContain('paraIdParent')
    expect(entry(openId)).toContain('w15:done="0"')
    for (const r of replies) expect(entry(r[1])).toContain(`w15:paraIdParent="${paraIdOf(checkedId)}"`)

    // Each reply is anchored on the claim's words, as Word writes replies.
    const doc = xml['word/document.xml']
    for (const r of replies) {
      expect(doc).toContain(`<w:commentRangeStart w:id="${r[1]}"/>`)
      expect(doc).toContain(`<w:commentReference w:id="${r[1]}"/>`)
    }
  })

  it('marks a checked claim done when no claim has replies, and a claim whose words changed since is not done', async () => {
    const a = claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
    updateClaim(store, a.id, { status: 'checked' }, '김검증')
    claimOn(store, '현지화된 챗GPT 개발', { verdict: 'false' })
    const xml = parts(await exportDocx())
    const ext = xml['word/commentsExtended.xml']
    expect(ext).toBeDefined()
    expect(ext).not.toContain('paraIdParent')
    expect(ext.match(/w15:done="1"/g)).toHaveLength(1)
    expect(ext.match(/w15:done="0"/g)).toHaveLength(1)

    store.db.prepare(`UPDATE claim SET text_changed = 1 WHERE id = ?`).run(a.id)
    expect(gatherRepublishData(store).claims.find((c) => c.id === a.id)?.textChanged).toBe(true)
    expect(parts(await exportDocx())['word/commentsExtended.xml'] ?? '').not.toContain('w15:done="1"')
  })
})

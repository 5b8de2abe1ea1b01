import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEssay, parseEssayMarkdown, parseEssayText, parseInlines } from '../src/core/document/essayFormat'
import { readEssayFile } from '../src/core/document/essayFile'
import { blockText, essayText, type Block, type BlockKind } from '../src/shared/essay'
import { FactdeskError } from '../src/shared/errors'

const root = join(__dirname, '..')
const essayMd = readFileSync(join(root, 'resources/essays/seoul-openai.md'), 'utf8')
const seed = readFileSync(join(root, 'test/fixtures/seed-brunch.txt'), 'utf8')

/** The five section headings of the captured page (the only thing the rules cannot tell apart). */
const HEADINGS = [
  "서울에 들어선 '챗GPT의 지사'",
  'AI 소비를 넘어 창출로 – 한국이 가진 기술 기반의 힘',
  '‘국가를 위한 오픈AI’와 한국의 전략적 위치',
  'AI 시대, 서울은 어떤 역할을 하게 될까?',
  '맺음말: AI의 수도, 서울을 향하여',
]

interface Expected {
  kind: BlockKind
  text: string
  /** The line split at `**`: odd-indexed parts are bold. */
  parts: string[]
}

/** The captured page, by its rules: line 1 and everything from `keyword` on are chrome. */
function expectedFromSeed(): Expected[] {
  const lines = seed.replace(/\r\n?/g, '\n').split('\n')
  const end = lines.indexOf('keyword')
  expect(lines[0]).toBe('brunch')
  expect(end).toBeGreaterThan(0)
  const content = lines
    .slice(1, end)
    .map((l) => l.trim().normalize('NFC'))
    .filter((l) => l !== '')
  const front: BlockKind[] = ['title', 'subtitle', 'affiliation', 'author']
  return content.map((line, i) => {
    const text = line.replaceAll('**', '')
    let kind: BlockKind
    if (i < front.length) kind = front[i]
    else if (line.startsWith('→')) kind = 'subitem'
    else if (content[i + 1]?.startsWith('→')) kind = 'item'
    else if (HEADINGS.includes(text)) kind = 'heading'
    else kind = 'paragraph'
    return { kind, text, parts: line.split('**') }
  })
}

function boldSpans(blocks: Block[]): string[] {
  return blocks.flatMap((b) => b.inlines.filter((r) => r.bold).map((r) => r.text))
}

describe('the bundled essay matches the captured page', () => {
  const expected = expectedFromSeed()
  const { blocks, meta } = parseEssayMarkdown(essayMd)

  it('has exactly the same block texts, in order', () => {
    expect(blocks.map(blockText)).toEqual(expected.map((e) => e.text))
    for (const b of blocks) expect(blockText(b)).toBe(blockText(b).normalize('NFC'))
  })

  it('gives every block its kind', () => {
    expect(blocks.map((b) => b.kind)).toEqual(expected.map((e) => e.kind))
    const kinds = blocks.map((b) => b.kind)
    expect(kinds.slice(0, 4)).toEqual(['title', 'subtitle', 'affiliation', 'author'])
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(5)
    expect(kinds.filter((k) => k === 'item')).toHaveLength(3)
    kinds.forEach((k, i) => {
      if (k === 'item') {
        expect(kinds[i + 1]).toBe('subitem')
        expect(blockText(blocks[i + 1]).startsWith('→')).toBe(true)
      }
    })
    expect(kinds.filter((k) => k === 'subitem')).toHaveLength(3)
    expect(meta.language).toBe('ko')
  })

  it('puts bold runs exactly where the page had **', () => {
    blocks.forEach((b, i) => {
      const parts = expected[i].parts
      const want = parts.map((text, j) => (j % 2 === 1 ? { text, bold: true } : { text })).filter((r) => r.text !== '')
      expect(b.inlines).toEqual(want)
    })
    const spans = boldSpans(blocks)
    expect(spans.length).toBeGreaterThanOrEqual(2)
    expect(spans).toContain('전략적 창의허브(Creative Hub)')
    expect(spans).toEqual(expected.flatMap((e) => e.parts.filter((_, j) => j % 2 === 1)))
  })

  it('joins the blocks with "\\n" for the plain text', () => {
    const text = essayText(blocks)
    expect(text).toBe(expected.map((e) => e.text).join('\n'))
    expect(text.startsWith('서울, 오픈AI의 전략적 거점이 되다\n')).toBe(true)
    expect(text).not.toContain('**')
  })
})

describe('parsing', () => {
  it('reads a .txt file as one block per non-empty line, the first being the title', () => {
    const { blocks } = parseEssay('note.txt', '  제목  \n\n첫째 줄 **굵게**\n\n\n둘째 줄\n')
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'paragraph'])
    expect(blocks.map(blockText)).toEqual(['제목', '첫째 줄 굵게', '둘째 줄'])
    expect(blocks[1].inlines).toEqual([{ text: '첫째 줄 ' }, { text: '굵게', bold: true }])
    // A .txt is not Markdown: "## " stays text.
    expect(blockText(parseEssayText('t\n## 제목 아님').blocks[1])).toBe('## 제목 아님')
  })

  it('keeps an unbalanced ** as text', () => {
    expect(parseInlines('a **b')).toEqual([{ text: 'a **b' }])
    // A line starting with an unmatched ** (this used to throw a TypeError).
    expect(parseInlines('**시작만')).toEqual([{ text: '**시작만' }])
    expect(parseInlines('**a** b **c')).toEqual([{ text: '**a** b **c' }])
    expect(blockText(parseEssayMarkdown('# T\n\n**굵게 시작').blocks[1])).toBe('**굵게 시작')
    expect(parseInlines('x ** y ** z **')).toEqual([{ text: 'x ** y ** z **' }])
    expect(parseInlines('')).toEqual([{ text: '' }])
  })

  it('handles a BOM and CRLF line ends', () => {
    const md =
      '\uFEFF---\r\ntitle: 제목\r\nauthor: 기자\r\n---\r\n\r\n## 소제목\r\n\r\n본문 **강조**\r\n1. 항목\r\n   - → 설명\r\n'
    const { blocks, meta } = parseEssayMarkdown(md)
    expect(meta.title).toBe('제목')
    expect(blocks.map((b) => [b.kind, blockText(b)])).toEqual([
      ['title', '제목'],
      ['author', '기자'],
      ['heading', '소제목'],
      ['paragraph', '본문 강조'],
      ['item', '항목'],
      ['subitem', '→ 설명'],
    ])
    for (const b of blocks) expect(blockText(b)).not.toMatch(/[\r\uFEFF]/)
    expect(parseEssayText('\uFEFF제목\r\n본문\r').blocks.map(blockText)).toEqual(['제목', '본문'])
  })

  it('normalises to NFC', () => {
    const nfd = '한국'.normalize('NFD')
    expect(nfd).not.toBe('한국')
    expect(blockText(parseEssayMarkdown(`# ${nfd}`).blocks[0])).toBe('한국')
    expect(blockText(parseEssayText(nfd).blocks[0])).toBe('한국')
  })

  it('refuses an essay with no text', () => {
    for (const [name, src] of [
      ['empty.md', ''],
      ['blank.md', '\uFEFF \n\r\n  \n'],
      ['front.md', '---\nlanguage: ko\n---\n'],
      ['empty.txt', '\n\n'],
    ]) {
      let err: unknown
      try {
        parseEssay(name, src)
      } catch (e) {
        err = e
      }
      expect(err, name).toBeInstanceOf(FactdeskError)
      expect((err as FactdeskError).code).toBe('essay-empty')
    }
  })
})

describe('readEssayFile', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-essay-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn()
    } catch (e) {
      expect(e).toBeInstanceOf(FactdeskError)
      return (e as FactdeskError).code
    }
    return undefined
  }

  it('reads the bundled essay', () => {
    const parsed = readEssayFile(join(root, 'resources/essays/seoul-openai.md'))
    expect(parsed.blocks[0]).toEqual({ kind: 'title', inlines: [{ text: '서울, 오픈AI의 전략적 거점이 되다' }] })
  })

  it('refuses invalid UTF-8', () => {
    const path = join(dir, 'bad.md')
    // "한" in EUC-KR, then a lone continuation byte.
    writeFileSync(path, Buffer.from([0x23, 0x20, 0xc7, 0xd1, 0x80, 0x0a]))
    expect(codeOf(() => readEssayFile(path))).toBe('essay-not-utf8')
  })

  it('refuses other extensions, even with good text inside', () => {
    for (const name of ['essay.docx', 'essay.html', 'essay', 'essay.md.exe']) {
      const path = join(dir, name)
      writeFileSync(path, '# 제목\n\n본문\n')
      expect(
        codeOf(() => readEssayFile(path)),
        name,
      ).toBe('essay-wrong-type')
    }
    const txt = join(dir, 'ok.TXT')
    writeFileSync(txt, '제목\n본문\n')
    expect(readEssayFile(txt).blocks).toHaveLength(2)
  })

  it('reports a missing file as not-found', () => {
    expect(codeOf(() => readEssayFile(join(dir, 'missing.md')))).toBe('file-not-found')
  })
})

import type { Block, BlockKind, Inline } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'

/**
 * The essay file format: a small Markdown subset with a front matter for the parts a reader sees
 * above the text (title, subtitle, byline). Only what an essay needs: `## ` headings, paragraphs,
 * `**bold**`, numbered lists whose items may carry one indented `- ` explanation line.
 * A `.txt` file is read as one block per non-empty line, the first line being the title.
 */

const FRONT_MATTER_KINDS: Record<string, BlockKind> = {
  title: 'title',
  subtitle: 'subtitle',
  affiliation: 'affiliation',
  author: 'author',
}

export interface ParsedEssay {
  blocks: Block[]
  meta: Record<string, string>
}

export function parseInlines(line: string): Inline[] {
  const inlines: Inline[] = []
  const parts = line.split('**')
  // An unmatched ** is text, not an unterminated bold span.
  if (parts.length % 2 === 0) return [{ text: line }]
  parts.forEach((text, i) => {
    if (text !== '') inlines.push(i % 2 === 1 ? { text, bold: true } : { text })
  })
  if (inlines.length === 0) inlines.push({ text: '' })
  return inlines
}

function block(kind: BlockKind, line: string): Block {
  return { kind, inlines: parseInlines(line.normalize('NFC')) }
}

export function parseEssayMarkdown(source: string): ParsedEssay {
  const lines = stripBom(source).replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  const meta: Record<string, string> = {}
  let i = 0
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1)
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const m = /^([a-zA-Z_]+):\s*(.*)$/.exec(line)
        if (!m) continue
        const key = m[1].toLowerCase()
        const value = m[2].trim().normalize('NFC')
        meta[key] = value
        const kind = FRONT_MATTER_KINDS[key]
        if (kind && value) blocks.push({ kind, inlines: [{ text: value }] })
      }
      i = end + 1
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i]
    const trimmed = line.trim()
    if (trimmed === '') continue
    let m: RegExpExecArray | null
    if ((m = /^#\s+(.*)$/.exec(trimmed)) && !blocks.some((b) => b.kind === 'title')) {
      blocks.push(block('title', m[1]))
    } else if ((m = /^#{1,6}\s+(.*)$/.exec(trimmed))) {
      blocks.push(block('heading', m[1]))
    } else if ((m = /^\d+[.)]\s+(.*)$/.exec(line))) {
      blocks.push(block('item', m[1]))
    } else if ((m = /^\s+[-*]\s+(.*)$/.exec(line)) && isInList(blocks)) {
      blocks.push(block('subitem', m[1]))
    } else {
      blocks.push(block('paragraph', trimmed))
    }
  }
  return { blocks, meta }
}

function isInList(blocks: Block[]): boolean {
  const last = blocks[blocks.length - 1]
  return last?.kind === 'item' || last?.kind === 'subitem'
}

export function parseEssayText(source: string): ParsedEssay {
  const lines = stripBom(source)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const blocks = lines.map((line, i) => block(i === 0 ? 'title' : 'paragraph', line))
  return { blocks, meta: {} }
}

export function parseEssay(fileName: string, source: string): ParsedEssay {
  const parsed = /\.txt$/i.test(fileName) ? parseEssayText(source) : parseEssayMarkdown(source)
  if (!parsed.blocks.some((b) => b.inlines.some((r) => r.text.trim() !== ''))) {
    throw new FactdeskError('essay-empty', { file: fileName })
  }
  return parsed
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}

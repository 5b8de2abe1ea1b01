import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx'
import type { Claim } from '../../shared/domain'
import { xmlSafe } from './escape'
import { checkedWording, day, statusLabels, verdictLabel, type RepublishData } from './model'
import { blockViews, sections, type BlockView } from './segments'
import { correctionNotice, noticeText, wordsFor } from './words'

/**
 * The essay as a Word document with a real comment on each claim: the claim's text lies between
 * CommentRangeStart and CommentRangeEnd (followed by the CommentReference run), and the comment holds
 * its verdict, status, note and sources, written by the claim's author. Overlapping claims simply get
 * overlapping ranges, which Word and LibreOffice both allow; a claim over several paragraphs starts
 * in its first paragraph and ends in its last.
 */
const LIST = 'essay-list'
const SERIF = { ascii: 'Noto Serif', hAnsi: 'Noto Serif', eastAsia: 'Noto Serif CJK KR', cs: 'Noto Serif' }
const SANS = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans CJK KR', cs: 'Noto Sans' }

function runs(view: BlockView, num: Map<string, number>): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const seg of view.segments) {
    for (const id of seg.opens) out.push(new CommentRangeStart(num.get(id) as number))
    if (seg.text !== '') out.push(new TextRun({ text: xmlSafe(seg.text), bold: seg.bold || undefined }))
    for (const id of seg.closes) {
      const n = num.get(id) as number
      out.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }))
    }
  }
  return out
}

function body(data: RepublishData, num: Map<string, number>): Paragraph[] {
  const out: Paragraph[] = []
  let listInstance = 0
  for (const section of sections(blockViews(data.doc.blocks, data.doc.text, data.claims))) {
    if (section.kind === 'list') {
      listInstance++
      for (const { item, subitems } of section.items) {
        out.push(new Paragraph({ children: runs(item, num), numbering: { reference: LIST, level: 0, instance: listInstance } }))
        for (const s of subitems) out.push(new Paragraph({ children: runs(s, num), indent: { left: 720 } }))
      }
      continue
    }
    const { view } = section
    const children = runs(view, num)
    if (view.kind === 'title') out.push(new Paragraph({ children, heading: HeadingLevel.TITLE }))
    else if (view.kind === 'heading') out.push(new Paragraph({ children, heading: HeadingLevel.HEADING_1 }))
    else if (view.kind === 'subtitle') out.push(new Paragraph({ children, style: 'Subtitle' }))
    else if (view.kind === 'affiliation' || view.kind === 'author') {
      out.push(new Paragraph({ children, style: 'Byline', alignment: AlignmentType.LEFT }))
    } else out.push(new Paragraph({ children }))
  }
  return out
}

function link(text: string, url: string): ParagraphChild {
  if (!/^https?:\/\//i.test(url)) return new TextRun(xmlSafe(text || url))
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: xmlSafe(text || url), style: 'Hyperlink' })] })
}

function comment(data: RepublishData, c: Claim, id: number): ICommentOptions {
  const w = wordsFor(data.lang)
  const paragraphs = [
    new Paragraph({
      children: [
        new TextRun({ text: `${w.verdict}: ${xmlSafe(verdictLabel(data, c.verdict))}`, bold: true }),
        new TextRun(` (${statusLabels[data.lang][c.status]})`),
      ],
    }),
  ]
  // The verdict judged other words: never presented as checked without the label.
  if (c.textChanged) paragraphs.push(new Paragraph({ children: [new TextRun({ text: w.textChanged, bold: true })] }))
  const { quote, corrected } = checkedWording(data, c)
  if (corrected !== undefined) {
    paragraphs.push(new Paragraph({ children: [new TextRun(xmlSafe(`“${quote}” → ${w.correctedTo} “${corrected}”`))] }))
  }
  for (const line of c.note.trim() ? c.note.trim().split(/\r\n?|\n/) : []) {
    paragraphs.push(new Paragraph({ children: [new TextRun(xmlSafe(line))] }))
  }
  if (c.sources.length) {
    paragraphs.push(new Paragraph({ children: [new TextRun({ text: `${w.sources}:`, bold: true })] }))
    for (const s of c.sources) {
      const details = [s.publisher, s.published].filter((x) => x.trim() !== '').join(', ')
      const children: ParagraphChild[] = [new TextRun('• '), link(s.title.trim(), s.url)]
      if (s.title.trim()) children.push(new TextRun(` <${xmlSafe(s.url)}>`))
      if (details) children.push(new TextRun(` — ${xmlSafe(details)}`))
      paragraphs.push(new Paragraph({ children }))
    }
  }
  const author = xmlSafe(c.author || 'Factdesk')
  const initials = [...author.split(/\s+/).filter(Boolean)].map((p) => [...p][0]).join('').slice(0, 3)
  return { id, author, initials, date: new Date(c.modified), children: paragraphs }
}

function corrections(data: RepublishData): Paragraph[] {
  if (data.corrections.length === 0) return []
  const w = wordsFor(data.lang)
  return [
    new Paragraph({ text: w.corrections, heading: HeadingLevel.HEADING_1 }),
    ...data.corrections.map(
      (k) =>
        new Paragraph({
          children: [new TextRun(`${day(k.applied)}: ${xmlSafe(noticeText(correctionNotice(data.lang, k.original, k.replacement, k.explanation)))}`)],
        }),
    ),
  ]
}

export async function renderDocx(data: RepublishData): Promise<Buffer> {
  const num = new Map(data.claims.map((c, i) => [c.id, i]))
  const doc = new Document({
    creator: xmlSafe(data.settings.organisationName || 'Factdesk'),
    title: xmlSafe(data.doc.title),
    description: 'Exported by Factdesk',
    comments: { children: data.claims.map((c, i) => comment(data, c, i)) },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 22 }, paragraph: { spacing: { after: 160, line: 360 } } },
        title: { run: { font: SANS, size: 44, bold: true } },
        heading1: { run: { font: SANS, size: 30, bold: true }, paragraph: { spacing: { before: 360, after: 160 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 28, color: '3D4550' } },
        { id: 'Byline', name: 'Byline', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 20, color: '5B6470' }, paragraph: { spacing: { after: 40 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [{ children: [...body(data, num), ...corrections(data)] }],
  })
  return Packer.toBuffer(doc)
}

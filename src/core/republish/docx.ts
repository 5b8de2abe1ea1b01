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
import { claimMarker, replyMarker, WORD_EXPORT_PROPERTY, WORD_REVIEW_PROPERTY } from '../../shared/wordReview'
import { checkedWording, day, statusLabels, verdictLabel, type RepublishData } from './model'
import { blockViews, sections, type BlockView } from './segments'
import { correctionNotice, noticeText, wordsFor } from './words'

/**
 * The essay as a Word document with a real comment on each claim: the claim's text lies between
 * CommentRangeStart and CommentRangeEnd (followed by the CommentReference run), and the comment holds
 * its verdict, status, note and sources, written by the claim's author. Overlapping claims simply get
 * overlapping ranges, which Word and LibreOffice both allow; a claim over several paragraphs starts
 * in its first paragraph and ends in its last.
 *
 * Structure that other software reads: the title is Heading 1 and the essay's headings Heading 2 (the
 * built-in styles, with outline levels, so LibreOffice and mammoth see headings, not big bold text),
 * headings keep with the next paragraph, a list's items and sub-items are levels 0 and 1 of one
 * numbering (mammoth and Word see one list), and the default run properties carry the language.
 * A claim's replies are Word reply comments on the same range (commentsExtended's paraIdParent), and
 * the thread of a checked claim is marked done (w15:done), as Word's "Resolve" does.
 */
const LIST = 'essay-list'
const SERIF = { ascii: 'Noto Serif', hAnsi: 'Noto Serif', eastAsia: 'Noto Serif CJK KR', cs: 'Noto Serif' }
const SANS = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans CJK KR', cs: 'Noto Sans' }

/** Comment ids per claim: the claim's own comment first, then one per reply (Word anchors each reply too). */
type CommentIds = Map<string, number[]>

function runs(view: BlockView, num: CommentIds): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const seg of view.segments) {
    for (const id of seg.opens) for (const n of num.get(id) ?? []) out.push(new CommentRangeStart(n))
    if (seg.text !== '') out.push(new TextRun({ text: xmlSafe(seg.text), bold: seg.bold || undefined }))
    for (const id of seg.closes) {
      for (const n of num.get(id) ?? [])
        out.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }))
    }
  }
  return out
}

function body(data: RepublishData, num: CommentIds): Paragraph[] {
  const out: Paragraph[] = []
  let listInstance = 0
  for (const section of sections(blockViews(data.doc.blocks, data.doc.text, data.claims))) {
    if (section.kind === 'list') {
      listInstance++
      for (const { item, subitems } of section.items) {
        out.push(
          new Paragraph({
            children: runs(item, num),
            numbering: { reference: LIST, level: 0, instance: listInstance },
          }),
        )
        for (const s of subitems)
          out.push(
            new Paragraph({ children: runs(s, num), numbering: { reference: LIST, level: 1, instance: listInstance } }),
          )
      }
      continue
    }
    const { view } = section
    const children = runs(view, num)
    if (view.kind === 'title') out.push(new Paragraph({ children, heading: HeadingLevel.HEADING_1 }))
    else if (view.kind === 'heading') out.push(new Paragraph({ children, heading: HeadingLevel.HEADING_2 }))
    else if (view.kind === 'subtitle') out.push(new Paragraph({ children, style: 'Subtitle' }))
    else if (view.kind === 'affiliation' || view.kind === 'author') {
      out.push(new Paragraph({ children, style: 'Byline', alignment: AlignmentType.LEFT }))
    } else out.push(new Paragraph({ children }))
  }
  return out
}

function link(text: string, url: string): ParagraphChild {
  if (!/^https?:\/\//i.test(url)) return new TextRun(xmlSafe(text || url))
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text: xmlSafe(text || url), style: 'Hyperlink' })],
  })
}

function initialsOf(author: string): string {
  return [...author.split(/\s+/).filter(Boolean)]
    .map((p) => [...p][0])
    .join('')
    .slice(0, 3)
}

/** Done in Word's sense: checked, and not awaiting re-confirmation after its words changed. */
const isDone = (c: Claim): boolean => c.status === 'checked' && !c.textChanged

/**
 * For review (docs/word-round-trip.md): each comment's initials carry its claim's or reply's marker,
 * which Word and LibreOffice keep, so the reviewed document's comments find their claims again.
 */
export interface ForReview {
  reviewId: string
}

function comment(data: RepublishData, c: Claim, id: number, review?: ForReview): ICommentOptions {
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
  const initials = review ? claimMarker(c.id) : initialsOf(author)
  return { id, author, initials, date: new Date(c.modified), children: paragraphs, resolved: isDone(c) }
}

/**
 * Every comment: claim i is comment i (its number in the export minus one), then each claim's replies,
 * oldest first, as replies to it. `ids` receives each claim's comment ids for the ranges in the text.
 */
function allComments(data: RepublishData, ids: CommentIds, review?: ForReview): ICommentOptions[] {
  const out = data.claims.map((c, i) => comment(data, c, i, review))
  data.claims.forEach((c, i) => ids.set(c.id, [i]))
  for (const [i, c] of data.claims.entries()) {
    for (const r of c.replies) {
      const id = out.length
      ids.get(c.id)?.push(id)
      const author = xmlSafe(r.author || 'Factdesk')
      const children = (r.body.trim() ? r.body.trim().split(/\r\n?|\n/) : ['']).map(
        (line) => new Paragraph({ children: [new TextRun(xmlSafe(line))] }),
      )
      const initials = review ? replyMarker(r.id) : initialsOf(author)
      out.push({ id, author, initials, date: new Date(r.created), children, parentId: i, resolved: isDone(c) })
    }
  }
  // The docx package writes commentsExtended (where w15:done lives) only when some comment has a
  // parent. With no reply in the export, a parent id that names no comment turns that part on: the
  // package then writes no w15:paraIdParent for it, so the comment stays a top-level one.
  // A copy for review always has it, so every comment carries the paragraph id a reviewer's reply or
  // Resolve refers to.
  if (out.length > 0 && out.every((o) => o.parentId === undefined) && (review || out.some((o) => o.resolved)))
    out[0] = { ...out[0], parentId: -1 }
  return out
}

function corrections(data: RepublishData): Paragraph[] {
  if (data.corrections.length === 0) return []
  const w = wordsFor(data.lang)
  return [
    new Paragraph({ text: w.corrections, heading: HeadingLevel.HEADING_2 }),
    ...data.corrections.map(
      (k) =>
        new Paragraph({
          children: [
            new TextRun(
              `${day(k.applied)}: ${xmlSafe(noticeText(correctionNotice(data.lang, k.original, k.replacement, k.explanation)))}`,
            ),
          ],
        }),
    ),
  ]
}

export async function renderDocx(data: RepublishData, review?: ForReview): Promise<Buffer> {
  const num: CommentIds = new Map()
  const comments = allComments(data, num, review)
  // Hangul is always Korean; the rest of the text is in the essay's language.
  const language = { value: data.lang === 'ko' ? 'ko-KR' : 'en-US', eastAsia: 'ko-KR' }
  // Outline levels make the headings headings for LibreOffice and navigation panes; keep-with-next
  // stops a heading (the corrections heading included) from being left alone at a page foot.
  const heading = { keepNext: true, keepLines: true }
  const doc = new Document({
    creator: xmlSafe(data.settings.organisationName || 'Factdesk'),
    title: xmlSafe(data.doc.title),
    description: review ? 'Exported by Factdesk for review' : 'Exported by Factdesk',
    // The review it came from: its import knows its own export (src/core/exchange/word/wordImport.ts).
    ...(review
      ? {
          customProperties: [
            { name: WORD_REVIEW_PROPERTY, value: review.reviewId },
            { name: WORD_EXPORT_PROPERTY, value: 'for-review' },
          ],
        }
      : {}),
    comments: { children: comments },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 22, language }, paragraph: { spacing: { after: 160, line: 360 } } },
        heading1: {
          run: { font: SANS, size: 44, bold: true },
          paragraph: { ...heading, outlineLevel: 0, spacing: { after: 200 } },
        },
        heading2: {
          run: { font: SANS, size: 30, bold: true },
          paragraph: { ...heading, outlineLevel: 1, spacing: { before: 360, after: 160 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: SANS, size: 28, color: '3D4550' },
        },
        {
          id: 'Byline',
          name: 'Byline',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: SANS, size: 20, color: '5B6470' },
          paragraph: { spacing: { after: 40 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
            // Sub-items are the essay's "-" lines under an item: a bullet one level in.
            {
              level: 1,
              format: LevelFormat.BULLET,
              text: '\u2013',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1440, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    // For review the document is the essay only, so its text is the essay's text.
    sections: [{ children: [...body(data, num), ...(review ? [] : corrections(data))] }],
  })
  return Packer.toBuffer(doc)
}

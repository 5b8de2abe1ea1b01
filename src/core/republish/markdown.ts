import type { Claim, Source } from '../../shared/domain'
import { checkedWording, day, statusLabels, verdictLabel, type RepublishData } from './model'
import { blockViews, sections, type BlockView } from './segments'
import { correctionNotice, wordsFor } from './words'

/**
 * The essay as Markdown. Clean: the text exactly as in the review (corrections applied), headings,
 * bold and the numbered list, no marks. Annotated: a footnote reference after each claim, the
 * footnote carrying its verdict, status, note and sources. Both end with the corrections, worded as
 * newspapers print them.
 */

/** Backslash-escapes what Markdown would read as markup, so the text shows exactly as written. */
export function mdEscape(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>&~|]/g, (ch) => '\\' + ch)
  // At the start of a line: headings, quotes, list markers, setext underlines.
  return inline.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/gm, (_m, space: string, mark: string) =>
    /^\d+$/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  )
}

/** A link target: an http(s) URL with the characters Markdown would end it at percent-encoded. */
export function mdUrl(url: string): string {
  let href: string
  try {
    href = new URL(url).href
  } catch {
    return ''
  }
  return href.replace(/[()<>\s]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

function mdLink(text: string, url: string): string {
  const href = /^https?:/i.test(url) ? mdUrl(url) : ''
  return href ? `[${mdEscape(text || url)}](${href})` : mdEscape(text || url)
}

function bold(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray
  return m[2] ? `${m[1]}**${mdEscape(m[2])}**${m[3]}` : text
}

function inlineText(view: BlockView, refs: Map<string, number> | null): string {
  let out = ''
  for (const seg of view.segments) {
    out += seg.bold ? bold(seg.text) : mdEscape(seg.text)
    if (refs) for (const id of seg.closes) out += `[^${refs.get(id)}]`
  }
  return out
}

function body(data: RepublishData, annotated: boolean): string[] {
  const refs = annotated ? new Map(data.claims.map((c, i) => [c.id, i + 1])) : null
  const spans = annotated ? data.claims : []
  const out: string[] = []
  for (const section of sections(blockViews(data.doc.blocks, data.doc.text, spans))) {
    if (section.kind === 'list') {
      out.push(
        section.items
          .map(({ item, subitems }, i) => {
            const marker = `${i + 1}. `
            const indent = ' '.repeat(marker.length)
            return [marker + inlineText(item, refs), ...subitems.map((s) => `${indent}- ${inlineText(s, refs)}`)].join('\n')
          })
          .join('\n'),
      )
      continue
    }
    const { view } = section
    const text = inlineText(view, refs)
    if (text === '') continue
    if (view.kind === 'title') out.push(`# ${text}`)
    else if (view.kind === 'heading') out.push(`## ${text}`)
    else out.push(text)
  }
  return out
}

function sourceLine(data: RepublishData, s: Source): string {
  const w = wordsFor(data.lang)
  const details = [s.publisher, s.published].filter((x) => x.trim() !== '').map(mdEscape)
  let line = mdLink(s.title.trim(), s.url)
  if (details.length) line += ` — ${details.join(', ')}`
  if (s.archiveUrl) line += ` (${mdLink(w.archived, s.archiveUrl)})`
  return line
}

/** Lines of a footnote after the first are indented four spaces, so they stay in the footnote. */
function footnote(data: RepublishData, claim: Claim, n: number): string {
  const w = wordsFor(data.lang)
  const { quote, corrected } = checkedWording(data, claim)
  const oneLine = (s: string): string => mdEscape(s.replace(/\s*\n\s*/g, ' '))
  let head = `**${mdEscape(w.verdict)}: ${mdEscape(verdictLabel(data, claim.verdict))}** (${mdEscape(statusLabels[data.lang][claim.status])}) — “${oneLine(quote)}”`
  if (corrected !== undefined) head += ` → ${mdEscape(w.correctedTo)} “${oneLine(corrected)}”`
  const parts = [head]
  // The verdict judged other words: never presented as checked without the label.
  if (claim.textChanged) parts.push(`**${mdEscape(w.textChanged)}**`)
  const note = claim.note.trim()
  if (note) parts.push(note.split(/\r\n?|\n/).map((line) => mdEscape(line)).join('  \n'))
  if (claim.sources.length) {
    parts.push(`${mdEscape(w.sources)}:\n` + claim.sources.map((s) => `- ${sourceLine(data, s)}`).join('\n'))
  }
  const text = parts.join('\n\n')
  return `[^${n}]: ` + text.split('\n').map((line, i) => (i === 0 || line === '' ? line : '    ' + line)).join('\n')
}

export function correctionsSection(data: RepublishData): string[] {
  if (data.corrections.length === 0) return []
  const w = wordsFor(data.lang)
  const items = data.corrections.map((k) => {
    const n = correctionNotice(data.lang, k.original, k.replacement, k.explanation)
    const quote = (s: string): string => mdEscape(s.replace(/\s*\n\s*/g, ' '))
    return `- ${day(k.applied)}: ${mdEscape(n.before)}${quote(n.original)}${mdEscape(n.middle)}${quote(n.replacement)}${mdEscape(n.after)}`
  })
  return [`## ${w.corrections}`, items.join('\n')]
}

export function renderMarkdown(data: RepublishData, annotated: boolean): string {
  const blocks = [...body(data, annotated), ...correctionsSection(data)]
  if (annotated && data.claims.length) {
    blocks.push(data.claims.map((c, i) => footnote(data, c, i + 1)).join('\n\n'))
  }
  return blocks.join('\n\n') + '\n'
}

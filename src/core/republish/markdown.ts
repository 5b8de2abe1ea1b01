import type { Claim, Source } from '../../shared/domain'
import { checkedWording, day, statusLabels, verdictLabel, type RepublishData } from './model'
import { blockViews, sections, type BlockView, type Segment } from './segments'
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

/** CommonMark's "punctuation" for flanking: Unicode P and S, as markdown-it (14+) and micromark both read it. */
const PUNCT = /^[\p{P}\p{S}]$/u
const SPACE = /^\s$/u
const OPEN = 0
const CLOSE = 1
type Piece = string | typeof OPEN | typeof CLOSE

const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0) as number)
const lastChar = (s: string): string => [...s.slice(-2)].pop() as string
const charRef = (ch: string): string => `&#${ch.codePointAt(0) as number};`
/** A letter-like neighbour: what makes a `**` next to punctuation fail CommonMark's flanking rules. */
const isWordChar = (ch: string | undefined): ch is string => ch !== undefined && !SPACE.test(ch) && !PUNCT.test(ch)

/**
 * Joins text and bold delimiters so every `**` opens or closes under CommonMark's flanking rules.
 * Those rules treat Hangul like Latin letters: `**(Hub)**로` cannot close, as the `**` has punctuation
 * before it and a letter after it (and `한**“인용”**` cannot open). The letter outside the delimiter is
 * then written as a numeric character reference (`&#47196;` for 로): its `&` / `;` is punctuation, so
 * the delimiter flanks, and every renderer shows the same letter — the text and the bold run stay
 * exactly as written, in plain Markdown.
 */
function joinPieces(pieces: Piece[]): string {
  let out = ''
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]
    if (typeof piece === 'string') {
      out += piece
      continue
    }
    const next =
      typeof pieces[k + 1] === 'string' && pieces[k + 1] !== '' ? firstChar(pieces[k + 1] as string) : undefined
    const prev = out === '' ? undefined : lastChar(out)
    if (piece === OPEN && next !== undefined && PUNCT.test(next) && isWordChar(prev)) {
      out = out.slice(0, out.length - prev.length) + charRef(prev)
    } else if (piece === CLOSE && prev !== undefined && PUNCT.test(prev) && isWordChar(next)) {
      pieces[k + 1] = charRef(next) + (pieces[k + 1] as string).slice(next.length)
    }
    out += '**'
  }
  return out
}

function inlineText(view: BlockView, refs: Map<string, number> | null): string {
  const refsAfter = (seg: Segment): string => (refs ? seg.closes.map((id) => `[^${refs.get(id)}]`).join('') : '')
  const pieces: Piece[] = []
  const segs = view.segments
  for (let i = 0; i < segs.length;) {
    let j = i
    while (j < segs.length && segs[j].bold === segs[i].bold) j++
    const run = segs.slice(i, j)
    if (!segs[i].bold) {
      for (const seg of run) pieces.push(mdEscape(seg.text) + refsAfter(seg))
    } else {
      // One **…** per bold run, even where claims cut it; the references of the claims that end with
      // the run stand after its closing delimiter, and white space at either end stays outside.
      const last = run[run.length - 1]
      const inner = run.map((seg) => mdEscape(seg.text) + (seg === last ? '' : refsAfter(seg))).join('')
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) as RegExpExecArray
      if (m[2]) pieces.push(m[1], OPEN, m[2], CLOSE, m[3] + refsAfter(last))
      else pieces.push(inner + refsAfter(last))
    }
    i = j
  }
  return joinPieces(pieces.filter((p) => p !== ''))
}

/**
 * Footnote numbers in reading order: the order their references stand in the text (a reference follows
 * the claim's last word, so a long claim is numbered after the short ones that end inside it).
 */
function referenceNumbers(views: BlockView[], claims: readonly Claim[]): Map<string, number> {
  const refs = new Map<string, number>()
  for (const seg of views.flatMap((v) => v.segments))
    for (const id of seg.closes) if (!refs.has(id)) refs.set(id, refs.size + 1)
  for (const c of claims) if (!refs.has(c.id)) refs.set(c.id, refs.size + 1)
  return refs
}

function body(views: BlockView[], refs: Map<string, number> | null): string[] {
  const out: string[] = []
  for (const section of sections(views)) {
    if (section.kind === 'list') {
      out.push(
        section.items
          .map(({ item, subitems }, i) => {
            const marker = `${i + 1}. `
            const indent = ' '.repeat(marker.length)
            return [marker + inlineText(item, refs), ...subitems.map((s) => `${indent}- ${inlineText(s, refs)}`)].join(
              '\n',
            )
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
  if (note)
    parts.push(
      note
        .split(/\r\n?|\n/)
        .map((line) => mdEscape(line))
        .join('  \n'),
    )
  if (claim.sources.length) {
    parts.push(`${mdEscape(w.sources)}:\n` + claim.sources.map((s) => `- ${sourceLine(data, s)}`).join('\n'))
  }
  const text = parts.join('\n\n')
  return (
    `[^${n}]: ` +
    text
      .split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : '    ' + line))
      .join('\n')
  )
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
  const views = blockViews(data.doc.blocks, data.doc.text, annotated ? data.claims : [])
  const refs = annotated ? referenceNumbers(views, data.claims) : null
  const blocks = [...body(views, refs), ...correctionsSection(data)]
  if (refs && data.claims.length) {
    const inOrder = [...data.claims].sort((a, b) => (refs.get(a.id) as number) - (refs.get(b.id) as number))
    blocks.push(inOrder.map((c) => footnote(data, c, refs.get(c.id) as number)).join('\n\n'))
  }
  return blocks.join('\n\n') + '\n'
}

import type { Claim, Source } from '../../shared/domain'
import { escapeHtml as e, safeHref } from './escape'
import { PAGE_CSS } from './htmlStyle'
import { checkedWording, day, isRated, statusLabels, verdictLabel, type RepublishData } from './model'
import { blockViews, sections, type BlockView, type Segment } from './segments'
import { correctionNotice, wordsFor } from './words'

/**
 * One standalone, printable HTML file: the essay with each claim highlighted in its verdict's colour,
 * a fact-check appendix, the corrections. It loads nothing and runs nothing: inline CSS only, no
 * script, a Content-Security-Policy that forbids everything else, links only to http(s) addresses.
 * Every user text passes through the one escape function.
 */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** The claim a stretch is coloured by: the shortest one covering it (the most specific). */
function colourClaim(seg: Segment, byId: Map<string, Claim>): Claim {
  return seg.claims
    .map((id) => byId.get(id) as Claim)
    .reduce((best, c) => (c.end - c.start < best.end - best.start ? c : best))
}

/**
 * A footnote marker draws its number with CSS generated content (`::after { content: attr(data-n) }`):
 * the number is on the page but not in the DOM's text, so the essay's words stay contiguous and every
 * exported W3C selector (which counts the essay's text only) anchors on the page.
 */
function marker(n: number, label: string): string {
  return `<a class="ref" href="#claim-${n}" data-n="${n}" aria-label="${e(label)}"></a>`
}

function inline(data: RepublishData, view: BlockView, byId: Map<string, Claim>, num: Map<string, number>): string {
  let out = ''
  for (const seg of view.segments) {
    let text = e(seg.text)
    if (seg.bold) text = `<strong>${text}</strong>`
    if (seg.claims.length > 0 && seg.text !== '') {
      const c = colourClaim(seg, byId)
      const title = seg.claims
        .map((id) => `${num.get(id)}: ${verdictLabel(data, (byId.get(id) as Claim).verdict)}`)
        .join('; ')
      const cls = seg.claims.length > 1 ? ' class="overlap"' : ''
      text = `<mark data-verdict="${e(c.verdict)}" data-claims="${e(seg.claims.map((id) => num.get(id)).join(' '))}" title="${e(title)}"${cls}>${text}</mark>`
    }
    out += text
    for (const id of seg.closes) out += marker(num.get(id) as number, `${wordsFor(data.lang).claim} ${num.get(id)}`)
  }
  return out
}

/**
 * The essay, whose DOM text is exactly the essay's plain text (src/shared/text.ts): each leaf block's
 * text, blocks separated by one "\n" text node and no other white space between elements, so the
 * selectors' positions, prefixes and suffixes count the same characters the page holds.
 */
function essay(data: RepublishData): string {
  const byId = new Map(data.claims.map((c) => [c.id, c]))
  const num = new Map(data.claims.map((c, i) => [c.id, i + 1]))
  const text = (view: BlockView): string => inline(data, view, byId, num)
  const views = blockViews(data.doc.blocks, data.doc.text, data.claims)
  /** Each block's element says which block it shows (its index in the essay). */
  const at = (view: BlockView): string => `data-block="${views.indexOf(view)}"`
  const isHead = (v: BlockView): boolean => ['title', 'subtitle', 'affiliation', 'author'].includes(v.kind)
  const isByline = (v: BlockView): boolean => v.kind === 'affiliation' || v.kind === 'author'
  // Leading title, subtitle and byline blocks form the header, in the essay's order.
  const all = sections(views)
  let headEnd = 0
  while (headEnd < all.length && all[headEnd].kind === 'block' && isHead((all[headEnd] as { view: BlockView }).view))
    headEnd++
  const head: string[] = []
  for (let i = 0; i < headEnd; i++) {
    const { view } = all[i] as { view: BlockView }
    if (isByline(view)) {
      const line = `<span class="${view.kind}" ${at(view)}>${text(view)}</span>`
      const prev = all[i - 1] as { view: BlockView } | undefined
      if (prev && isByline(prev.view))
        head[head.length - 1] = head[head.length - 1].replace(/<\/p>$/, `<br>\n${line}</p>`)
      else head.push(`<p class="byline">${line}</p>`)
    } else if (view.kind === 'title') head.push(`<h1 ${at(view)}>${text(view)}</h1>`)
    else head.push(`<p class="subtitle" ${at(view)}>${text(view)}</p>`)
  }
  const main: string[] = []
  for (const section of all.slice(headEnd)) {
    if (section.kind === 'list') {
      const items = section.items.map(
        ({ item, subitems }) =>
          `<li><span ${at(item)}>${text(item)}</span>${subitems.map((s) => `\n<p class="subitem" ${at(s)}>${text(s)}</p>`).join('')}</li>`,
      )
      main.push(`<ol class="items">${items.join('\n')}</ol>`)
      continue
    }
    const { view } = section
    if (view.kind === 'title') main.push(`<h1 ${at(view)}>${text(view)}</h1>`)
    else if (view.kind === 'heading') main.push(`<h2 ${at(view)}>${text(view)}</h2>`)
    else if (view.kind === 'subitem') main.push(`<p class="subitem" ${at(view)}>${text(view)}</p>`)
    else main.push(`<p ${at(view)}>${text(view)}</p>`)
  }
  const parts = [...(head.length ? [`<header>${head.join('\n')}</header>`] : []), ...main]
  return `<article class="essay" data-essay-text>${parts.join('\n')}</article>`
}

function sourceItem(data: RepublishData, s: Source): string {
  const w = wordsFor(data.lang)
  const href = safeHref(s.url)
  const label = e(s.title.trim() || s.url)
  let out = href ? `<a href="${href}" rel="noopener noreferrer">${label}</a>` : label
  // An address that is not http(s) is never a link; it is shown as text beside its title.
  if (!href && s.title.trim()) out += ` &lt;${e(s.url)}&gt;`
  const details = [s.publisher, s.published].filter((x) => x.trim() !== '').map(e)
  if (details.length) out += ` — ${details.join(', ')}`
  const archive = safeHref(s.archiveUrl)
  if (archive) out += ` (<a href="${archive}" rel="noopener noreferrer">${e(w.archived)}</a>)`
  return `<li>${out}</li>`
}

function appendixItem(data: RepublishData, c: Claim, n: number): string {
  const w = wordsFor(data.lang)
  const parts = [
    `<blockquote><span class="num">${n}.</span>${e(checkedWording(data, c).quote)}</blockquote>`,
    `<p class="meta"><span class="label">${e(w.verdict)}:</span> <span class="verdict" data-verdict="${e(c.verdict)}">${e(verdictLabel(data, c.verdict))}</span>` +
      ` · <span class="label">${e(w.status)}:</span> ${e(statusLabels[data.lang][c.status])}` +
      (c.author ? ` · <span class="label">${e(w.checkedBy)}:</span> ${e(c.author)}` : '') +
      ` · ${e(day(c.modified))}</p>`,
  ]
  const { corrected } = checkedWording(data, c)
  if (corrected !== undefined) parts.push(`<p class="meta">${e(w.correctedTo)} “<ins>${e(corrected)}</ins>”</p>`)
  // The verdict judged other words: never presented as checked without the label.
  // Shown only when the export asked for unrated claims: never mistaken for a finding.
  if (!isRated(data, c)) parts.push(`<p class="unchecked">${e(w.unchecked)}</p>`)
  if (c.textChanged) parts.push(`<p class="text-changed"><strong>${e(w.textChanged)}</strong></p>`)
  if (c.note.trim()) parts.push(`<p class="note">${e(c.note.trim())}</p>`)
  if (c.sources.length) {
    parts.push(
      `<p class="label">${e(w.sources)}</p>\n<ul class="sources">\n${c.sources.map((s) => sourceItem(data, s)).join('\n')}\n</ul>`,
    )
  }
  return `<li class="claim${c.textChanged ? ' text-changed' : ''}" id="claim-${n}" data-verdict="${e(c.verdict)}">\n${parts.join('\n')}\n</li>`
}

function appendix(data: RepublishData): string {
  if (data.claims.length === 0) return ''
  const w = wordsFor(data.lang)
  const items = data.claims.map((c, i) => appendixItem(data, c, i + 1))
  return `<section class="factcheck" aria-labelledby="factcheck-title">\n<h2 id="factcheck-title">${e(w.factCheck)}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`
}

function corrections(data: RepublishData): string {
  if (data.corrections.length === 0) return ''
  const w = wordsFor(data.lang)
  const items = data.corrections.map((k) => {
    const n = correctionNotice(data.lang, k.original, k.replacement, k.explanation)
    return `<li><time datetime="${e(day(k.applied))}">${e(day(k.applied))}</time>: ${e(n.before)}<del>${e(n.original)}</del>${e(n.middle)}<ins>${e(n.replacement)}</ins>${e(n.after)}</li>`
  })
  return `<section class="corrections" aria-labelledby="corrections-title">\n<h2 id="corrections-title">${e(w.corrections)}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`
}

function footer(data: RepublishData): string {
  const w = wordsFor(data.lang)
  const { organisationName, organisationUrl, factcheckUrl } = data.settings
  const parts: string[] = []
  if (organisationName) {
    const href = safeHref(organisationUrl)
    parts.push(
      `${e(w.factCheck)}: ${href ? `<a href="${href}" rel="noopener noreferrer">${e(organisationName)}</a>` : e(organisationName)}`,
    )
  }
  const page = safeHref(factcheckUrl)
  if (page) parts.push(`<a href="${page}" rel="noopener noreferrer">${page}</a>`)
  parts.push(`${e(w.exported)}: ${e(day(data.exported))}`)
  return `<footer>${parts.join(' · ')}</footer>`
}

export function renderHtml(data: RepublishData): string {
  const lang = data.lang
  const title = data.doc.title || 'Factdesk'
  return (
    [
      '<!DOCTYPE html>',
      `<html lang="${lang}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${e(EXPORT_CSP)}">`,
      '<meta name="referrer" content="no-referrer">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${e(title)}</title>`,
      `<style>${PAGE_CSS}</style>`,
      '</head>',
      '<body>',
      essay(data),
      corrections(data),
      appendix(data),
      footer(data),
      '</body>',
      '</html>',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n'
  )
}

/**
 * The exported page's only style sheet (inline: the page loads nothing). Korean typography: Noto
 * Serif/Sans CJK KR first, words kept whole across lines (word-break: keep-all), generous leading; a
 * print layout with A4 margins and the appendix on its own page.
 */
export const VERDICT_COLOURS: Record<string, [string, string]> = {
  unrated: ['#e4ebf5', '#8a9ab3'],
  true: ['#d4eedb', '#2f8a4c'],
  'mostly-true': ['#e4f1cf', '#6c9a2e'],
  'half-true': ['#fbefc0', '#c29b12'],
  'mostly-false': ['#fbdcc4', '#d0702a'],
  false: ['#f6cccc', '#b83232'],
  undecidable: ['#e4e0f0', '#6d5fa8'],
}

const verdictRules = Object.entries(VERDICT_COLOURS)
  .map(
    ([v, [light, dark]]) =>
      `mark[data-verdict="${v}"] { background: ${light}; }\n` +
      `.verdict[data-verdict="${v}"] { background: ${light}; border-color: ${dark}; }\n` +
      `.claim[data-verdict="${v}"] { border-left-color: ${dark}; }`,
  )
  .join('\n')

export const PAGE_CSS = `
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 44rem; padding: 2.5rem 1.25rem 4rem; color: #1f2328; background: #fff;
  font-family: 'Noto Serif CJK KR', 'Noto Serif KR', 'Source Han Serif K', 'AppleMyungjo', 'Batang', serif;
  font-size: 17px; line-height: 1.8; word-break: keep-all; overflow-wrap: anywhere; line-break: strict;
}
header, .factcheck, .corrections, footer, .label, .verdict, .meta, h1, h2, h3 {
  font-family: 'Noto Sans CJK KR', 'Noto Sans KR', 'Source Han Sans K', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif;
}
h1 { font-size: 1.9rem; line-height: 1.35; margin: 0 0 0.4rem; }
h2 { font-size: 1.3rem; line-height: 1.45; margin: 2.2rem 0 0.6rem; }
.subtitle { font-size: 1.1rem; color: #3d4550; margin: 0 0 0.8rem; }
.byline { color: #5b6470; margin: 0; font-size: 0.95rem; }
header { border-bottom: 1px solid #d9dee5; padding-bottom: 1rem; margin-bottom: 1.5rem; }
p { margin: 0 0 1.1rem; }
ol.items { padding-left: 1.6rem; }
ol.items li { margin-bottom: 0.5rem; }
.subitem { margin: 0.2rem 0 0; color: #3d4550; }
mark { color: inherit; border-radius: 2px; padding: 0.05em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.overlap { box-shadow: inset 0 -3px 0 rgba(36, 84, 166, 0.45); }
a.ref { color: #2454a6; text-decoration: none; }
a.ref::after { content: attr(data-n); font-size: 0.7em; line-height: 0; vertical-align: super; padding-left: 0.1em; }
.unchecked { color: #5b6470; font-style: italic; }
a { color: #2454a6; }
.factcheck, .corrections { margin-top: 3rem; border-top: 2px solid #1f2328; padding-top: 0.5rem; font-size: 0.95rem; }
.factcheck ol { list-style: none; padding: 0; margin: 0; }
.claim { border-left: 4px solid #8a9ab3; padding: 0.2rem 0 0.2rem 0.9rem; margin: 0 0 1.4rem; }
.claim blockquote { margin: 0 0 0.4rem; font-family: 'Noto Serif CJK KR', 'Noto Serif KR', serif; }
.claim .num { font-weight: 700; margin-right: 0.4rem; }
.verdict { display: inline-block; border: 1px solid #8a9ab3; border-radius: 3px; padding: 0 0.4rem; font-weight: 700; }
.meta { color: #5b6470; font-size: 0.85rem; }
.text-changed { color: #8a4b00; background: #fff4e0; padding: 0.1rem 0.4rem; font-size: 0.85rem; }
.note { white-space: pre-wrap; margin: 0.4rem 0; }
.sources { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.corrections ul { padding-left: 1.2rem; }
footer { margin-top: 3rem; color: #5b6470; font-size: 0.8rem; border-top: 1px solid #d9dee5; padding-top: 0.6rem; }
${verdictRules}
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  mark, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3 { break-after: avoid; }
  .claim, li, blockquote { break-inside: avoid; }
  .factcheck { break-before: page; }
  a { color: inherit; }
  .sources a[href]::after { content: ' <' attr(href) '>'; font-size: 0.8em; color: #5b6470; word-break: break-all; }
}
`

import type { Claim } from '../../shared/domain'
import { statusLabels, verdictLabel, type RepublishData } from './model'

/**
 * One row per claim for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Hangul as UTF-8),
 * CRLF line ends and RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
 * doubled). Line breaks inside a field stay as they are written in the note.
 *
 * Calc and Excel type what they read, quoted or not: the verdict ids `true` / `false` became Booleans,
 * a quote `1999` a number, `3-4` a date. The verdict id column, and any text cell a spreadsheet would
 * type, is written as a formula for that text (`="true"`), which both evaluate to the text itself.
 */
export const CSV_COLUMNS = [
  'id',
  'quote',
  'verdict',
  'verdict_label',
  'status',
  'note',
  'sources',
  'source_titles',
  'author',
  'created',
  'modified',
  'start',
  'end',
  'tags',
] as const

export function csvField(value: string, guard = true): string {
  // A cell starting with =, +, -, @ (or a tab / carriage return) is run as a formula by spreadsheet
  // programs; a leading apostrophe keeps it text (OWASP's advice for CSV injection).
  const safe = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A spreadsheet formula whose value is `value` as text; Excel's string literals end at 255 characters. */
export function textCell(value: string): string {
  return csvField(`="${value.replace(/"/g, '""')}"`, false)
}

/** Text a spreadsheet would read as a Boolean, a number or a date rather than as text. */
const TYPED = [
  /^ *(true|false) *$/i,
  /^ *[+-]?[\d., ]*\d[\d., ]*%? *$/,
  /^ *\d{1,4} *[-/.] *\d{1,2}( *[-/.] *\d{1,4})? *$/,
]
const text = (value: string): string =>
  value.length <= 255 && TYPED.some((re) => re.test(value)) ? textCell(value) : csvField(value)

function row(data: RepublishData, c: Claim): string[] {
  return [
    csvField(c.id),
    text(c.exact),
    textCell(c.verdict),
    text(verdictLabel(data, c.verdict)),
    text(statusLabels[data.lang][c.status]),
    text(c.note),
    csvField(c.sources.map((s) => s.url).join('\n')),
    text(c.sources.map((s) => s.title).join('\n')),
    text(c.author),
    csvField(c.created),
    csvField(c.modified),
    c.anchored ? String(c.start) : '',
    c.anchored ? String(c.end) : '',
    text((data.tags.get(c.id) ?? []).join(', ')),
  ]
}

export function renderCsv(data: RepublishData): string {
  const claims = [...data.claims, ...data.unattached]
  const lines = [CSV_COLUMNS.join(','), ...claims.map((c) => row(data, c).join(','))]
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

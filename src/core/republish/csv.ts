import type { Claim } from '../../shared/domain'
import { statusLabels, verdictLabel, type RepublishData } from './model'

/**
 * One row per claim for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Hangul as UTF-8),
 * CRLF line ends and RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
 * doubled). Line breaks inside a field stay as they are written in the note.
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

export function csvField(value: string): string {
  // A cell starting with =, +, -, @ (or a tab / carriage return) is run as a formula by spreadsheet
  // programs; a leading apostrophe keeps it text (OWASP's advice for CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function row(data: RepublishData, c: Claim): string[] {
  return [
    c.id,
    c.exact,
    c.verdict,
    verdictLabel(data, c.verdict),
    statusLabels[data.lang][c.status],
    c.note,
    c.sources.map((s) => s.url).join('\n'),
    c.sources.map((s) => s.title).join('\n'),
    c.author,
    c.created,
    c.modified,
    c.anchored ? String(c.start) : '',
    c.anchored ? String(c.end) : '',
    (data.tags.get(c.id) ?? []).join(', '),
  ]
}

export function renderCsv(data: RepublishData): string {
  const claims = [...data.claims, ...data.unattached]
  const lines = [CSV_COLUMNS.join(','), ...claims.map((c) => row(data, c).map(csvField).join(','))]
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

import ExcelJS from 'exceljs'
import type { Claim } from '../../shared/domain'
import { catalogues, type Catalogue } from '../../shared/i18n'
import { statusLabels, verdictLabel, type RepublishData } from './model'

/**
 * One row per claim as a real spreadsheet (exceljs): every cell has its own type — text stays text
 * (a verdict id `true` is never a Boolean, a quote `1999` never a number), times are dates, positions
 * numbers — with a frozen, bold header row, a filter, column widths and the verdict's colour. A cell's
 * text is a value, never a formula, so nothing in a note can run.
 */
const COLUMNS: { key: keyof Catalogue['exportWords']['columns']; width: number }[] = [
  { key: 'quote', width: 48 },
  { key: 'verdict_label', width: 18 },
  { key: 'verdict', width: 14 },
  { key: 'status', width: 12 },
  { key: 'note', width: 48 },
  { key: 'sources', width: 40 },
  { key: 'source_titles', width: 32 },
  { key: 'tags', width: 20 },
  { key: 'author', width: 14 },
  { key: 'created', width: 20 },
  { key: 'modified', width: 20 },
  { key: 'start', width: 8 },
  { key: 'end', width: 8 },
  { key: 'id', width: 38 },
]

/** The verdict colour mixed with white, light enough to read black text on. */
function tint(hex: string | undefined): string | undefined {
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return undefined
  const mix = (i: number) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.3 + 255 * 0.7)
      .toString(16)
      .padStart(2, '0')
  return `FF${mix(1)}${mix(3)}${mix(5)}`.toUpperCase()
}

function values(data: RepublishData, c: Claim): Record<string, string | number | Date | null> {
  return {
    quote: c.exact,
    verdict_label: verdictLabel(data, c.verdict),
    verdict: c.verdict,
    status: statusLabels[data.lang][c.status],
    note: c.note,
    sources: c.sources.map((s) => s.url).join('\n'),
    source_titles: c.sources.map((s) => s.title).join('\n'),
    tags: (data.tags.get(c.id) ?? []).join(', '),
    author: c.author,
    created: new Date(c.created),
    modified: new Date(c.modified),
    start: c.anchored ? c.start : null,
    end: c.anchored ? c.end : null,
    id: c.id,
  }
}

export async function renderXlsx(data: RepublishData): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Factdesk'
  const sheet = book.addWorksheet(catalogues[data.lang].exportWords.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    header: catalogues[data.lang].exportWords.columns[c.key],
    width: c.width,
  }))
  sheet.getRow(1).font = { bold: true }
  for (const claim of [...data.claims, ...data.unattached]) {
    const row = sheet.addRow(values(data, claim))
    row.alignment = { vertical: 'top', wrapText: true }
    const fill = tint(data.scale.colors?.[claim.verdict])
    if (fill) row.getCell('verdict_label').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
  }
  for (const key of ['created', 'modified']) sheet.getColumn(key).numFmt = 'yyyy-mm-dd hh:mm'
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  return Buffer.from(await book.xlsx.writeBuffer())
}

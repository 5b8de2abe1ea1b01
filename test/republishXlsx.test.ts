import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { exportRepublication } from '../src/core/republish'
import { gatherRepublishData } from '../src/core/republish/model'
import { renderXlsx } from '../src/core/republish/xlsx'
import { ReviewStore } from '../src/core/review/store'
import { runCli } from '../src/cli/run'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { claimOn, htmlDecode, openEssay } from './helpers/republish'
import { openReview } from '../src/core/review/open'

/** The spreadsheet export read back by exceljs and by LibreOffice Calc. */
let store: ReviewStore | undefined
let dir: TempDir | undefined
afterEach(() => {
  store?.close()
  dir?.remove()
  store = dir = undefined
})

function review(): ReviewStore {
  const s = openEssay(
    parseEssayMarkdown(
      '---\ntitle: Test\nlanguage: en\n---\n\nThe bridge opened in 1999. It was false news, said 서울시 on 3-4.\n',
    ),
  )
  claimOn(s, 'The bridge opened in 1999', { verdict: 'true', note: '42' })
  claimOn(s, '1999', { verdict: 'false', note: '=HYPERLINK("http://x","y")' })
  claimOn(s, '서울시', { verdict: 'unrated', note: '서울시 자료' })
  return s
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  return book.worksheets[0]
}

it('types every cell: text stays text, times are dates, positions numbers; the header is frozen and the verdict coloured', async () => {
  store = review()
  const file = await exportRepublication(store, 'xlsx')
  expect(file.fileName).toMatch(/\.claims\.xlsx$/)
  expect(file.counts?.claims).toBe(3)
  const sheet = await sheetOf(Buffer.from(file.data, 'base64'))
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  const header = (sheet.getRow(1).values as unknown[]).slice(1)
  expect(header).toEqual([
    'Quote',
    'Verdict',
    'Verdict id',
    'Status',
    'Note',
    'Sources',
    'Source titles',
    'Tags',
    'Marked by',
    'Created',
    'Modified',
    'Start',
    'End',
    'Claim id',
  ])
  const col = (name: string) => header.indexOf(name) + 1
  const rows = [2, 3, 4].map((r) => sheet.getRow(r))
  expect(rows.map((r) => r.getCell(col('Verdict id')).value)).toEqual(['true', 'false', 'unrated'])
  expect(rows.map((r) => r.getCell(col('Verdict id')).type)).toEqual([
    ExcelJS.ValueType.String,
    ExcelJS.ValueType.String,
    ExcelJS.ValueType.String,
  ])
  expect(rows.map((r) => r.getCell(col('Quote')).value)).toEqual(['The bridge opened in 1999', '1999', '서울시'])
  expect(rows[1].getCell(col('Quote')).type).toBe(ExcelJS.ValueType.String)
  // A note that looks like a formula is a string, not a formula.
  expect(rows[1].getCell(col('Note')).type).toBe(ExcelJS.ValueType.String)
  expect(rows[0].getCell(col('Created')).value).toBeInstanceOf(Date)
  expect(typeof rows[0].getCell(col('Start')).value).toBe('number')
  const fill = rows[0].getCell(col('Verdict')).fill as ExcelJS.FillPattern
  expect(fill.fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/)
  expect(sheet.getColumn(col('Quote')).width).toBeGreaterThan(20)
})

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p))
it.skipIf(!soffice)(
  'LibreOffice Calc (headless) reads no Boolean cells and Hangul intact (skipped where soffice is not installed: apt-get install libreoffice-calc-nogui)',
  async () => {
    dir = tempDir('factdesk-xlsx-')
    const korean = openEssay(bundledEssay())
    claimOn(korean, '챗GPT 유료 가입자 수 2위', { verdict: 'false', note: '통계 출처 불분명' })
    claimOn(korean, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
    store = korean
    writeFileSync(dir.file('claims.xlsx'), await renderXlsx(gatherRepublishData(korean)))
    execFileSync(
      soffice as string,
      [
        '--headless',
        `-env:UserInstallation=file://${dir.path}/profile`,
        '--convert-to',
        'fods',
        '--outdir',
        dir.path,
        dir.file('claims.xlsx'),
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    )
    const fods = readFileSync(dir.file('claims.fods'), 'utf8')
    const cells = [...fods.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map(
      (m) => ({
        type: /office:value-type="(\w+)"/.exec(m[1])?.[1],
        text: htmlDecode((m[2] ?? '').replace(/<[^>]+>/g, '').trim()),
      }),
    )
    expect(cells.filter((c) => c.type === 'boolean')).toEqual([])
    const texts = new Set(cells.map((c) => c.text))
    for (const t of ['true', 'false', '사실', '전혀 사실 아님', '챗GPT 유료 가입자 수 2위', '통계 출처 불분명'])
      expect(texts.has(t), t).toBe(true)
    expect(cells.some((c) => c.type === 'date')).toBe(true)
  },
  150_000,
)

it('factdesk export --format xlsx writes the spreadsheet', async () => {
  dir = tempDir('factdesk-xlsx-cli-')
  const path = dir.file('r.factdesk')
  const s = openReview(path, bundledEssay())
  claimOn(s, '챗GPT 유료 가입자 수 2위', { verdict: 'true' })
  s.close()
  const out = dir.file('claims.xlsx')
  const code = await runCli(['export', '--review', path, '--format', 'xlsx', '--out', out], {
    stdout: () => undefined,
    stderr: () => undefined,
    env: { USER: 'tester' },
  })
  expect(code).toBe(0)
  const sheet = await sheetOf(readFileSync(out))
  expect(sheet.getRow(2).getCell(1).value).toBe('챗GPT 유료 가입자 수 2위')
})

import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { CSV_COLUMNS, renderCsv, textCell } from '../src/core/republish/csv'
import { gatherRepublishData } from '../src/core/republish/model'
import type { ReviewStore } from '../src/core/review/store'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { claimOn, htmlDecode, openEssay } from './helpers/republish'

let store: ReviewStore | undefined
let dir: TempDir | undefined
afterEach(() => {
  store?.close()
  dir?.remove()
  store = dir = undefined
})

/** The value a spreadsheet shows for a cell: a `="text"` formula is its text. */
const shown = (cell: string): string => /^="([\s\S]*)"$/.exec(cell)?.[1].replace(/""/g, '"') ?? cell

type Row = Record<(typeof CSV_COLUMNS)[number], string>
const rows = (csv: string): Row[] => parse(csv, { bom: true, columns: true }) as Row[]

/** A review whose verdicts include `true` and `false`, labelled True / False in English, with typed-looking text. */
function englishReview(): ReviewStore {
  const s = openEssay(
    parseEssayMarkdown(
      '---\ntitle: Test\nlanguage: en\n---\n\nThe bridge opened in 1999. It was false news, said 서울시 on 3-4.\n',
    ),
  )
  claimOn(s, 'The bridge opened in 1999', { verdict: 'true', note: '42' })
  claimOn(s, '1999', { verdict: 'false', note: 'TRUE' })
  claimOn(s, '3-4', { verdict: 'half-true', note: '서울시 자료' })
  claimOn(s, '서울시', { verdict: 'unrated' })
  return s
}

describe('CSV in spreadsheets', () => {
  it('writes verdict ids, and text a spreadsheet would type, as formulas for the text; a CSV parser reads it back', () => {
    store = englishReview()
    const csv = renderCsv(gatherRepublishData(store))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain(',"=""true""",')
    expect(textCell('a"b')).toBe('"=""a""""b"""')
    const read = rows(csv)
    expect(read.map((r) => shown(r.verdict))).toEqual(['true', 'false', 'unrated', 'half-true'])
    expect(read.map((r) => shown(r.verdict_label))).toEqual(['True', 'False', 'Not yet rated', 'Half true'])
    expect(read.map((r) => shown(r.quote))).toEqual(['The bridge opened in 1999', '1999', '서울시', '3-4'])
    expect(read.map((r) => shown(r.note))).toEqual(['42', 'TRUE', '', '서울시 자료'])
    // Text that no spreadsheet types stays as it is; numbers stay numbers.
    expect(read[0].quote).toBe('The bridge opened in 1999')
    expect(read[3].note).toBe('서울시 자료')
    expect(read[1].start).toMatch(/^\d+$/)
  })

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p))
  it.skipIf(!soffice)(
    'LibreOffice Calc (headless, UTF-8 filter) reads no Boolean cells and Hangul intact (skipped where soffice is not installed: apt-get install libreoffice-calc)',
    () => {
      store = englishReview()
      dir = tempDir('factdesk-csv-')
      const korean = openEssay(bundledEssay())
      claimOn(korean, '챗GPT 유료 가입자 수 2위', { verdict: 'false', note: '통계 출처 불분명' })
      claimOn(korean, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
      const files = { en: renderCsv(gatherRepublishData(store)), ko: renderCsv(gatherRepublishData(korean)) }
      korean.close()
      for (const [name, csv] of Object.entries(files)) {
        writeFileSync(dir.file(`${name}.csv`), csv)
        // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start at row 1: what the Text Import dialog sets.
        execFileSync(
          soffice as string,
          [
            '--headless',
            `-env:UserInstallation=file://${dir.path}/profile`,
            '--infilter=CSV:44,34,76,1',
            '--convert-to',
            'fods',
            '--outdir',
            dir.path,
            dir.file(`${name}.csv`),
          ],
          {
            stdio: 'pipe',
            timeout: 120_000,
          },
        )
        const fods = readFileSync(dir.file(`${name}.fods`), 'utf8')
        const cells = [...fods.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map(
          (m) => ({
            type: /office:value-type="(\w+)"/.exec(m[1])?.[1],
            text: htmlDecode(
              /office:string-value="([^"]*)"/.exec(m[1])?.[1] ?? (m[2] ?? '').replace(/<[^>]+>/g, '').trim(),
            ),
          }),
        )
        expect(
          cells.filter((c) => c.type === 'boolean'),
          name,
        ).toEqual([])
        const csvRows = rows(csv)
        const shownCells = new Set(cells.map((c) => c.text))
        for (const r of csvRows) {
          for (const col of ['verdict', 'verdict_label', 'quote'] as const) {
            expect(shownCells.has(shown(r[col])), `${name}: ${col} ${r[col]}`).toBe(true)
            expect(cells.find((c) => c.text === shown(r[col]))?.type, `${name}: ${col} ${r[col]}`).toBe('string')
          }
        }
      }
      const ko = readFileSync(dir.file('ko.fods'), 'utf8')
      expect(ko).toContain('챗GPT 유료 가입자 수 2위')
      expect(ko).toContain('통계 출처 불분명')
      expect(ko).toContain('전혀 사실 아님')
    },
  )
})

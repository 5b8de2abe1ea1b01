import { strFromU8, unzipSync } from 'fflate'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'
import { chromiumPdfRenderer, NO_CHROMIUM } from '../src/core/republish/pdf'
import { writeSettings } from '../src/core/republish/settings'
import { bundledEssay, sha256, tempDir, type TempDir } from './helpers/essay'
import { claimOn, source } from './helpers/republish'
import { openReview } from '../src/core/review/open'

let dir: TempDir
let review: string
beforeEach(() => {
  dir = tempDir('factdesk-republish-cli-')
  review = dir.file('desk.factdesk')
  const store = openReview(review, bundledEssay())
  try {
    claimOn(store, '챗GPT 유료 가입자 수 2위', {
      verdict: 'mostly-false',
      note: '통계 "출처" 확인,\n둘째 줄',
      sources: [source('https://example.com/stats')],
    })
    claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
    writeSettings(store, { organisationName: 'SNU팩트체크' })
  } finally {
    store.close()
  }
})
afterEach(() => dir.remove())

describe('factdesk export for republication', () => {
  it('writes Markdown clean by default and annotated with --annotated', async () => {
    const clean = dir.file('essay.md')
    expect((await cli('export', '--review', review, '--format', 'markdown', '--out', clean)).code).toBe(0)
    expect(readFileSync(clean, 'utf8')).toMatch(/^# 서울, 오픈AI의 전략적 거점이 되다\n/)
    expect(readFileSync(clean, 'utf8')).not.toContain('[^1]')
    const annotated = dir.file('essay.factcheck.md')
    const r = await cli(
      'export',
      '--review',
      review,
      '--format',
      'markdown',
      '--annotated',
      '--out',
      annotated,
      '--json',
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, format: 'markdown-annotated', claims: 2 })
    expect(readFileSync(annotated, 'utf8')).toContain('[^2]: **판정: 대체로 사실 아님**')
  })

  it('writes HTML, DOCX, CSV and ClaimReview (with --url)', async () => {
    const html = dir.file('essay.html')
    expect((await cli('export', '--review', review, '--format', 'html', '--out', html)).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toContain('<mark data-verdict="mostly-false"')
    const docx = dir.file('essay.docx')
    expect((await cli('export', '--review', review, '--format', 'docx', '--out', docx)).code).toBe(0)
    const zip = unzipSync(new Uint8Array(readFileSync(docx)))
    expect(strFromU8(zip['word/comments.xml']).match(/<w:comment /g)).toHaveLength(2)
    const csv = dir.file('claims.csv')
    expect((await cli('export', '--review', review, '--format', 'csv', '--out', csv)).code).toBe(0)
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const jsonld = dir.file('claims.jsonld')
    const r = await cli(
      'export',
      '--review',
      review,
      '--format',
      'claimreview',
      '--url',
      'https://factcheck.example.kr/a',
      '--out',
      jsonld,
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(readFileSync(jsonld, 'utf8'))).toHaveLength(2)
    expect(r.stdout).toContain('schema.org ClaimReview')
  })

  it('a failed export leaves no file behind, and the review is untouched', async () => {
    const before = sha256(review)
    const out = dir.file('claims.jsonld')
    writeFileSync(dir.file('keep.txt'), 'x')
    const r = await cli('export', '--review', review, '--format', 'claimreview', '--out', out)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Republication settings')
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir.path).sort()).toEqual(['desk.factdesk', 'keep.txt'])
    expect(sha256(review)).toBe(before)
  })

  it('refuses flags that do not apply', async () => {
    const out = dir.file('x')
    expect((await cli('export', '--review', review, '--format', 'html', '--annotated', '--out', out)).code).toBe(2)
    expect(
      (await cli('export', '--review', review, '--format', 'markdown', '--clean', '--annotated', '--out', out)).code,
    ).toBe(2)
    expect(
      (await cli('export', '--review', review, '--format', 'html', '--url', 'https://x.example', '--out', out)).code,
    ).toBe(2)
    expect(
      (await cli('export', '--review', review, '--format', 'claimreview', '--url', 'javascript:alert(1)', '--out', out))
        .code,
    ).toBe(2)
    expect((await cli('export', '--review', review, '--format', 'rtf', '--out', out)).code).toBe(2)
    expect(existsSync(out)).toBe(false)
  })

  it('says how to get Chromium when PDF cannot be printed', async () => {
    await expect(chromiumPdfRenderer({ executable: null })('<p>x</p>')).rejects.toMatchObject({
      code: 'pdf-no-chromium',
      message: NO_CHROMIUM,
    })
    expect(NO_CHROMIUM).toBe(
      'PDF export needs Chromium: install it (apt-get install chromium) or export HTML and print it.',
    )
  })
})

import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { PrefsStore } from '../src/core/prefs/prefs'
import { buildClaimReviews, renderClaimReview } from '../src/core/republish/claimReview'
import { CSV_COLUMNS, csvField, renderCsv } from '../src/core/republish/csv'
import { escapeHtml } from '../src/core/republish/escape'
import { renderHtml } from '../src/core/republish/html'
import { gatherRepublishData } from '../src/core/republish/model'
import { readSettings, writeSettings } from '../src/core/republish/settings'
import { createService, dispatch } from '../src/core/service'
import { ReviewSession } from '../src/core/review/session'
import type { ReviewStore } from '../src/core/review/store'
import type { Claim, Prefs } from '../src/shared/domain'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { applyCorrectionDirectly, claimOn, openEssay, source } from './helpers/republish'
import { getClaim, listClaims } from '../src/core/claims/queries'

let store: ReviewStore
beforeEach(() => {
  store = openEssay(bundledEssay())
})
afterEach(() => store.close())

describe('CSV', () => {
  it('one row per claim, UTF-8 with a BOM, CRLF, RFC 4180 quoting that a CSV parser reads back', () => {
    const note = '그가 말했다: "서울은 2위다", 그리고\n둘째 줄,\r\n셋째 줄'
    const a = claimOn(store, '챗GPT 유료 가입자 수 2위', {
      verdict: 'mostly-false',
      note,
      sources: [source('https://example.com/a', '통계, "공식"'), source('https://example.com/b', '둘째 출처')],
      author: '김검증',
    })
    const b = claimOn(store, '오픈AI가 서울을 선택한 것은', { verdict: 'unrated', note: '=HYPERLINK("http://evil")' })
    store.db
      .prepare(
        `INSERT INTO claim_tag (id, claim_id, name, author, created, modified, version) VALUES ('t1', ?, '통계', 'x', '', '', 'v')`,
      )
      .run(a.id)
    const csv = renderCsv(gatherRepublishData(store))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Outside quoted fields every line ends with CRLF: a header and two rows.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '""')
    expect(/[^\r]\n|\r(?!\n)/.test(outside)).toBe(false)
    expect(outside.split('\r\n')).toHaveLength(4)
    const rows = parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[]
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(2)
    const row = rows.find((r) => r.id === a.id) as Record<string, string>
    expect(row).toMatchObject({
      quote: '챗GPT 유료 가입자 수 2위',
      // The verdict id as a formula for its text, which spreadsheets never make a Boolean.
      verdict: '="mostly-false"',
      verdict_label: '대체로 사실 아님',
      status: '확인 전',
      note,
      // In the claim's own order (two sources added in the same millisecond are ordered by id).
      sources: getClaim(store, a.id)
        .sources.map((x) => x.url)
        .join('\n'),
      source_titles: getClaim(store, a.id)
        .sources.map((x) => x.title)
        .join('\n'),
      author: '김검증',
      start: String(a.start),
      end: String(a.end),
      tags: '통계',
    })
    expect(row.sources.split('\n').sort()).toEqual(['https://example.com/a', 'https://example.com/b'])
    expect(row.source_titles.split('\n').sort()).toEqual(['둘째 출처', '통계, "공식"'])
    expect(row.created).toBe(getClaim(store, a.id).created)
    // A note a spreadsheet would run as a formula is kept as text.
    expect((rows.find((r) => r.id === b.id) as Record<string, string>).note).toBe(`'=HYPERLINK("http://evil")`)
  })

  it('quotes exactly what needs quoting', () => {
    expect(csvField('서울')).toBe('서울')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('a"b')).toBe('"a""b"')
    expect(csvField('a\nb')).toBe('"a\nb"')
    expect(csvField('')).toBe('')
  })
})

describe('schema.org ClaimReview', () => {
  function setUp(): void {
    writeSettings(store, {
      organisationName: 'SNU팩트체크',
      organisationUrl: 'https://factcheck.snu.ac.kr/',
      factcheckUrl: 'https://factcheck.example.kr/seoul-openai',
      essayUrl: 'https://brunch.co.kr/@example/1',
      essayPublished: '2025-05-27',
    })
    claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다', { verdict: 'true' })
    claimOn(store, '챗GPT 유료 가입자 수 2위', { verdict: 'false' })
    claimOn(store, '세계에서 가장 유망한 시장', { verdict: 'undecidable' })
    claimOn(store, '오픈AI가 서울을 선택한 것은', { verdict: 'unrated' })
  }

  it('one ClaimReview per rated claim with the required and recommended properties', () => {
    setUp()
    const json = renderClaimReview(gatherRepublishData(store))
    const reviews = JSON.parse(json) as Record<string, unknown>[]
    expect(reviews).toHaveLength(3)
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org')
      expect(r['@type']).toBe('ClaimReview')
      expect(r.url).toMatch(/^https:\/\/factcheck\.example\.kr\/seoul-openai#claim-\d+$/)
      expect(typeof r.claimReviewed).toBe('string')
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(r.author).toEqual({ '@type': 'Organization', name: 'SNU팩트체크', url: 'https://factcheck.snu.ac.kr/' })
      expect(r.itemReviewed).toMatchObject({
        '@type': 'Claim',
        author: { '@type': 'Person', name: '버지니아대학교 이현우 교수' },
        datePublished: '2025-05-27',
        appearance: { '@type': 'CreativeWork', url: 'https://brunch.co.kr/@example/1' },
      })
      expect((r.reviewRating as Record<string, unknown>)['@type']).toBe('Rating')
      expect(typeof (r.reviewRating as Record<string, unknown>).name).toBe('string')
    }
    const rating = (quote: string) =>
      reviews.find((r) => (r.claimReviewed as string).startsWith(quote))?.reviewRating as Record<string, unknown>
    expect(rating('오픈AI가 공식적으로')).toEqual({
      '@type': 'Rating',
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
      name: '사실',
      alternateName: '사실',
    })
    expect(rating('챗GPT 유료')).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      name: '전혀 사실 아님',
      alternateName: '전혀 사실 아님',
    })
    // True rates higher than False; 판단 유보 has no place on the numeric scale.
    expect(rating('오픈AI가 공식적으로').ratingValue as number).toBeGreaterThan(
      rating('챗GPT 유료').ratingValue as number,
    )
    expect(rating('세계에서')).toEqual({ '@type': 'Rating', name: '판단 유보', alternateName: '판단 유보' })
    expect(reviews.some((r) => (r.claimReviewed as string).startsWith('오픈AI가 서울을'))).toBe(false)
  })

  it('labels ratings in the review’s language and passes a per-export URL', () => {
    store.close()
    store = openEssay(
      parseEssayMarkdown(
        '---\ntitle: Test\nauthor: Jane Roe\nlanguage: en\npublished: 2024-03-01\nsource: https://news.example.com/a\n---\n\nThe bridge opened in 1999 <script>.\n',
      ),
    )
    claimOn(store, 'The bridge opened in 1999 <script>', { verdict: 'mostly-true' })
    const data = gatherRepublishData(store, { factcheckUrl: 'https://check.example.com/bridge' })
    const [r] = buildClaimReviews(data)
    expect(r.url).toBe('https://check.example.com/bridge#claim-1')
    expect(r.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      name: 'Mostly true',
      alternateName: 'Mostly true',
    })
    expect(r.itemReviewed).toMatchObject({
      author: { name: 'Jane Roe' },
      datePublished: '2024-03-01',
      appearance: { url: 'https://news.example.com/a' },
    })
    expect(r.author).toBeUndefined()
    expect(r.inLanguage).toBe('en')
    const text = renderClaimReview(data)
    expect(text).not.toContain('<')
    expect((JSON.parse(text) as { claimReviewed: string }[])[0].claimReviewed).toBe(
      'The bridge opened in 1999 <script>',
    )
  })

  it('reviews a corrected claim in the wording that was checked', () => {
    setUp()
    const c = listClaims(store).find((k) => k.verdict === 'false') as Claim
    applyCorrectionDirectly(store, c.id, '챗GPT 유료 가입자 수 상위권', '순위 정정')
    const reviews = buildClaimReviews(gatherRepublishData(store))
    expect(reviews.map((r) => r.claimReviewed)).toContain('챗GPT 유료 가입자 수 2위')
    expect(reviews.map((r) => r.claimReviewed)).not.toContain('챗GPT 유료 가입자 수 상위권')
  })

  it('gives each review the anchor of its claim on the fact-check page, the HTML export’s id for it', () => {
    setUp()
    claimOn(store, '세계에서 가장 유망한 시장”이라고', { verdict: 'false' })
    const data = gatherRepublishData(store)
    const reviews = buildClaimReviews(data)
    expect(reviews).toHaveLength(4)
    expect(new Set(reviews.map((r) => r.url)).size).toBe(4)
    const page = renderHtml(data)
    for (const r of reviews) {
      const id = new URL(r.url).hash.slice(1)
      expect(r.url).toBe(`https://factcheck.example.kr/seoul-openai#${id}`)
      // The anchor is on the page, on the appendix entry that quotes this claim.
      const entry = new RegExp(`<li class="claim[^"]*" id="${id}"[^>]*>([\\s\\S]*?)</li>`).exec(page)
      expect(entry, id).not.toBeNull()
      expect((entry as RegExpExecArray)[1]).toContain(`</span>${escapeHtml(r.claimReviewed)}</blockquote>`)
    }
    // A claim not attached to the text has no entry on the page: its review points at the page.
    const lost = listClaims(store).find((c) => c.verdict === 'false' && c.exact.startsWith('챗GPT')) as Claim
    store.db.prepare(`UPDATE claim SET anchored = 0 WHERE id = ?`).run(lost.id)
    const again = buildClaimReviews(gatherRepublishData(store))
    expect(again.find((r) => r.claimReviewed === lost.exact)?.url).toBe('https://factcheck.example.kr/seoul-openai')
  })

  it('folds the white space of claimReviewed onto one line', () => {
    setUp()
    claimOn(store, '이 되다\n서울, 오픈AI', { verdict: 'half-true' })
    const reviews = buildClaimReviews(gatherRepublishData(store))
    const across = reviews.find((r) => r.reviewRating.name === '절반의 사실') as { claimReviewed: string }
    expect(across.claimReviewed).toBe('이 되다 서울, 오픈AI')
    for (const r of reviews) expect(r.claimReviewed).not.toMatch(/\s\s|[\n\r\t]|^\s|\s$/)
  })

  it('asks for the fact-check page’s address when there is none', () => {
    claimOn(store, '챗GPT 유료 가입자 수 2위', { verdict: 'false' })
    expect(() => buildClaimReviews(gatherRepublishData(store))).toThrow(/Republication settings/)
  })
})

describe('settings for republication', () => {
  let dir: TempDir
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('defaults the essay fields from the essay, keeps the others in the review file', () => {
    expect(readSettings(store)).toEqual({
      organisationName: '',
      organisationUrl: '',
      factcheckUrl: '',
      essayUrl: '',
      essayAuthor: '버지니아대학교 이현우 교수',
      essayPublished: '',
    })
    writeSettings(store, { organisationName: '  SNU팩트체크 ', essayAuthor: '이현우' })
    expect(readSettings(store)).toMatchObject({ organisationName: '  SNU팩트체크 ', essayAuthor: '이현우' })
    writeSettings(store, { essayAuthor: '' })
    expect(readSettings(store).essayAuthor).toBe('버지니아대학교 이현우 교수')
  })

  it('settings-get / settings-set through the service: validated, http(s) only', async () => {
    const prefs = new PrefsStore(dir.file('prefs.json'), { reviewerName: 'x', lang: 'ko' } as Prefs)
    const session = new ReviewSession(store)
    const service = createService({ session, prefs, emit: () => undefined })
    const ok = await dispatch(service, 'settings-set', {
      organisationName: ' SNU팩트체크 ',
      factcheckUrl: 'https://factcheck.example.kr/a',
    })
    expect(ok).toMatchObject({
      ok: true,
      value: { organisationName: 'SNU팩트체크', factcheckUrl: 'https://factcheck.example.kr/a' },
    })
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x']) {
      const r = await dispatch(service, 'settings-set', { organisationUrl: bad })
      expect(r.ok, bad).toBe(false)
    }
    expect((await dispatch(service, 'settings-set', { essayPublished: '27 May' })).ok).toBe(false)
    expect((await dispatch(service, 'settings-set', { other: 'x' })).ok).toBe(false)
    expect(await dispatch(service, 'settings-get', {})).toMatchObject({
      ok: true,
      value: { organisationUrl: '', factcheckUrl: 'https://factcheck.example.kr/a' },
    })
    const exported = await dispatch(service, 'review-export', { format: 'html' })
    expect(exported).toMatchObject({
      ok: true,
      value: { fileName: '서울, 오픈AI의 전략적 거점이 되다.html', encoding: 'utf8' },
    })
    expect((await dispatch(service, 'review-export', { format: 'claimreview', factcheckUrl: 'javascript:x' })).ok).toBe(
      false,
    )
  })

  it('a review made from an essay file remembers its published date', () => {
    store.close()
    store = openEssay(parseEssayMarkdown('---\ntitle: T\npublished: 2025-05-27T09:00:00+09:00\n---\n\n본문.\n'))
    expect(readSettings(store).essayPublished).toBe('2025-05-27')
  })
})

import { noteText } from '../src/shared/exchange'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchorOf, freshReviews } from './helpers/exchange'
import { importFile } from '../src/core/exchange/files'
import { mergeIncoming } from '../src/core/exchange/merge'
import { IMPORT_LIMITS } from '../src/core/exchange/safeJson'
import { exportW3c, isW3cAnnotationData, readW3c } from '../src/core/exchange/w3c'
import { ReviewStore } from '../src/core/review/store'
import type { SourceFields } from '../src/shared/domain'
import { FactdeskError } from '../src/shared/errors'
import { codePointLength } from '../src/shared/text'
import { failedMusts, samples } from './fixtures/w3c/musts'
import { ROOT } from './helpers/essay'
import { readDocument } from '../src/core/document/queries'
import { allClaimRows, allSourceRows, listClaims } from '../src/core/claims/queries'
import { addSource, createClaim, deleteClaim, updateClaim } from '../src/core/claims/commands'

// Assertions walk exported JSON-LD freely; the schemas and the importer check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

const QUOTE_A = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다'
const QUOTE_B = '미국에 이어 챗GPT 유료 가입자 수 2위를 기록하며'
const QUOTE_C = '이미 아랍에미리트(UAE)는 이에 동참해'
const QUOTE_D = '권 CSO는 방한 중 국내 정치 관계자들과 회동을 가질 예정인데'
const BRUNCH_PAGE = 'https://brunch.co.kr/@hyunwoolee/12'

const source = (url: string, title = ''): SourceFields => ({
  url,
  title,
  publisher: title ? '오픈AI' : '',
  published: title ? '2025-05-26' : '',
  accessed: '2025-06-01',
  excerpt: title ? '서울 지사 설립' : '',
  archiveUrl: title ? 'https://web.archive.org/web/2025/https://openai.com/ko' : '',
})

const fresh = freshReviews()

const rangeOf = (store: ReviewStore, quote: string) => anchorOf(store, quote)

/** A review with notes, verdicts, statuses, sources, an edited claim, a deleted claim and an orphan. */
function seeded(): ReviewStore {
  const store = fresh()
  const a = createClaim(store, rangeOf(store, QUOTE_A), '김기자')
  updateClaim(store, a.id, { verdict: 'true', status: 'checked', note: '보도자료로 확인.\n\n둘째 문단.' }, '김기자')
  addSource(store, a.id, source('https://openai.com/ko/index/openai-korea', '오픈AI 한국 지사 발표'), '김기자')
  addSource(store, a.id, source('https://www.yna.co.kr/view/AKR2025'), '김기자')
  const b = createClaim(store, rangeOf(store, QUOTE_B), '이검증')
  updateClaim(store, b.id, { verdict: 'mostly-true', note: '2위는 유료 가입자 기준.' }, '이검증')
  updateClaim(store, b.id, { status: 'in-review' }, '김기자')
  createClaim(store, rangeOf(store, QUOTE_C), '이검증')
  const d = createClaim(store, rangeOf(store, QUOTE_D), '김기자')
  deleteClaim(store, d.id, '김기자')
  mergeIncoming(
    store,
    { format: 'bundle', documentText: 'old text', notes: [], sources: [], claims: [{ ...orphanClaim }] },
    { fileName: 'old.json', fileHash: 'sha256:0', importer: 'test' },
  )
  return store
}

/** A claim from an older text of the essay: not found in this one, so it is listed, not drawn. */
const orphanClaim = {
  ...{
    id: '6f1c4d0e-8d5b-4a8e-9c1a-3b2e1f0a9d77',
    exact: '이 문장은 이 판본의 본문에 없다',
    prefix: '',
    suffix: '',
    start: 3,
    end: 21,
  },
  ...{
    anchored: false,
    verdict: 'false' as const,
    status: 'open' as const,
    note: '옛 판본의 주장',
    author: '박팩트',
    modifiedBy: '박팩트',
  },
  ...{
    created: '2025-06-01T00:00:00.000Z',
    modified: '2025-06-01T00:00:00.000Z',
    revision: 1,
    deleted: false,
    version: 'v-orphan',
    history: ['v-orphan'],
  },
}

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const exported = (store: ReviewStore): Json => JSON.parse(JSON.stringify(exportW3c(store)))
const importJson = (store: ReviewStore, value: unknown, name = 'annotations.jsonld') =>
  importFile(store, name, bytes(value), 'tester')

/** Everything merging may touch, except the import log. */
const snapshot = (s: ReviewStore) =>
  JSON.stringify([
    allClaimRows(s),
    allSourceRows(s),
    [...s.versionHistories()],
    s.db.prepare('SELECT * FROM conflict').all(),
  ])

const comparable = (s: ReviewStore) =>
  listClaims(s).map((c) => ({
    id: c.id,
    exact: c.exact,
    start: c.start,
    verdict: c.verdict,
    status: c.status,
    note: c.note,
    anchored: c.anchored,
    version: c.version,
    sources: c.sources.map(({ id, url, title, publisher, published, accessed, excerpt, archiveUrl, version }) => ({
      ...{ id, url, title, publisher, published, accessed, excerpt, archiveUrl, version },
    })),
  }))

describe('W3C export', () => {
  it('the validator set-up passes the correct samples and fails every incorrect one', () => {
    for (const { name, value } of samples('correct')) {
      const kind = (value as Json).type === 'AnnotationCollection' ? 'collection' : 'annotation'
      expect(failedMusts(kind, value), name).toEqual([])
    }
    const incorrect = samples('incorrect')
    expect(incorrect.length).toBeGreaterThan(20)
    for (const { name, value } of incorrect) expect(failedMusts('annotation', value), name).not.toEqual([])
  })

  it('every annotation, the collection and its page pass all W3C MUST assertions', () => {
    const w3c = exported(seeded())
    expect(failedMusts('collection', w3c)).toEqual([])
    expect(failedMusts('page', w3c)).toEqual([])
    expect(w3c.first.items).toHaveLength(4)
    for (const item of w3c.first.items) expect(failedMusts('annotation', item), item.id).toEqual([])
    const empty = exported(fresh())
    expect(empty.total).toBe(0)
    expect([...failedMusts('collection', empty), ...failedMusts('page', empty)]).toEqual([])
  })

  it('writes claims as assessing annotations with selectors, labels, sources and versions', () => {
    const store = seeded()
    const w3c = exported(store)
    expect(w3c['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { factdesk: 'https://factdesk.app/ns#', assessing: 'http://www.w3.org/ns/oa#assessing' },
    ])
    expect(w3c).toMatchObject({
      id: `urn:uuid:${readDocument(store).id}`,
      type: 'AnnotationCollection',
      label: readDocument(store).title,
      total: 4,
    })
    const a = w3c.first.items.find((i: Json) => i.target.selector[0].exact === QUOTE_A)
    const claim = listClaims(store).find((c) => c.exact === QUOTE_A)!
    expect(a).toMatchObject({
      id: `urn:uuid:${claim.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      creator: { type: 'Person', name: '김기자' },
      'factdesk:status': 'checked',
      'factdesk:version': claim.version,
      target: {
        source: `urn:factdesk:document:${readDocument(store).id}`,
        selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector', start: claim.start, end: claim.end }],
      },
    })
    expect(a['factdesk:history'].length).toBeGreaterThan(1)
    expect(a.body[0]).toEqual({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' })
    expect(a.body[1]).toMatchObject({ purpose: 'assessing', value: '사실', 'factdesk:verdict': 'true' })
    expect(a.body.find((b: Json) => b.source === 'https://openai.com/ko/index/openai-korea')).toMatchObject({
      id: `urn:uuid:${claim.sources.find((s) => s.title)!.id}`,
      type: 'SpecificResource',
      purpose: 'linking',
      'factdesk:title': '오픈AI 한국 지사 발표',
      'factdesk:archiveUrl': 'https://web.archive.org/web/2025/https://openai.com/ko',
    })
    const c = w3c.first.items.find((i: Json) => i.target.selector[0].exact === QUOTE_C)
    expect(c.body).toHaveLength(1)
    expect(JSON.stringify(w3c)).not.toContain(QUOTE_D)
    const orphan = w3c.first.items.find((i: Json) => i.id === `urn:uuid:${orphanClaim.id}`)
    expect(orphan.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: orphanClaim.exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 3, end: 21 },
    ])
  })
})

describe('W3C round trip', () => {
  it('a new review of the same essay gets every claim, verdict, note, source and version; again is a no-op', async () => {
    const origin = seeded()
    const file = exported(origin)
    expect(isW3cAnnotationData(file)).toBe(true)
    const copy = fresh()
    const first = await importJson(copy, file)
    expect(first).toMatchObject({ format: 'w3c', added: 4, updated: 0, conflicts: 0, sourcesAdded: 2 })
    expect(first.unanchored).toEqual([{ id: orphanClaim.id, exact: orphanClaim.exact }])
    expect(first.notes).toEqual([])
    expect(comparable(copy)).toEqual(comparable(origin))
    const before = snapshot(copy)
    const again = await importJson(copy, file)
    expect(again).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 4,
      conflicts: 0,
      sourcesAdded: 0,
      sourcesUpdated: 0,
    })
    expect(snapshot(copy)).toBe(before)
    const back = snapshot(origin)
    expect(await importJson(origin, exported(copy))).toMatchObject({ added: 0, updated: 0, conflicts: 0 })
    expect(snapshot(origin)).toBe(back)
  })

  it('an annotation edited in another tool (version kept) arrives as a newer version', async () => {
    const store = seeded()
    const file = exported(store)
    const a = file.first.items.find((i: Json) => i.target.selector[0].exact === QUOTE_A)
    a.body[0].value = '다른 도구에서 고친 메모'
    a.body[2]['factdesk:title'] = '고친 제목'
    const summary = await importJson(store, file)
    expect(summary).toMatchObject({ updated: 1, conflicts: 0, sourcesUpdated: 1 })
    const claim = listClaims(store).find((c) => c.exact === QUOTE_A)!
    expect(claim.note).toBe('다른 도구에서 고친 메모')
    expect(claim.sources.map((s) => s.title)).toContain('고친 제목')
  })
})

const brunchText = readFileSync(join(ROOT, 'test/fixtures/seed-brunch.txt'), 'utf8')

function hypothesis(id: string, quote: string, body: unknown[], extra: Json = {}): Json {
  const start = codePointLength(brunchText.slice(0, brunchText.indexOf(quote)))
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://hypothes.is/a/${id}`,
    created: '2025-06-02T09:15:30.123456+00:00',
    modified: '2025-06-02T09:20:00.000000+00:00',
    creator: 'acct:kim@hypothes.is',
    body,
    target: [
      {
        source: BRUNCH_PAGE,
        selector: [
          {
            type: 'RangeSelector',
            startSelector: { type: 'XPathSelector', value: '/div[1]/p[3]' },
            endSelector: { type: 'XPathSelector', value: '/div[1]/p[3]' },
          },
          { type: 'TextPositionSelector', start, end: start + codePointLength(quote) },
          { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        ],
      },
    ],
    ...extra,
  }
}

describe('W3C import from other tools', () => {
  it('anchors Hypothesis annotations by their quote, keeps tags and replies, and says the page differed', async () => {
    const store = fresh()
    expect(brunchText.indexOf(QUOTE_A)).not.toBe(readDocument(store).text.indexOf(QUOTE_A))
    const file = [
      hypothesis('AbC123', QUOTE_A, [
        { type: 'TextualBody', value: '**보도자료** 확인 필요', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: '통계' },
        { type: 'TextualBody', purpose: 'tagging', value: '오픈AI' },
      ]),
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/Rep1',
        motivation: 'replying',
        creator: 'acct:lee@hypothes.is',
        target: 'https://hypothes.is/a/AbC123',
        body: [{ type: 'TextualBody', value: '동의합니다.' }, 'https://openai.com/ko'],
      },
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/Rep2',
        motivation: 'replying',
        creator: { name: '박' },
        target: { id: 'https://hypothes.is/a/Rep1' },
        bodyValue: '저도요',
      },
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/PageNote',
        body: { type: 'TextualBody', value: '페이지 메모' },
        target: BRUNCH_PAGE,
      },
    ]
    const summary = await importJson(store, file, 'hypothesis.jsonld')
    expect(summary).toMatchObject({ added: 1, unanchored: [] })
    const [claim] = listClaims(store)
    expect(claim).toMatchObject({
      ...rangeOf(store, QUOTE_A),
      verdict: 'unrated',
      author: 'Unknown (acct:kim@hypothes.is)',
      anchored: true,
    })
    expect(claim.note).toBe('**보도자료** 확인 필요')
    expect(claim.tags).toEqual(['오픈AI', '통계'])
    expect(claim.replies.map((r) => [r.author, r.body])).toEqual([
      ['Unknown (acct:lee@hypothes.is)', '동의합니다.'],
      ['박', '저도요'],
    ])
    expect(claim.sources.map((s) => s.url)).toEqual(['https://openai.com/ko'])
    expect(claim.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(summary.notes).toContainEqual({ code: 'annotations-other-page', params: { count: 1, page: BRUNCH_PAGE } })
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toContain('1 annotation was skipped')
    const before = snapshot(store)
    expect(await importJson(store, file, 'hypothesis.jsonld')).toMatchObject({ added: 0, unchanged: 1, conflicts: 0 })
    expect(snapshot(store)).toBe(before)
    file[0].body[0].value = '고친 메모'
    expect(await importJson(store, file, 'hypothesis.jsonld')).toMatchObject({ added: 0, conflicts: 1 })
  })

  it('reads rating labels in Korean and English, and keeps an unknown one in the note', async () => {
    const store = fresh()
    const rating = (value: string) => [{ type: 'TextualBody', purpose: 'assessing', value }]
    const pof = hypothesis('pof', QUOTE_C, [
      ...rating('Pants on Fire'),
      { type: 'TextualBody', purpose: 'commenting', value: '근거 없음' },
    ])
    const summary = await importJson(store, {
      type: 'AnnotationCollection',
      total: 3,
      first: {
        type: 'AnnotationPage',
        items: [hypothesis('ko', QUOTE_A, rating('대체로 사실'))],
        next: {
          type: 'AnnotationPage',
          items: [hypothesis('en', QUOTE_B, rating('  mostly FALSE ')), pof],
          next: null,
        },
      },
    })
    expect(summary.added).toBe(3)
    const byQuote = new Map(listClaims(store).map((c) => [c.exact, c]))
    expect(byQuote.get(QUOTE_A)!.verdict).toBe('mostly-true')
    expect(byQuote.get(QUOTE_B)!.verdict).toBe('mostly-false')
    expect(byQuote.get(QUOTE_C)).toMatchObject({
      verdict: 'unrated',
      note: '근거 없음\n\nOriginal rating: Pants on Fire',
    })
    expect(summary.notes).toContainEqual({ code: 'ratings-unknown', params: { count: 1, labels: ['Pants on Fire'] } })
    expect(
      noteText(
        'en',
        summary.notes.find((n) => n.code === 'ratings-unknown')!,
      ),
    ).toMatch(/^1 annotation has a rating .*“Pants on Fire”/)
    expect(
      noteText(
        'ko',
        summary.notes.find((n) => n.code === 'ratings-unknown')!,
      ),
    ).toMatch(/^주석 1건의 평가\(‘Pants on Fire’\)/)
  })

  it('stores http(s) links as sources and refuses javascript: links', async () => {
    const store = fresh()
    const summary = await importJson(
      store,
      hypothesis('links', QUOTE_A, [
        { type: 'SpecificResource', purpose: 'linking', source: 'javascript:alert(1)' },
        { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://openai.com/ko' } },
        'data:text/html,<script>alert(1)</script>',
      ]),
    )
    expect(listClaims(store)[0].sources.map((s) => s.url)).toEqual(['https://openai.com/ko'])
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toContain('2 links were not imported')
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toContain('javascript:, data:')
    expect(snapshot(store)).not.toMatch(/javascript:|data:text/)
  })

  it('takes the quote from the open essay when an annotation has only a position', async () => {
    const store = fresh()
    const { start, end } = rangeOf(store, QUOTE_B)
    const only = {
      type: 'Annotation',
      id: 'urn:x:1',
      target: { source: BRUNCH_PAGE, selector: { type: 'TextPositionSelector', start, end } },
    }
    await importJson(store, only)
    expect(listClaims(store)[0]).toMatchObject({ exact: QUOTE_B, start, end, anchored: true })
  })
})

describe('W3C import refuses bad files whole', () => {
  const good = () => hypothesis('ok', QUOTE_A, [])
  const withSelector = (selector: unknown) => ({ ...good(), target: { source: BRUNCH_PAGE, selector } })
  const cases: [string, unknown, RegExp][] = [
    ['items not a list', { type: 'AnnotationPage', items: { 0: good() } }, /items of page 1 are not a list/],
    ['an item not an annotation', [good(), { type: 'Note' }], /item 2 is not an Annotation/],
    [
      'negative position',
      withSelector({ type: 'TextPositionSelector', start: -1, end: 4 }),
      /whole numbers of 0 or more/,
    ],
    [
      'fractional position',
      withSelector({ type: 'TextPositionSelector', start: 1.5, end: 4 }),
      /whole numbers of 0 or more/,
    ],
    [
      'start after end',
      withSelector({ type: 'TextPositionSelector', start: 9, end: 4 }),
      /starts at 9, after its end at 4/,
    ],
    ['no selectors', [{ ...good(), target: BRUNCH_PAGE }], /none of its annotations selects text/],
    ['quote without exact', withSelector([{ type: 'TextQuoteSelector', prefix: 'a' }]), /has no "exact" text/],
    ['id not text', { ...good(), id: 42 }, /its id is missing or not text/],
    ['duplicate ids', [good(), good()], /has the same id/],
    [
      'page linked by address',
      { type: 'AnnotationCollection', id: 'urn:x', total: 3, first: 'https://example.org/page1' },
      /does not fetch pages/,
    ],
    [
      'missing pages',
      { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [good()] } },
      /says it holds 3 annotations/,
    ],
    ['quote too long', withSelector({ type: 'TextQuoteSelector', exact: 'x'.repeat(20_001) }), /longer than 20000/],
    ['bad time', { ...good(), created: 'yesterday' }, /created time is not a date/],
    [
      'too many',
      Array.from({ length: IMPORT_LIMITS.annotations + 1 }, (_, i) => ({
        type: 'Annotation',
        id: `a${i}`,
        target: 'x',
      })),
      /20,001 annotations, more than the 20,000/,
    ],
  ]
  it.each(cases)('%s', async (_, value, problem) => {
    const store = seeded()
    const before = snapshot(store)
    const imports = store.db.prepare('SELECT count(*) AS n FROM import_log').get()
    const err = await importJson(store, value, 'bad.jsonld').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FactdeskError)
    expect((err as FactdeskError).code).toMatch(/^import-/)
    expect((err as FactdeskError).params.file).toBe('bad.jsonld')
    expect((err as FactdeskError).message).toMatch(problem)
    expect((err as FactdeskError).message).toMatch(/^bad\.jsonld: .*Nothing was imported; the review is unchanged\.$/s)
    expect(snapshot(store)).toBe(before)
    expect(store.db.prepare('SELECT count(*) AS n FROM import_log').get()).toEqual(imports)
  })

  it('recognises W3C data only by its types', () => {
    expect(isW3cAnnotationData([good()])).toBe(true)
    expect(isW3cAnnotationData({ type: ['AnnotationCollection'], first: 'x' })).toBe(true)
    expect(isW3cAnnotationData([])).toBe(false)
    expect(isW3cAnnotationData({ items: [] })).toBe(false)
    expect(() => readW3c('x', { type: 'AnnotationCollection' }, '')).toThrow(/no first page/)
  })
})

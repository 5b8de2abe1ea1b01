import { noteText } from '../src/shared/exchange'
import jsonld from 'jsonld'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchorOf, freshReviews } from './helpers/exchange'
import { importFile } from '../src/core/exchange/files'
import { exportW3c } from '../src/core/exchange/w3c'
import { idFor } from '../src/core/exchange/w3cBodies'
import { writeSettings } from '../src/core/republish/settings'
import { ReviewStore } from '../src/core/review/store'
import { addReply, addTag } from '../src/core/thread/thread'
import { FactdeskError } from '../src/shared/errors'
import { runCli } from '../src/cli/run'
import { failedMusts } from './fixtures/w3c/musts'
import { bundledEssay, ROOT, tempDir } from './helpers/essay'
import { openReview } from '../src/core/review/open'
import { listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'

/** What the software that reads W3C annotations and Hypothesis's API JSON makes of Factdesk's files. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

const QUOTE_A = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다'
const QUOTE_B = '미국에 이어 챗GPT 유료 가입자 수 2위를 기록하며'
const HANGUL_LINK = 'https://ko.wikipedia.org/wiki/오픈AI?검색=지사#서울'
const ESSAY_URL = 'https://brunch.co.kr/@이현우/12'
const FIXTURES = join(ROOT, 'test/fixtures')
const W3C_CONTEXT = JSON.parse(readFileSync(join(FIXTURES, 'w3c/anno.jsonld'), 'utf8')) as Json

const fresh = freshReviews()
const rangeOf = (store: ReviewStore, quote: string) => anchorOf(store, quote)
const exported = (store: ReviewStore): Json => JSON.parse(JSON.stringify(exportW3c(store)))
const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))

/** A claim with a note, a verdict, a Hangul source link, a tag and a reply. */
function reviewed(): ReviewStore {
  const store = fresh()
  const a = createClaim(store, rangeOf(store, QUOTE_A), '김기자')
  updateClaim(store, a.id, { verdict: 'true', note: '보도자료로 확인.' }, '김기자')
  addSource(
    store,
    a.id,
    { url: HANGUL_LINK, title: '위키백과', publisher: '', published: '', accessed: '', excerpt: '', archiveUrl: '' },
    '김기자',
  )
  addTag(store, a.id, '통계', '김기자')
  addReply(store, a.id, '원문 확인했습니다.', '이검증')
  return store
}

/** Serves the context files from the fixtures: the expansion never touches the network. */
function loader(context: Json) {
  return async (url: string) => {
    if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`no network in tests: ${url}`)
    return { contextUrl: undefined, documentUrl: url, document: context }
  }
}

const OA = 'http://www.w3.org/ns/oa#'
const MOTIVATED_BY = `${OA}motivatedBy`
const HAS_PURPOSE = `${OA}hasPurpose`

/** Every @id under `key` anywhere in an expanded document. */
function idsUnder(node: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) idsUnder(n, key, out)
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) for (const x of v as { '@id': string }[]) out.push(x['@id'])
      idsUnder(v, key, out)
    }
  }
  return out
}

describe('W3C export read by W3C software', () => {
  it('percent-encodes Hangul addresses, so every annotation passes the MUST schemas with strict uri', () => {
    const store = reviewed()
    writeSettings(store, { essayUrl: ESSAY_URL })
    const w3c = exported(store)
    expect(w3c.first.items).toHaveLength(2)
    for (const item of w3c.first.items) expect(failedMusts('annotation', item), item.id).toEqual([])
    expect(failedMusts('collection', w3c)).toEqual([])
    const [claim] = w3c.first.items
    const link = claim.body.find((b: Json) => b.purpose === 'linking')
    expect(link.source).toBe(new URL(HANGUL_LINK).href)
    expect(link.source).toMatch(/^[\x21-\x7e]+$/)
    expect(link['factdesk:url']).toBe(HANGUL_LINK)
    // The check is real: the same annotation with the raw address fails the suite.
    const raw = { ...claim, body: claim.body.map((b: Json) => (b === link ? { ...b, source: HANGUL_LINK } : b)) }
    expect(failedMusts('annotation', raw)).not.toEqual([])
  })

  it('targets the essay address the review knows: the republication setting, else the document source', () => {
    const store = reviewed()
    expect(exported(store).first.items[0].target.source).toBe(`urn:factdesk:document:${readDocument(store).id}`)
    store.db.prepare(`UPDATE document SET source_url = ?`).run('https://brunch.co.kr/@hyunwoolee/12')
    expect(exported(store).first.items[0].target.source).toBe('https://brunch.co.kr/@hyunwoolee/12')
    writeSettings(store, { essayUrl: ESSAY_URL })
    const target = exported(store).first.items[0].target
    expect(target.source).toBe(new URL(ESSAY_URL).href)
    expect(target.source).toContain('/@%EC%9D%B4%ED%98%84%EC%9A%B0/12')
  })

  it.each([
    ['the context as published in 2017 (no "assessing")', W3C_CONTEXT],
    [
      'the corrected context',
      { ...W3C_CONTEXT, '@context': { ...W3C_CONTEXT['@context'], assessing: 'oa:assessing' } },
    ],
  ])('every motivation and purpose expands to the OA vocabulary under %s', async (_, context) => {
    const w3c = exported(reviewed())
    const expanded = await jsonld.expand(w3c as jsonld.JsonLdDocument, { documentLoader: loader(context) as never })
    const motivations = idsUnder(expanded, MOTIVATED_BY)
    const purposes = idsUnder(expanded, HAS_PURPOSE)
    expect(motivations.sort()).toEqual([`${OA}assessing`, `${OA}replying`])
    expect(new Set(purposes)).toEqual(
      new Set([`${OA}assessing`, `${OA}commenting`, `${OA}linking`, `${OA}tagging`, `${OA}replying`]),
    )
    for (const iri of [...motivations, ...purposes]) expect(iri).toMatch(/^http:\/\/www\.w3\.org\/ns\/oa#[a-z]+$/)
    // Factdesk's own data stays under its namespace.
    expect(JSON.stringify(expanded)).toContain('"https://factdesk.app/ns#verdict"')
  })

  it('reads its own percent-encoded export back to the same links: a round trip changes nothing', async () => {
    const origin = reviewed()
    const file = exported(origin)
    const copy = fresh()
    const summary = await importFile(copy, 'a.jsonld', bytes(file), 'tester')
    expect(summary).toMatchObject({ added: 1, sourcesAdded: 1 })
    expect(listClaims(copy)[0].sources[0].url).toBe(HANGUL_LINK)
    expect(await importFile(copy, 'a.jsonld', bytes(file), 'tester')).toMatchObject({
      added: 0,
      unchanged: 1,
      sourcesAdded: 0,
      sourcesUpdated: 0,
    })
  })
})

describe('Hypothesis API JSON', () => {
  it('a search response imports with its reply and tags as Factdesk replies and tags', async () => {
    const store = fresh()
    const summary = await importFile(
      store,
      'hypothesis-search.json',
      bytes(fixture('hypothesis-search.json')),
      'tester',
    )
    expect(summary).toMatchObject({ format: 'w3c', added: 2, unanchored: [] })
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toContain('1 annotation was skipped')
    const byQuote = new Map(listClaims(store).map((c) => [c.exact, c]))
    const a = byQuote.get(QUOTE_A)!
    expect(a).toMatchObject({ ...rangeOf(store, QUOTE_A), author: '김기자', anchored: true })
    expect(a.note).toBe('오픈AI 보도자료로 **확인** 필요. https://openai.com/ko/index/openai-korea')
    expect(a.tags.sort()).toEqual(['오픈AI', '출처확인', '통계'])
    expect(a.replies.map((r) => [r.author, r.body])).toEqual([['이검증', '보도자료 원문을 찾았습니다.']])
    // A creator with only an id and no name anywhere in the file says so, instead of passing the id off as a name.
    expect(byQuote.get(QUOTE_B)!.author).toBe('Unknown (acct:parkfact@hypothes.is)')
    const before = JSON.stringify(listClaims(store))
    expect(
      await importFile(store, 'hypothesis-search.json', bytes(fixture('hypothesis-search.json')), 'tester'),
    ).toMatchObject({ added: 0, unchanged: 2, conflicts: 0 })
    expect(JSON.stringify(listClaims(store))).toBe(before)
  })

  it('says when a search found more annotations than the file holds', async () => {
    const page = { ...(fixture('hypothesis-search.json') as Json), total: 250 }
    const summary = await importFile(fresh(), 'page1.json', bytes(page), 'tester')
    expect(summary.notes[0]).toEqual({ code: 'hypothesis-more-results', params: { total: 250, held: 4 } })
    expect(noteText('en', summary.notes[0])).toBe(
      'The Hypothesis search found 250 annotations; this file holds 4 of them (ask the API for the next page with search_after or offset).',
    )
  })

  it('a single annotation imports the same claim as its W3C form would', async () => {
    const store = fresh()
    const summary = await importFile(
      store,
      'hypothesis-annotation.json',
      bytes(fixture('hypothesis-annotation.json')),
      'tester',
    )
    expect(summary.added).toBe(1)
    const [claim] = listClaims(store)
    expect(claim).toMatchObject({ exact: QUOTE_B, author: '최편집', note: '가입자 순위의 출처가 필요합니다.' })
    // Hypothesis publishes the annotation as https://hypothes.is/a/<id>: both forms name one claim.
    expect(claim.id).toBe(idFor('https://hypothes.is/a/Wm5cK2hJEfC4'))
    expect(claim.tags).toEqual(['순위'])
  })

  it('`factdesk import hypothesis-search.json --review R` reads it directly', async () => {
    const dir = tempDir('factdesk-hypothesis-')
    try {
      const review = dir.file('desk.factdesk')
      openReview(review, bundledEssay()).close()
      let stdout = ''
      let stderr = ''
      const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), env: { USER: 'tester' } }
      const code = await runCli(['import', join(FIXTURES, 'hypothesis-search.json'), '--review', review, '--json'], io)
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect((JSON.parse(stdout) as Json).imported[0]).toMatchObject({
        format: 'w3c',
        added: 2,
        repliesAdded: 1,
        tagsChanged: 3,
      })
      const store = openReview(review)
      try {
        const claim = listClaims(store).find((c) => c.exact === QUOTE_A)!
        expect(claim.replies).toHaveLength(1)
        expect(claim.tags).toHaveLength(3)
      } finally {
        store.close()
      }
    } finally {
      dir.remove()
    }
  })
})

describe('an imported annotation keeps its identity', () => {
  it('re-exported, a Hypothesis annotation names its original id as `via`, through a second review too', async () => {
    const first = fresh()
    await importFile(first, 'hypothesis-search.json', bytes(fixture('hypothesis-search.json')), 'tester')
    const once = exported(first)
    const claimOf = (w3c: Json, quote: string) =>
      w3c.first.items.find((i: Json) => i.target.selector?.[0]?.exact === quote)
    expect(claimOf(once, QUOTE_A).via).toBe('https://hypothes.is/a/Kx7vQmP1EfCz')
    expect(claimOf(once, QUOTE_B).via).toBe('https://hypothes.is/a/Tq8nW3xYEfC2')
    for (const item of once.first.items) expect(failedMusts('annotation', item), item.id).toEqual([])
    const second = fresh()
    await importFile(second, 'first.jsonld', bytes(once), 'tester')
    const twice = exported(second)
    expect(claimOf(twice, QUOTE_A)).toMatchObject({
      id: claimOf(once, QUOTE_A).id,
      via: 'https://hypothes.is/a/Kx7vQmP1EfCz',
    })
  })

  it('keeps a canonical IRI as given, and leaves out an id the W3C schemas would not accept', async () => {
    const store = fresh()
    const target = (quote: string) => ({
      source: 'https://brunch.co.kr/@hyunwoolee/12',
      selector: { type: 'TextQuoteSelector', exact: quote },
    })
    await importFile(
      store,
      'mixed.jsonld',
      bytes([
        {
          type: 'Annotation',
          id: 'https://annotations.example/anno/7',
          canonical: 'urn:uuid:0b7c2f64-4a0e-4c8e-9e39-8f0a2b7d5c11',
          body: [],
          target: target(QUOTE_A),
        },
        { type: 'Annotation', id: '#a1', body: [], target: target(QUOTE_B) },
      ]),
      'tester',
    )
    const w3c = exported(store)
    const [a, b] = [QUOTE_A, QUOTE_B].map((q) => w3c.first.items.find((i: Json) => i.target.selector[0].exact === q))
    expect(a).toMatchObject({
      via: 'https://annotations.example/anno/7',
      canonical: 'urn:uuid:0b7c2f64-4a0e-4c8e-9e39-8f0a2b7d5c11',
    })
    expect(b.via).toBeUndefined()
    for (const item of w3c.first.items) expect(failedMusts('annotation', item), item.id).toEqual([])
  })
})

describe('tags and creators from other W3C tools', () => {
  const annotation = (id: string, quote: string, body: unknown[], creator: unknown) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id,
    creator,
    body,
    target: { source: 'https://brunch.co.kr/@hyunwoolee/12', selector: { type: 'TextQuoteSelector', exact: quote } },
  })

  it('Recogito tagging bodies become tags, and an id-only creator takes the name the file gives it elsewhere', async () => {
    const store = fresh()
    const file = [
      annotation(
        '#a1',
        QUOTE_A,
        [
          { type: 'TextualBody', purpose: 'tagging', value: '검증필요' },
          { type: 'TextualBody', purpose: 'commenting', value: '메모' },
        ],
        { id: 'https://recogito.org/u/42' },
      ),
      annotation('#a2', QUOTE_B, [{ type: 'TextualBody', purpose: 'tagging', value: '통계' }], {
        id: 'https://recogito.org/u/42',
        name: '정리서',
      }),
    ]
    await importFile(store, 'recogito.jsonld', bytes(file), 'tester')
    const byQuote = new Map(listClaims(store).map((c) => [c.exact, c]))
    expect(byQuote.get(QUOTE_A)).toMatchObject({ note: '메모', author: '정리서' })
    expect(byQuote.get(QUOTE_A)!.tags).toEqual(['검증필요'])
    expect(byQuote.get(QUOTE_B)).toMatchObject({ note: '', author: '정리서' })
    expect(byQuote.get(QUOTE_B)!.tags).toEqual(['통계'])
  })

  it('a file in no format Factdesk reads is refused with the formats named once', async () => {
    const err = (await importFile(fresh(), 'notes.json', bytes({ rows: 'x' }), 'tester').catch(
      (e: unknown) => e,
    )) as FactdeskError
    expect(err).toBeInstanceOf(FactdeskError)
    expect(err.message).toMatch(/^notes\.json: this file is none of the formats Factdesk reads: .*Hypothesis API JSON/)
    expect(err.message.match(/Nothing was imported/g)).toHaveLength(1)
    expect(err.message.match(/W3C Web Annotations/g)).toHaveLength(1)
    const dir = tempDir('factdesk-unknown-')
    try {
      const path = dir.file('notes.json')
      writeFileSync(path, '{"rows":"x"}')
      let stderr = ''
      const code = await runCli(['import', path, '--review', dir.file('new.factdesk')], {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        env: { USER: 'tester' },
      })
      expect(code).not.toBe(0)
      expect(stderr.match(/Nothing was imported/g)).toHaveLength(1)
      expect(stderr.match(/Hypothesis API JSON/g)).toHaveLength(1)
    } finally {
      dir.remove()
    }
  })
})

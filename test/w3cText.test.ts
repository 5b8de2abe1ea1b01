import { describe, expect, it } from 'vitest'
import {
  addSource,
  createClaim,
  deleteClaim,
  deleteSource,
  updateClaim,
  updateSource,
} from '../src/core/claims/commands'
import { exportReview } from '../src/core/exchange/files'
import { exportW3c, exportW3cText } from '../src/core/exchange/w3c'
import { recordOrigins } from '../src/core/exchange/w3cOrigin'
import { PIECES_PER_PART } from '../src/core/exchange/w3cExport'
import { writeSettings } from '../src/core/republish/settings'
import type { ReviewStore } from '../src/core/review/store'
import { addReply, addTag, setTagColor } from '../src/core/thread/thread'
import { anchorOf, freshReviews, sourceFields } from './helpers/exchange'
import { referenceW3c } from './helpers/w3cReference'
import { indented, inner, pad, stringList } from '../src/core/exchange/w3cText'

const fresh = freshReviews()
const reference = (store: ReviewStore): string => JSON.stringify(referenceW3c(store), null, 2)

const QUOTES = [
  '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다',
  '미국에 이어 챗GPT 유료 가입자 수 2위를 기록하며',
  '이미 아랍에미리트(UAE)는 이에 동참해',
  '권 CSO는 방한 중 국내 정치 관계자들과 회동을 가질 예정인데',
]

/** A review with every part an annotation can have: notes or none, authors or none, origins, links, tags, replies. */
function everyFeature(): ReviewStore {
  const store = fresh()
  const [a, b, c, d] = QUOTES.map((q, i) => createClaim(store, anchorOf(store, q), i === 2 ? '' : '김기자'))
  updateClaim(
    store,
    a.id,
    { verdict: 'true', status: 'checked', note: '보도자료로 확인.\n\n"둘째" 문단 \\ 끝.' },
    '김기자',
  )
  updateClaim(store, b.id, { verdict: 'mostly-false', note: '' }, '이검증')
  updateClaim(store, b.id, { status: 'in-review' }, '김기자')
  addSource(
    store,
    a.id,
    {
      ...sourceFields('https://openai.com/ko/index/openai-korea'),
      archiveUrl: 'https://web.archive.org/web/2025/https://openai.com/ko',
    },
    '김기자',
  )
  addSource(
    store,
    a.id,
    {
      url: 'https://www.yna.co.kr/view/AKR2025',
      title: '',
      publisher: '',
      published: '',
      accessed: '',
      excerpt: '',
      archiveUrl: '',
    },
    '김기자',
  )
  const hangulLink = sourceFields('https://예시.한국/기사/서울 지사?쪽=2#문단')
  const edited = addSource(store, b.id, hangulLink, '이검증')
  // Edited since: its version history, like a claim's, holds more than its own version.
  updateSource(store, edited.id, { ...hangulLink, title: '고친 "제목"' }, '김기자')
  addTag(store, a.id, '확인필요', '김기자')
  addTag(store, a.id, '정치', '')
  addTag(store, c.id, '정치', '이검증')
  setTagColor(store, '정치', '#d94f4f')
  addReply(store, a.id, '출처를 하나 더 찾아 주세요.\n"원문" 링크 포함', '이검증')
  addReply(store, c.id, '확인 😀', '')
  recordOrigins(store.db, [
    { claimId: a.id, via: 'https://hypothes.is/a/abc', canonical: 'urn:x-hypothesis:abc' },
    { claimId: b.id, via: 'https://hypothes.is/a/def', canonical: '' },
    { claimId: c.id, via: '', canonical: 'tag:example.org,2025:c' },
  ])
  deleteClaim(store, d.id, '김기자')
  // Links another tool left: a removed one, one not on the web (left out) and one whose archive link
  // is not (written without it).
  deleteSource(store, addSource(store, b.id, sourceFields('https://example.org/removed'), '이검증').id, '이검증')
  const offWeb = addSource(store, c.id, sourceFields('https://example.org/off-web'), '이검증')
  const offArchive = addSource(store, c.id, sourceFields('https://example.org/kept'), '이검증')
  store.db.prepare(`UPDATE source SET url = 'ftp://example.org/x' WHERE id = ?`).run(offWeb.id)
  store.db.prepare(`UPDATE source SET archive_url = 'file:///tmp/x' WHERE id = ?`).run(offArchive.id)
  // The commands clean what a user types; a file written by another tool may still hold a lone surrogate.
  store.db.prepare(`UPDATE claim SET note = ? WHERE id = ?`).run('줄\u2028바꿈 \ud800 😀\t끝', c.id)
  return store
}

// Characters JSON escapes or that text handling gets wrong: quotes, backslashes, controls, line and paragraph
// separators, lone surrogates, astral characters, Hangul.
const AWKWARD = [
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001f',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '😀',
  '가',
  'a',
  ' ',
  '/',
  '<',
  '\u007f',
]

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TEXT_COLUMNS: Record<string, string[]> = {
  claim: ['exact', 'prefix', 'suffix', 'note', 'author', 'modified_by', 'verdict', 'status', 'created', 'version'],
  source: ['title', 'publisher', 'published', 'accessed', 'excerpt'],
  claim_tag: ['name', 'author'],
  reply: ['body', 'author'],
  document: ['title'],
}

describe('the W3C export written as text', () => {
  it('is byte for byte the indented stringify of the annotation objects, for every feature', async () => {
    const store = everyFeature()
    const text = exportW3cText(store)
    expect(text).toBe(reference(store))
    expect((await exportReview(store, 'w3c', '김기자')).data).toBe(text)
    expect(exportW3c(store)).toEqual(referenceW3c(store))
    for (const part of [
      `"via"`,
      `"canonical"`,
      `"factdesk:url"`,
      `%EC%`,
      `"factdesk:color": "#d94f4f"`,
      `"replying"`,
      `"creator"`,
      `"commenting"`,
      '\u2028',
      '\\t끝',
      'https://example.org/kept',
    ])
      expect(text).toContain(part)
    for (const part of ['example.org/removed', 'ftp:', 'file:']) expect(text).not.toContain(part)
    // The histories longer than one version: the two edited claims' and the edited link's.
    const histories = [...text.matchAll(/"factdesk:history": \[([^\]]*)\]/g)].map((m) => m[1].split(',').length)
    expect(histories.filter((n) => n > 1).length).toBe(3)
    writeSettings(store, { essayUrl: 'https://brunch.co.kr/@hyunwoolee/12' })
    expect(exportW3cText(store)).toBe(reference(store))
  })

  it('stays identical whatever the stored strings hold', () => {
    const store = everyFeature()
    const next = random(20251130)
    const pick = (): string => {
      const length = Math.floor(next() * 8)
      let s = ''
      for (let i = 0; i < length; i++) s += AWKWARD[Math.floor(next() * AWKWARD.length)]
      return s
    }
    for (let round = 0; round < 40; round++) {
      for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
        for (const column of columns) {
          // Empty strings too: an empty note or author leaves its part out.
          store.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(pick(), 1 + Math.floor(next() * 4))
        }
      }
      expect(exportW3cText(store)).toBe(reference(store))
    }
  })

  // SQLite hands back a lone surrogate as replacement characters, so the pieces are checked directly.
  it('writes strings, lists and parts at any depth as the whole-object stringify does', () => {
    const list = ['a"\\', '\ud800', '\udfff😀', '\u2028', '\u0000\u001f\u007f', '']
    const part = { type: 'TextualBody', value: '\ud83d', list, empty: [], nested: { deep: [{ x: 1 }] } }
    for (const depth of [0, 1, 3, 5]) {
      const whole = JSON.stringify({ list, part, none: [] as string[], text: list.join('|') }, null, 2)
      const at = pad(depth + 1)
      const out = [`{${at}"list": `]
      stringList(at)(out, list)
      out.push(`,${at}"part": ${indented(part, at)},${at}"none": `)
      stringList(at)(out, [])
      out.push(`,${at}"text": "${inner(list.join('|'))}"${pad(depth)}}`)
      expect(out.join('')).toBe(whole.replaceAll('\n', pad(depth)))
    }
    for (const s of list) expect(`"${inner(s)}"`).toBe(JSON.stringify(s))
  })

  it('stays identical for a review large enough to be written in several parts', () => {
    const store = fresh()
    for (let i = 0; i < 500; i++) {
      const claim = createClaim(store, anchorOf(store, QUOTES[i % QUOTES.length]), i % 3 ? '김기자' : '')
      if (i % 2) updateClaim(store, claim.id, { verdict: 'false', note: `메모 ${i}` }, '이검증')
      if (i % 5 === 0) addSource(store, claim.id, sourceFields(`https://example.org/${i}`), '김기자')
    }
    // An annotation is written as some 40 pieces or more: 500 of them are more than two parts.
    expect(500 * 40).toBeGreaterThan(2 * PIECES_PER_PART)
    expect(exportW3cText(store)).toBe(reference(store))
  })

  it('writes an empty review as an empty page', () => {
    const store = fresh()
    expect(exportW3cText(store)).toBe(reference(store))
    expect(exportW3cText(store)).toContain('"items": []')
  })
})

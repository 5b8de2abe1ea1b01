import { describe, expect, it } from 'vitest'
import { addSource, createClaim, deleteClaim, deleteSource, updateClaim } from '../src/core/claims/commands'
import { exportBundle } from '../src/core/exchange/bundle'
import { exportBundleText, OBJECTS_PER_PART } from '../src/core/exchange/bundleText'
import { exportReview, importFile } from '../src/core/exchange/files'
import type { ReviewStore } from '../src/core/review/store'
import { addReply, addTag, setTagColor } from '../src/core/thread/thread'
import { anchorOf, freshReviews, Reviewer, sourceFields } from './helpers/exchange'
import { bundledEssay } from './helpers/essay'

/**
 * The bundle export is written in parts (src/core/exchange/bundleText.ts): its text must be the whole
 * bundle's indented stringify, byte for byte, whatever the review holds.
 */

const fresh = freshReviews()
const AT = '2025-06-01T09:00:00.000Z'
const whole = (store: ReviewStore): string => JSON.stringify(exportBundle(store, '김기자', AT), null, 2)

const QUOTES = ['오픈AI가 공식적으로 서울에 지사를', '챗GPT 유료 가입자 수 2위', '2025년 5월', '하이닉스']

/** A review with `n` claims, some with sources, notes, tags and replies, and history entries from an import. */
async function review(n: number): Promise<ReviewStore> {
  const other = new Reviewer('이검증', bundledEssay())
  try {
    for (let i = 0; i < n; i++) {
      const c = createClaim(other.store, anchorOf(other.store, QUOTES[i % QUOTES.length]), i % 3 ? '이검증' : '')
      if (i % 2) updateClaim(other.store, c.id, { verdict: 'false', note: `메모 ${i}\n"인용" \\ 끝` }, '이검증')
      if (i % 4 === 0) addSource(other.store, c.id, sourceFields(`https://example.org/${i}`), '이검증')
      if (i % 7 === 0) deleteClaim(other.store, c.id, '이검증')
    }
    const store = fresh()
    // The history entries of an import: one per claim, sharing one detail.
    await importFile(store, '이검증.factdesk.json', other.file(), '김기자')
    const [first] = store.db.prepare(`SELECT id FROM claim WHERE deleted = 0 LIMIT 1`).pluck().all() as string[]
    addTag(store, first, '정치', '김기자')
    setTagColor(store, '정치', '#d94f4f')
    addReply(store, first, '출처를 하나 더\n"원문"', '김기자')
    const s = addSource(store, first, sourceFields('https://example.org/removed'), '김기자')
    deleteSource(store, s.id, '김기자')
    return store
  } finally {
    other.close()
  }
}

describe('the bundle export written in parts', () => {
  it('is byte for byte the indented stringify of the whole bundle', async () => {
    const store = await review(12)
    const text = exportBundleText(store, '김기자', AT)
    expect(text).toBe(whole(store))
    const parsed = JSON.parse(text) as { claims: unknown[]; sources: unknown[]; events: unknown[] }
    expect(parsed.claims).toHaveLength(12)
    expect(parsed.sources.length).toBeGreaterThan(1)
    expect(parsed.events.length).toBeGreaterThan(12)
    // The export the desk and the CLI write is this text.
    const exported = (await exportReview(store, 'bundle', '김기자')).data
    expect(JSON.parse(exported)).toEqual({ ...parsed, exported: JSON.parse(exported).exported })
  })

  it('stays identical over several parts, and with strings JSON escapes', async () => {
    const store = await review(2 * OBJECTS_PER_PART + 3)
    store.db
      .prepare(`UPDATE claim SET note = ?, author = ? WHERE rowid = 2`)
      .run('줄\u2028바꿈 \u0000 😀\t끝 "q" \\', '김"기자')
    store.db.prepare(`UPDATE source SET title = ? WHERE rowid = 1`).run('제목\n\u001f')
    const text = exportBundleText(store, '김기자', AT)
    expect(text).toBe(whole(store))
    const parsed = JSON.parse(text) as { claims: unknown[]; events: unknown[] }
    expect(Math.min(parsed.claims.length, parsed.events.length)).toBeGreaterThan(2 * OBJECTS_PER_PART)
  })

  it('writes an empty review with empty lists', () => {
    const store = fresh()
    const text = exportBundleText(store, '김기자', AT)
    expect(text).toBe(whole(store))
    expect(text).toContain('\n  "claims": [],\n  "sources": [],')
  })
})

import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveConflict } from '../src/core/exchange/conflicts'
import { PrefsStore } from '../src/core/prefs/prefs'
import { queryClaims, searchClaimIds } from '../src/core/search/search'
import { reindexClaim, syncSearchIndex } from '../src/core/search/searchIndex'
import { createService, dispatch } from '../src/core/service'
import { ReviewSession } from '../src/core/review/session'
import { ReviewStore } from '../src/core/review/store'
import { foldSearchText, tally } from '../src/shared/claimQuery'
import type { Claim } from '../src/shared/domain'
import { codePointLength, describeRange } from '../src/shared/text'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, blockWith, editEssay, ONLY_IN_OTHER_COPY, Reviewer, sourceFields } from './helpers/exchange'
import { readDocument } from '../src/core/document/queries'
import {
  addSource,
  createClaim,
  deleteClaim,
  deleteSource,
  restoreClaim,
  updateClaim,
  updateSource,
} from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'
import { getClaim, listClaims } from '../src/core/claims/queries'

let dir: TempDir
let open: ReviewStore[]
const track = (s: ReviewStore): ReviewStore => (open.push(s), s)

beforeEach(() => {
  dir = tempDir()
  open = []
})
afterEach(() => {
  for (const s of open) s.close()
  dir.remove()
})

const ME = '김기자'

/** The quote of each matching claim, sorted, so a failure shows what was found. */
function found(store: ReviewStore, query: string): string[] | null {
  const ids = searchClaimIds(store.db, query)
  return ids === null ? null : [...ids].map((id) => getClaim(store, id).exact).sort()
}

/** Quotes of the claims a panel query lists, in its order. */
function listed(store: ReviewStore, query: Parameters<typeof queryClaims>[1]): string[] {
  return queryClaims(store, query).ids.map((id) => getClaim(store, id).exact)
}

// Claims on the bundled essay (Korean text with English words and numbers).
const RANK = '챗GPT 유료 가입자 수 2위'
const OFFICE = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다'
const STACK = '삼성전자, 하이닉스 등 글로벌 반도체 강자'
const UAE = '이미 아랍에미리트(UAE)는 이에 동참해'

/** A review of the bundled essay with four claims, and one that runs from one paragraph into the next. */
function deskWithClaims(path = ':memory:') {
  const store = track(openReview(path, bundledEssay()))
  const rank = createClaim(store, anchorOf(store, RANK), ME)
  const office = createClaim(store, anchorOf(store, OFFICE), ME)
  const stack = createClaim(store, anchorOf(store, STACK), '이팩트')
  const uae = createClaim(store, anchorOf(store, UAE), ME)
  // From the last words of the first section's paragraph to the first words of the next heading.
  const text = readDocument(store).text
  const from = text.indexOf('전환하고 있다는 신호다.')
  const to = text.indexOf('AI 소비를 넘어') + 'AI 소비를 넘어'.length
  expect(text.slice(from, to)).toContain('\n')
  const cross = createClaim(
    store,
    describeRange(text, codePointLength(text.slice(0, from)), codePointLength(text.slice(0, to))),
    ME,
  )
  return { store, rank, office, stack, uae, cross }
}

describe('search over Korean and English text', () => {
  it('finds words of three or more characters through the trigram index, in any case and normal form', () => {
    const { store, rank } = deskWithClaims()
    updateClaim(store, rank.id, { note: 'OpenAI press release says Korea ranks second in paid subscribers.' }, ME)
    expect(found(store, '오픈AI가 공식')).toEqual([OFFICE])
    expect(found(store, '반도체 강자')).toEqual([STACK])
    expect(found(store, '아랍에미리트')).toEqual([UAE])
    expect(found(store, 'press release')).toEqual([RANK])
    expect(found(store, 'PRESS Release')).toEqual([RANK])
    expect(found(store, 'openai')).toEqual([RANK])
    expect(found(store, '챗gpt')).toEqual([RANK])
    // The same Hangul typed decomposed (NFD), as some keyboards and pasted text deliver it.
    expect(found(store, '반도체 강자'.normalize('NFD'))).toEqual([STACK])
    expect(found(store, '없는 낱말입니다')).toEqual([])
    expect(found(store, 'subscribers in japan')).toEqual([])
  })

  it('finds one- and two-character queries, which the trigram index alone misses', () => {
    const { store, rank, cross } = deskWithClaims()
    updateClaim(store, rank.id, { note: '서울 지사 발표 확인' }, ME)
    // The trigram index alone returns nothing for these: that is what the fallback covers.
    expect(store.db.prepare(`SELECT count(*) FROM claim_search WHERE claim_search MATCH '"서울"'`).pluck().get()).toBe(
      0,
    )
    expect(found(store, '서울')).toEqual([OFFICE, RANK].sort())
    expect(found(store, 'AI')).toEqual([OFFICE, getClaim(store, cross.id).exact].sort())
    expect(found(store, 'ai')).toEqual(found(store, 'AI'))
    expect(found(store, 'Ai')).toEqual(found(store, 'AI'))
    expect(found(store, '2위')).toEqual([RANK])
    expect(found(store, '위')).toEqual([RANK])
    expect(found(store, '강')).toEqual([STACK])
    expect(found(store, 'U')).toEqual([UAE])
    expect(found(store, '(')).toEqual([UAE])
    expect(found(store, '팩트')).toEqual([])
  })

  it('finds a query that runs across a line break, typed with a space or the line break', () => {
    const { store, cross } = deskWithClaims()
    expect(getClaim(store, cross.id).exact).toMatch(/신호다\.\nAI 소비/)
    const quote = getClaim(store, cross.id).exact
    expect(found(store, '신호다. AI 소비')).toEqual([quote])
    expect(found(store, '신호다.\nAI 소비')).toEqual([quote])
    expect(found(store, '신호다.\r\n\r\n  AI 소비')).toEqual([quote])
    expect(found(store, '  신호다.   ai   소비를  ')).toEqual([quote])
    // Short queries over the break fall back to the scan and still match: "다. A" is 4, ". A" 3, ".\nA" 3.
    expect(found(store, '.\nA')).toEqual([quote])
    // A note with a line break is searchable across it too.
    const { rank } = { rank: listClaims(store).find((c) => c.exact === RANK)! }
    updateClaim(store, rank.id, { note: '첫 줄의 끝\n\n둘째 줄의 시작' }, ME)
    expect(found(store, '끝 둘째')).toEqual([RANK])
    expect(found(store, '끝 둘')).toEqual([RANK])
  })

  it('takes quotes, percent signs and underscores in a query literally', () => {
    const { store, rank, office, stack } = deskWithClaims()
    updateClaim(store, rank.id, { note: '가입자 50% 증가, "공식 발표" 인용' }, ME)
    updateClaim(store, office.id, { note: 'file_name 참고' }, ME)
    updateClaim(store, stack.id, { note: '가입자 50명 증가' }, ME)
    expect(found(store, '%')).toEqual([RANK])
    expect(found(store, '0%')).toEqual([RANK])
    expect(found(store, '50%')).toEqual([RANK])
    expect(found(store, '_')).toEqual([OFFICE])
    expect(found(store, 'e_n')).toEqual([OFFICE])
    expect(found(store, '"공식 발표"')).toEqual([RANK])
    expect(found(store, '"공')).toEqual([RANK])
    expect(found(store, '"')).toEqual([RANK])
    expect(found(store, 'x" OR "y')).toEqual([])
    expect(found(store, '\\')).toEqual([])
  })

  it('does not match across the boundary between two fields', () => {
    const { store, rank } = deskWithClaims()
    updateClaim(store, rank.id, { note: '메모 시작' }, ME)
    expect(found(store, '2위')).toEqual([RANK])
    expect(found(store, '2위 메모')).toEqual([])
    expect(found(store, '위 메')).toEqual([])
  })

  it('treats an empty or blank query as no search', () => {
    const { store } = deskWithClaims()
    expect(searchClaimIds(store.db, '')).toBeNull()
    expect(searchClaimIds(store.db, ' \n\t ')).toBeNull()
    expect(foldSearchText(' 서울\n\nAI ')).toBe('서울 ai')
  })
})

describe('the search index follows every change', () => {
  it('of the note, sources, removal and restore', () => {
    const { store, rank } = deskWithClaims()
    expect(found(store, '연합뉴스')).toEqual([])
    updateClaim(store, rank.id, { note: '연합뉴스 보도' }, ME)
    expect(found(store, '연합뉴스')).toEqual([RANK])
    updateClaim(store, rank.id, { note: '다른 메모' }, ME)
    expect(found(store, '연합뉴스')).toEqual([])

    const src = addSource(
      store,
      rank.id,
      {
        ...sourceFields('https://www.yna.co.kr/view/AKR2025'),
        title: 'OpenAI opens Seoul office',
        publisher: 'Yonhap',
        excerpt: '두 번째로 많은 나라',
      },
      ME,
    )
    expect(found(store, 'seoul office')).toEqual([RANK])
    expect(found(store, 'yonhap')).toEqual([RANK])
    expect(found(store, 'yna.co.kr')).toEqual([RANK])
    expect(found(store, '번째로')).toEqual([RANK])
    updateSource(store, src.id, { ...sourceFields('https://example.org/x'), title: '다른 제목' }, ME)
    expect(found(store, 'yonhap')).toEqual([])
    expect(found(store, '다른 제목')).toEqual([RANK])
    deleteSource(store, src.id, ME)
    expect(found(store, '다른 제목')).toEqual([])

    deleteClaim(store, rank.id, ME)
    expect(found(store, '2위')).toEqual([])
    restoreClaim(store, rank.id, ME)
    expect(found(store, '2위')).toEqual([RANK])
  })

  it('of replies and tags (rows in reply and claim_tag)', () => {
    const { store, rank, stack } = deskWithClaims()
    const t = new Date().toISOString()
    const replyId = randomUUID()
    store.db
      .prepare(
        `INSERT INTO reply (id, claim_id, author, body, created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(replyId, rank.id, '이팩트', '통계청 자료와 대조 필요', t, t, randomUUID())
    store.db
      .prepare(
        `INSERT INTO claim_tag (id, claim_id, name, author, created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), stack.id, '반도체', ME, t, t, randomUUID())
    expect(found(store, '통계청')).toEqual([RANK])
    expect(found(store, '대조')).toEqual([RANK])
    expect(found(store, '반도체')).toEqual([STACK])
    store.db.prepare(`UPDATE reply SET deleted = 1 WHERE id = ?`).run(replyId)
    expect(found(store, '통계청')).toEqual([])
  })

  it('of a merge and of resolving a conflict', async () => {
    const essay = bundledEssay()
    const me = new Reviewer(ME, essay)
    const other = new Reviewer('박검증', essay)
    try {
      const a = createClaim(me.store, anchorOf(me.store, RANK), ME)
      await other.receive(me)
      updateClaim(other.store, a.id, { note: '국제 비교 통계 확인' }, '박검증')
      createClaim(other.store, anchorOf(other.store, STACK), '박검증')
      expect(found(me.store, '국제 비교')).toEqual([])
      await me.receive(other)
      expect(found(me.store, '국제 비교')).toEqual([RANK])
      expect(found(me.store, '하이닉스')).toEqual([STACK])

      // Both change the note: a conflict; taking theirs puts their words in the index.
      updateClaim(me.store, a.id, { note: '내 메모' }, ME)
      updateClaim(other.store, a.id, { note: '그쪽 메모' }, '박검증')
      const summary = await me.receive(other)
      expect(summary.conflicts).toBe(1)
      expect(found(me.store, '그쪽')).toEqual([])
      const [conflict] = me.store.db.prepare(`SELECT id FROM conflict WHERE resolved = ''`).pluck().all() as string[]
      resolveConflict(me.store, conflict, { all: 'theirs' }, ME)
      expect(found(me.store, '그쪽')).toEqual([RANK])
      expect(found(me.store, '내 메모')).toEqual([])
    } finally {
      me.close()
      other.close()
    }
  })

  it('of changes made through another connection, and repairs a stale index in the file', () => {
    const path = dir.file('desk.factdesk')
    const { store, rank } = deskWithClaims(path)
    expect(found(store, '2위')).toEqual([RANK])
    // Another connection (the CLI, another tool) writes to the same file.
    const other = track(openReview(path))
    updateClaim(other, rank.id, { note: '다른 연결에서 쓴 메모' }, '박검증')
    expect(found(store, '연결에서')).toEqual([RANK])
    // A file whose index was damaged or written by a tool that does not keep it.
    other.db.prepare(`DELETE FROM claim_search`).run()
    other.db.prepare(`INSERT INTO claim_search (claim_id, body) VALUES (?, ?)`).run(randomUUID(), '유령')
    store.close()
    const reopened = track(openReview(path))
    expect(found(reopened, '연결에서')).toEqual([RANK])
    expect(found(reopened, '유령')).toEqual([])
    expect(syncSearchIndex(reopened.db)).toBe(0)
    // A stray row (not at its claim's own row) never matches, and the next full check removes it.
    reopened.db
      .prepare(`INSERT INTO claim_search (rowid, claim_id, body) VALUES (?, ?, ?)`)
      .run(987654, rank.id, '엉뚱한 본문')
    expect(found(reopened, '엉뚱한')).toEqual([])
    expect(syncSearchIndex(reopened.db)).toBe(1)
    expect(reopened.db.prepare(`SELECT count(*) FROM claim_search WHERE rowid = 987654`).pluck().get()).toBe(0)
    // reindexClaim repairs one claim on request.
    reopened.db.prepare(`UPDATE claim_search SET body = '' WHERE claim_id = ?`).run(rank.id)
    reindexClaim(reopened.db, rank.id)
    expect(syncSearchIndex(reopened.db)).toBe(0)
  })

  it('rolls back with a failed change', () => {
    const { store, rank } = deskWithClaims()
    expect(found(store, '2위')).toEqual([RANK])
    expect(() =>
      store.db.transaction(() => {
        store.db.prepare(`UPDATE claim SET note = '사라질 메모' WHERE id = ?`).run(rank.id)
        throw new Error('refused')
      })(),
    ).toThrow('refused')
    expect(found(store, '사라질')).toEqual([])
    expect(found(store, '2위')).toEqual([RANK])
  })
})

describe('filters combined with search', () => {
  it('narrow by verdict, status, reviewer, tag, missing source, unanchored and conflict, with the search', async () => {
    const { store, rank, office, stack, uae } = deskWithClaims()
    updateClaim(store, rank.id, { verdict: 'mostly-true', status: 'checked', note: '서울 통계' }, ME)
    updateClaim(store, office.id, { verdict: 'true' }, ME)
    updateClaim(store, stack.id, { verdict: 'mostly-true', note: '서울 기업' }, '이팩트')
    addSource(store, office.id, sourceFields('https://openai.com/ko'), ME)
    const t = new Date().toISOString()
    store.db
      .prepare(
        `INSERT INTO claim_tag (id, claim_id, name, author, created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), stack.id, 'AI 산업', ME, t, t, randomUUID())

    // In the essay, the office comes before the ranking.
    expect(listed(store, { query: '서울' })).toEqual([OFFICE, RANK, STACK])
    expect(listed(store, { query: '서울', filters: { verdict: 'mostly-true' } })).toEqual([RANK, STACK])
    expect(listed(store, { query: '서울', filters: { verdict: 'mostly-true', status: 'checked' } })).toEqual([RANK])
    expect(listed(store, { query: '통계', filters: { verdict: 'true' } })).toEqual([])
    expect(listed(store, { filters: { reviewer: '이팩트' } })).toEqual([STACK])
    expect(listed(store, { query: '서울', filters: { reviewer: ME } })).toEqual([OFFICE, RANK])
    expect(listed(store, { query: '서울', filters: { noSource: true } })).toEqual([RANK, STACK])
    expect(listed(store, { filters: { tag: 'ai 산업' } })).toEqual([STACK])
    expect(listed(store, { query: '2위', filters: { tag: 'AI 산업' } })).toEqual([])
    expect(listed(store, { filters: { unanchored: true } })).toEqual([])
    expect(listed(store, { filters: { conflict: true } })).toEqual([])

    const result = queryClaims(store, {})
    expect(result.ids).toHaveLength(5)
    expect(result.tags).toEqual(['AI 산업'])
    expect(result.reviewers).toEqual([ME, '이팩트'].sort(new Intl.Collator(['ko', 'en']).compare))

    // Sorted by last change: the claim changed last comes first; a source counts as a change.
    addSource(store, uae.id, sourceFields('https://example.org/uae'), ME)
    expect(listed(store, { sort: 'modified' })[0]).toBe(UAE)
    updateClaim(store, rank.id, { note: '서울 통계 다시 확인' }, ME)
    expect(listed(store, { sort: 'modified' })[0]).toBe(RANK)
    const byChange = listed(store, { sort: 'modified' })
    // (UAE's new source has "서울 지사" in its excerpt.)
    const seoul = listed(store, { query: '서울' })
    expect(seoul).toHaveLength(4)
    expect(listed(store, { query: '서울', sort: 'modified' })).toEqual(byChange.filter((q) => seoul.includes(q)))
  })

  it('finds unanchored and conflicted claims after an import, combined with the search', async () => {
    const essay = bundledEssay()
    const me = new Reviewer(ME, essay)
    const other = new Reviewer('박검증', essay)
    try {
      const a = createClaim(me.store, anchorOf(me.store, RANK), ME)
      await other.receive(me)
      updateClaim(me.store, a.id, { note: '내 판단' }, ME)
      updateClaim(other.store, a.id, { note: '그쪽 판단' }, '박검증')
      // A claim made on another copy of the essay, on a sentence this one does not have: it comes in unanchored.
      const third = new Reviewer(
        '이팩트',
        editEssay(essay, (blocks) => {
          blocks[blockWith(blocks, '오픈AI가 서울을 선택한 것')].inlines.push({ text: ' ' + ONLY_IN_OTHER_COPY })
        }),
      )
      createClaim(third.store, anchorOf(third.store, ONLY_IN_OTHER_COPY), '이팩트')
      await me.receive(third)
      third.close()
      await me.receive(other)
      expect(listed(me.store, { filters: { conflict: true } })).toEqual([RANK])
      expect(listed(me.store, { query: '2위', filters: { conflict: true } })).toEqual([RANK])
      expect(listed(me.store, { query: '다른 판본', filters: { conflict: true } })).toEqual([])
      expect(listed(me.store, { filters: { unanchored: true } })).toEqual([ONLY_IN_OTHER_COPY])
      expect(listed(me.store, { query: '다른 판본', filters: { unanchored: true } })).toEqual([ONLY_IN_OTHER_COPY])
      // Position order lists unanchored claims last.
      expect(listed(me.store, {})).toEqual([RANK, ONLY_IN_OTHER_COPY])
    } finally {
      me.close()
      other.close()
    }
  })
})

describe('counts per verdict and status', () => {
  it('are right after edits and after an import', async () => {
    const essay = bundledEssay()
    const me = new Reviewer(ME, essay)
    const other = new Reviewer('박검증', essay)
    const counts = (claims: Claim[]) => {
      const t = tally(claims)
      return {
        total: t.total,
        verdicts: Object.fromEntries(Object.entries(t.verdicts).filter(([, n]) => n > 0)),
        statuses: Object.fromEntries(Object.entries(t.statuses).filter(([, n]) => n > 0)),
      }
    }
    try {
      const a = createClaim(me.store, anchorOf(me.store, RANK), ME)
      const b = createClaim(me.store, anchorOf(me.store, OFFICE), ME)
      expect(counts(listClaims(me.store))).toEqual({ total: 2, verdicts: { unrated: 2 }, statuses: { open: 2 } })
      updateClaim(me.store, a.id, { verdict: 'mostly-true', status: 'checked' }, ME)
      expect(counts(listClaims(me.store))).toEqual({
        total: 2,
        verdicts: { unrated: 1, 'mostly-true': 1 },
        statuses: { open: 1, checked: 1 },
      })
      deleteClaim(me.store, b.id, ME)
      expect(counts(listClaims(me.store))).toEqual({
        total: 1,
        verdicts: { 'mostly-true': 1 },
        statuses: { checked: 1 },
      })

      const c = createClaim(other.store, anchorOf(other.store, STACK), '박검증')
      updateClaim(other.store, c.id, { verdict: 'false', status: 'in-review' }, '박검증')
      createClaim(other.store, anchorOf(other.store, UAE), '박검증')
      await me.receive(other)
      expect(counts(listClaims(me.store))).toEqual({
        total: 3,
        verdicts: { 'mostly-true': 1, false: 1, unrated: 1 },
        statuses: { checked: 1, 'in-review': 1, open: 1 },
      })
      // The panel's query agrees with the list the counts come from.
      expect(queryClaims(me.store, {}).ids.sort()).toEqual(
        listClaims(me.store)
          .map((x) => x.id)
          .sort(),
      )
      expect(queryClaims(me.store, { filters: { verdict: 'false' } }).ids).toEqual([c.id])
    } finally {
      me.close()
      other.close()
    }
  })
})

describe("the 'claims-search' call", () => {
  it('answers through the service and validates its question', async () => {
    const { store, rank } = deskWithClaims()
    const session = new ReviewSession(store)
    const service = createService({
      session,
      prefs: new PrefsStore(null, { reviewerName: ME, lang: 'ko' }),
      emit: () => undefined,
    })
    const ask = (args: unknown) => dispatch(service, 'claims-search', args)
    updateClaim(store, rank.id, { verdict: 'true' }, ME)
    const answer = await ask({ query: '2위', filters: { verdict: 'true' }, sort: 'position' })
    expect(answer).toMatchObject({
      ok: true,
      value: { ids: [rank.id], reviewers: [ME, '이팩트'].sort(new Intl.Collator(['ko', 'en']).compare) },
    })
    expect(await ask({})).toMatchObject({ ok: true, value: { ids: expect.arrayContaining([rank.id]) } })
    for (const bad of [
      { query: 'x'.repeat(501) },
      { sort: 'random' },
      { filters: { verdict: 'NOT A VERDICT' } },
      { filters: { status: 'done' } },
      { filters: { noSource: 'yes' } },
      { filters: { admin: true } },
      { query: '서울', extra: 1 },
    ]) {
      expect(await ask(bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBundle } from '../src/core/exchange/bundle'
import { listConflicts, resolveConflict } from '../src/core/exchange/conflicts'
import { importFile } from '../src/core/exchange/files'
import { splitReplyId } from '../src/core/exchange/mergeThread'
import { ReviewStore } from '../src/core/review/store'
import { addReply, addTag, deleteReply, listTags, removeTag, setTagColor, updateReply } from '../src/core/thread/thread'
import { tagsByClaim, threadText } from '../src/core/thread/queries'
import { claimHistory } from '../src/core/review/history'

import { errorText, FactdeskError } from '../src/shared/errors'
import { describeEvent } from '../src/shared/historyText'
import { TAG_PALETTE } from '../src/shared/thread'
import { deskTest } from './helpers/service'
import { exportW3c } from '../src/core/exchange/w3c'
import { failedMusts } from './fixtures/w3c/musts'
import { bundledEssay, factdeskError, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, bytesOf, dump, refused, Reviewer, sourceFields, markTwoClaims } from './helpers/exchange'
import { getClaim, listClaims } from '../src/core/claims/queries'
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

/** The tables a claim's discussion lives in. */
// The history as every reader has it: an import's entries are one row in one file, rows of their own in the next.
const THREAD_TABLES = ['reply', 'claim_tag', 'tag_style', 'claim_event'] as const
const thread = (s: ReviewStore) => dump(s, THREAD_TABLES, { claim_event: ['seq'] })
const kinds = (s: ReviewStore, claimId: string) => claimHistory(s, claimId).map((e) => e.kind)

let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

describe('tags', () => {
  let s: ReviewStore
  let x: string, y: string
  beforeEach(() => {
    s = openReview(':memory:', bundledEssay())
    x = createClaim(s, anchorOf(s, '챗GPT 유료 가입자 수 2위'), '김기자').id
    y = createClaim(s, anchorOf(s, '2025년 5월'), '김기자').id
  })
  afterEach(() => s.close())

  it('are free text: trimmed, NFC, inner white space as one space, at most 50 characters', () => {
    expect(addTag(s, x, '  통계\u00a0 확인  ', '김기자')).toBe('통계 확인')
    // "한" typed as decomposed jamo (NFD) is the same tag as the composed syllable.
    expect(addTag(s, x, '\u1112\u1161\u11ab국', '김기자')).toBe('한국')
    expect(getClaim(s, x).tags).toEqual(['통계 확인', '한국'])
    expect(factdeskError(() => addTag(s, x, '   ', '김기자'), 'tag-empty').message).toMatch(/at least one letter/)
    expect(factdeskError(() => addTag(s, x, '가'.repeat(51), '김기자'), 'tag-too-long').params).toEqual({ max: 50 })
    expect(addTag(s, x, '가'.repeat(50), '김기자')).toBe('가'.repeat(50))
    expect(factdeskError(() => addTag(s, x, 'a\u0007b', '김기자'), 'tag-control-characters').message).toMatch(/control/)
  })

  it('are one tag whatever the case, and keep the spelling the review already uses', () => {
    addTag(s, x, 'AI', '김기자')
    expect(addTag(s, x, 'ai', '김기자')).toBe('AI') // already on the claim: nothing changes
    expect(addTag(s, y, 'ａｉ', '이팩트')).toBe('AI') // full-width, another claim: the review's spelling
    expect(getClaim(s, x).tags).toEqual(['AI'])
    expect(getClaim(s, y).tags).toEqual(['AI'])
    expect(s.db.prepare(`SELECT count(*) FROM claim_tag`).pluck().get()).toBe(2)
  })

  it('are listed with a calm colour each and the number of claims, and the colour can be changed', () => {
    const names = ['통계', '인물', '날짜', '순위', '인용', '기관', '수치', '발표']
    for (const n of names) addTag(s, x, n, '김기자')
    addTag(s, y, '통계', '김기자')
    const list = listTags(s)
    expect(list.map((t) => t.name)).toEqual([...names].sort(new Intl.Collator('ko').compare))
    expect(list.find((t) => t.name === '통계')).toMatchObject({ count: 2 })
    const palette = TAG_PALETTE.map((p) => p.color) as string[]
    // The first eight tags take the eight palette colours, one each.
    expect(new Set(list.map((t) => t.color))).toEqual(new Set(palette))
    const changed = setTagColor(s, '통계', TAG_PALETTE[4].color)
    expect(changed.find((t) => t.name === '통계')?.color).toBe(TAG_PALETTE[4].color)
    expect(factdeskError(() => setTagColor(s, '없는 태그', '#ffffff'), 'tag-unused').params).toEqual({
      name: '없는 태그',
    })
    // A removed claim's tags no longer count.
    deleteClaim(s, y, '김기자')
    expect(listTags(s).find((t) => t.name === '통계')).toMatchObject({ count: 1 })
  })

  it('are removed by name, and can be added again (as a new row)', () => {
    addTag(s, x, '통계', '김기자')
    removeTag(s, x, '통계', '김기자')
    expect(getClaim(s, x).tags).toEqual([])
    expect(factdeskError(() => removeTag(s, x, '통계', '김기자'), 'tag-not-on-claim').params).toEqual({ name: '통계' })
    addTag(s, x, '통계', '김기자')
    expect(getClaim(s, x).tags).toEqual(['통계'])
    expect(s.db.prepare(`SELECT deleted FROM claim_tag ORDER BY created, deleted DESC`).pluck().all()).toEqual([1, 0])
    expect(kinds(s, x).slice(0, 3)).toEqual(['tag-added', 'tag-removed', 'tag-added'])
  })

  it('give the search index its text (threadText) and the filters their names (tagsByClaim)', () => {
    addTag(s, x, '통계', '김기자')
    addReply(s, x, '발표 자료와 대조함', '김기자')
    expect(threadText(s.db, x)).toBe('발표 자료와 대조함\n통계')
    expect(tagsByClaim(s.db).get(x)).toEqual(['통계'])
  })
})

describe('replies', () => {
  let s: ReviewStore
  let x: string
  beforeEach(() => {
    s = openReview(':memory:', bundledEssay())
    x = createClaim(s, anchorOf(s, '챗GPT 유료 가입자 수 2위'), '김기자').id
  })
  afterEach(() => s.close())

  it('carry their author and time; the author edits and deletes them', () => {
    const r = addReply(s, x, '  2위는 유료 가입자 기준입니다.  ', '이팩트')
    expect(r).toMatchObject({ claimId: x, author: '이팩트', body: '2위는 유료 가입자 기준입니다.', revision: 1 })
    expect(Date.parse(r.created)).toBeGreaterThan(0)
    const edited = updateReply(s, r.id, '2위는 유료 가입자 수 기준입니다.', '이팩트')
    expect(edited).toMatchObject({ body: '2위는 유료 가입자 수 기준입니다.', revision: 2, created: r.created })
    expect(edited.version).not.toBe(r.version)
    expect(getClaim(s, x).replies.map((p) => p.body)).toEqual(['2위는 유료 가입자 수 기준입니다.'])
    deleteReply(s, r.id, '이팩트')
    expect(getClaim(s, x).replies).toEqual([])
    expect(factdeskError(() => updateReply(s, r.id, '다시', '이팩트'), 'reply-not-found'))
  })

  it('refuse to let anyone else edit or delete them, and say why', () => {
    const r = addReply(s, x, '출처가 더 필요합니다.', '이팩트')
    const edit = factdeskError(() => updateReply(s, r.id, '고침', '김기자'), 'reply-not-yours')
    expect(edit.params).toEqual({ action: 'edit', owner: '이팩트', you: '김기자' })
    expect(edit.message).toBe('You can only edit your own replies: this is 이팩트’s reply, and you are “김기자”.')
    expect(errorText('ko', edit)).toBe(
      '내 답글만 수정할 수 있습니다. 이 답글은 이팩트 님의 글이고, 지금 이름은 ‘김기자’입니다.',
    )
    expect(factdeskError(() => deleteReply(s, r.id, '김기자'), 'reply-not-yours').params).toMatchObject({
      action: 'delete',
    })
    // No name set: nobody's reply is yours.
    const anonymous = addReply(s, x, '이름 없이 남긴 답글', '')
    expect(factdeskError(() => deleteReply(s, anonymous.id, ''), 'reply-not-yours').message).toMatch(
      /no reviewer name is set/,
    )
    // (Replies are in order of creation; two made within the same millisecond are ordered by id.)
    expect(
      getClaim(s, x)
        .replies.map((p) => p.body)
        .sort(),
    ).toEqual(['이름 없이 남긴 답글', '출처가 더 필요합니다.'])
    expect(kinds(s, x)).not.toContain('reply-edited')
  })

  it('need some text', () => {
    expect(factdeskError(() => addReply(s, x, ' \n ', '김기자'), 'reply-empty'))
    expect(
      factdeskError(() => addReply(s, '00000000-0000-4000-8000-000000000000', '답글', '김기자'), 'claim-not-found'),
    )
  })
})

describe('the service', () => {
  deskTest('tags, replies and the history of a claim through the API, others’ replies refused', async ({ desk }) => {
    const { session, prefs, callOk: call } = desk
    const claim = await call('claim-create', { anchor: anchorOf(session.store, '2025년 5월') })
    expect((await call('tag-add', { claimId: claim.id, name: ' 날짜 ' })).tags).toEqual(['날짜'])
    expect(await call('tags-list', {})).toEqual([
      { name: '날짜', color: expect.stringMatching(/^#[0-9a-f]{6}$/), count: 1 },
    ])
    const withReply = await call('reply-add', { claimId: claim.id, body: '발표일 확인' })
    const reply = withReply.replies[0]
    expect(reply).toMatchObject({ author: '김기자', body: '발표일 확인' })
    expect((await call('reply-update', { id: reply.id, body: '발표일 확인함' })).replies[0].body).toBe('발표일 확인함')

    prefs.set({ reviewerName: '이팩트' })
    const refusedCall = await desk.call('reply-delete', { id: reply.id })
    expect(refusedCall).toEqual({
      ok: false,
      error: {
        code: 'reply-not-yours',
        params: { action: 'delete', owner: '김기자', you: '이팩트' },
        message: 'You can only delete your own replies: this is 김기자’s reply, and you are “이팩트”.',
      },
    })
    prefs.set({ reviewerName: '김기자' })
    expect((await call('reply-delete', { id: reply.id })).replies).toEqual([])
    expect((await call('tag-remove', { claimId: claim.id, name: '날짜' })).tags).toEqual([])
    const history = await call('claim-history', { id: claim.id })
    expect(history.map((e) => e.kind)).toEqual([
      'tag-removed',
      'reply-removed',
      'reply-edited',
      'reply-added',
      'tag-added',
      'claim-created',
    ])
    expect(history.every((e) => e.actor === '김기자')).toBe(true)
    expect((await desk.call('tag-add', { claimId: claim.id, name: 'x'.repeat(51) })).ok).toBe(false)
    expect((await desk.call('tag-set-color', { name: '날짜', color: 'red' })).ok).toBe(false)
  })
})

describe('history', () => {
  let s: ReviewStore
  beforeEach(() => {
    s = openReview(':memory:', bundledEssay())
  })
  afterEach(() => s.close())

  it('records every change of a claim in the same transaction, newest first', () => {
    const x = createClaim(s, anchorOf(s, '챗GPT 유료 가입자 수 2위'), '김기자').id
    updateClaim(s, x, { verdict: 'mostly-true', status: 'in-review' }, '김기자')
    updateClaim(s, x, { note: '확인 중' }, '김기자')
    updateClaim(s, x, { note: '확인 중입니다' }, '김기자') // the same reviewer typing on: one entry
    updateClaim(s, x, { verdict: 'false' }, '이팩트')
    updateClaim(s, x, { note: '이팩트의 메모' }, '이팩트')
    const src = addSource(s, x, sourceFields('https://openai.com/ko', '발표문'), '김기자')
    updateSource(s, src.id, sourceFields('https://openai.com/ko', '발표문 (수정)'), '김기자')
    deleteSource(s, src.id, '김기자')
    deleteClaim(s, x, '김기자')
    restoreClaim(s, x, '김기자')
    const events = claimHistory(s, x)
    expect(events.map((e) => e.kind)).toEqual([
      'claim-restored',
      'claim-removed',
      'source-removed',
      'source-edited',
      'source-added',
      'note-edited',
      'verdict-changed',
      'note-edited',
      'status-changed',
      'verdict-changed',
      'claim-created',
    ])
    expect(events.find((e) => e.kind === 'verdict-changed')).toMatchObject({
      actor: '이팩트',
      detail: { from: 'mostly-true', to: 'false' },
    })
    expect(events[2].detail).toMatchObject({ url: 'https://openai.com/ko', title: '발표문 (수정)' })
    // An edit that fails leaves no history: the event is in the change's transaction.
    const before = claimHistory(s, x).length
    expect(() => restoreClaim(s, x, '김기자')).toThrow(FactdeskError)
    expect(claimHistory(s, x)).toHaveLength(before)
  })

  it('reads as a sentence for each kind, in Korean and English, with the verdict labels', () => {
    const d = (kind: string, detail: Record<string, unknown> = {}, actor = '김기자') => ({ kind, detail, actor })
    const cases: [ReturnType<typeof d>, string, string][] = [
      [d('claim-created', { exact: '2위' }), '김기자 님이 주장을 표시했습니다.', '김기자 marked the claim.'],
      [
        d('verdict-changed', { from: 'mostly-true', to: 'false' }),
        '김기자 님이 판정을 ‘대체로 사실’에서 ‘전혀 사실 아님’으로 바꿨습니다.',
        '김기자 changed the verdict from Mostly true to False.',
      ],
      [
        d('verdict-changed', { from: 'unrated', to: 'true' }),
        '김기자 님이 판정을 ‘판정 전’에서 ‘사실’로 바꿨습니다.',
        '김기자 changed the verdict from Not yet rated to True.',
      ],
      [
        d('status-changed', { from: 'open', to: 'checked' }),
        '김기자 님이 진행 상태를 ‘확인 전’에서 ‘확인 완료’로 바꿨습니다.',
        '김기자 changed the status from Open to Checked.',
      ],
      [d('note-edited'), '김기자 님이 메모를 수정했습니다.', '김기자 edited the note.'],
      [d('claim-removed'), '김기자 님이 주장을 삭제했습니다.', '김기자 removed the claim.'],
      [d('claim-restored'), '김기자 님이 삭제한 주장을 되살렸습니다.', '김기자 restored the claim.'],
      [
        d('claim-attached', { exact: '2위' }),
        '김기자 님이 주장을 본문의 ‘2위’에 연결했습니다.',
        '김기자 attached the claim to “2위” in the essay.',
      ],
      [
        d('source-added', { title: '연합뉴스 기사', url: 'https://yna.co.kr' }),
        '김기자 님이 출처 ‘연합뉴스 기사’를 추가했습니다.',
        '김기자 added the source “연합뉴스 기사”.',
      ],
      [
        d('source-edited', { title: '', url: 'https://yna.co.kr' }),
        '김기자 님이 출처 ‘https://yna.co.kr’을 수정했습니다.',
        '김기자 edited the source “https://yna.co.kr”.',
      ],
      [
        d('source-removed', { title: '발표문' }),
        '김기자 님이 출처 ‘발표문’을 삭제했습니다.',
        '김기자 removed the source “발표문”.',
      ],
      [
        d('correction-proposed', { replacement: '3위' }),
        '김기자 님이 정정을 제안했습니다: ‘3위’',
        '김기자 proposed a correction: “3위”',
      ],
      [d('correction-applied'), '김기자 님이 정정을 반영했습니다.', '김기자 applied a correction.'],
      [d('correction-reverted'), '김기자 님이 정정 반영을 취소했습니다.', '김기자 reverted a correction.'],
      [d('correction-removed'), '김기자 님이 정정 제안을 거뒀습니다.', '김기자 withdrew a correction.'],
      [d('reply-added'), '김기자 님이 답글을 달았습니다.', '김기자 replied.'],
      [d('reply-edited'), '김기자 님이 답글을 수정했습니다.', '김기자 edited a reply.'],
      [d('reply-removed'), '김기자 님이 답글을 삭제했습니다.', '김기자 deleted a reply.'],
      [d('tag-added', { name: '통계' }), '김기자 님이 태그 ‘통계’를 붙였습니다.', '김기자 added the tag “통계”.'],
      [d('tag-removed', { name: '인물' }), '김기자 님이 태그 ‘인물’을 뗐습니다.', '김기자 removed the tag “인물”.'],
      [
        d('merged', { file: 'lee.factdesk.json', change: 'updated' }),
        '김기자 님이 파일 lee.factdesk.json의 변경 사항을 병합했습니다 (주장 갱신).',
        '김기자 merged changes from the file lee.factdesk.json (claim updated).',
      ],
      [
        d('conflict-resolved', { entity: 'claim', file: 'lee.factdesk.json', choice: 'theirs' }),
        '김기자 님이 충돌을 해결했습니다 (lee.factdesk.json, 가져온 것 사용).',
        '김기자 resolved a conflict with lee.factdesk.json, taking the imported version.',
      ],
      [d('something-new', {}, ''), '누군가 변경했습니다 (something-new).', 'Someone made a change (something-new).'],
    ]
    for (const [event, ko, en] of cases) {
      expect(describeEvent(event, 'ko')).toBe(ko)
      expect(describeEvent(event, 'en')).toBe(en)
    }
    // A review's own verdict scale names its levels.
    expect(describeEvent(d('verdict-changed', { from: 'a', to: 'b' }), 'en', { verdict: (v) => v.toUpperCase() })).toBe(
      '김기자 changed the verdict from A to B.',
    )
  })
})

describe('travel', () => {
  /** A and B review the same essay; A's review is handed to B. */
  let A: Reviewer, B: Reviewer
  let x: string, y: string
  beforeEach(async () => {
    const essay = bundledEssay()
    A = new Reviewer('김기자', essay, dir.file('a.factdesk'))
    B = new Reviewer('이팩트', essay, dir.file('b.factdesk'))
    ;[x, y] = markTwoClaims(A)
    updateClaim(A.store, x, { verdict: 'mostly-true' }, A.name)
    addTag(A.store, x, '통계', A.name)
    addTag(A.store, y, '날짜', A.name)
    setTagColor(A.store, '날짜', TAG_PALETTE[6].color)
    addReply(A.store, x, '유료 가입자 기준 2위 맞음', A.name)
  })
  afterEach(() => {
    A.close()
    B.close()
  })

  it('tags, replies and history survive reopening the review file', () => {
    const before = thread(A.store)
    const claims = listClaims(A.store)
    A.close()
    const again = openReview(dir.file('a.factdesk'))
    try {
      expect(thread(again)).toEqual(before)
      expect(listClaims(again)).toEqual(claims)
      expect(getClaim(again, x)).toMatchObject({
        tags: ['통계'],
        replies: [{ author: '김기자', body: '유료 가입자 기준 2위 맞음' }],
      })
      expect(claimHistory(again, x).map((e) => e.kind)).toEqual([
        'reply-added',
        'tag-added',
        'verdict-changed',
        'claim-created',
      ])
    } finally {
      again.close()
    }
  })

  it('round-trip through bundles into another reviewer’s file and back, converging', async () => {
    const summary = await B.receive(A, 'kim.factdesk.json')
    expect(summary).toMatchObject({ added: 2, repliesAdded: 1, tagsChanged: 2 })
    expect(B.claim(x)).toMatchObject({
      tags: ['통계'],
      replies: [{ author: '김기자', body: '유료 가입자 기준 2위 맞음' }],
    })
    expect(listTags(B.store)).toEqual(listTags(A.store)) // colours travel, the changed one too
    // A's history came along, and B's file says where it came from.
    const bx = claimHistory(B.store, x)
    expect(bx[0]).toMatchObject({
      kind: 'merged',
      actor: '이팩트',
      detail: { file: 'kim.factdesk.json', change: 'added' },
    })
    // (Entries made within one millisecond may be listed in another order in another file.)
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(bx.slice(1))).toEqual(byId(claimHistory(A.store, x)))

    // B answers, tags, removes a tag and deletes nothing of A's; A takes it back.
    addReply(B.store, x, '기사 출처도 추가해 주세요', B.name)
    addTag(B.store, x, '확인 필요', B.name)
    removeTag(B.store, y, '날짜', B.name)
    const back = await A.receive(B, 'lee.factdesk.json')
    expect(back).toMatchObject({ added: 0, updated: 0, conflicts: 0, repliesAdded: 1, tagsChanged: 2 })
    expect(A.claim(x).replies.map((r) => [r.author, r.body])).toEqual([
      ['김기자', '유료 가입자 기준 2위 맞음'],
      ['이팩트', '기사 출처도 추가해 주세요'],
    ])
    expect(A.claim(x).tags).toEqual(['통계', '확인 필요'])
    expect(A.claim(y).tags).toEqual([])
    expect(claimHistory(A.store, y)[0]).toMatchObject({
      kind: 'merged',
      actor: '김기자',
      detail: { file: 'lee.factdesk.json', change: 'thread' },
    })

    // One more exchange and both files hold the same discussion and history.
    expect(await B.receive(A, 'kim-2.factdesk.json')).toMatchObject({
      added: 0,
      updated: 0,
      repliesAdded: 0,
      repliesUpdated: 0,
      tagsChanged: 0,
    })
    expect(thread(B.store)).toEqual(thread(A.store))
    // And importing again changes nothing, in either direction.
    const settled = thread(A.store)
    await A.receive(B)
    await B.receive(A)
    expect(thread(A.store)).toEqual(settled)
    expect(thread(B.store)).toEqual(settled)
  })

  it('records one merged entry per claim the merge changed, with the file name; conflicts too', async () => {
    await B.receive(A, 'kim.factdesk.json')
    updateClaim(A.store, x, { note: 'A의 메모' }, A.name)
    updateClaim(B.store, x, { note: 'B의 메모' }, B.name)
    deleteClaim(A.store, y, A.name)
    const summary = await B.receive(A, 'kim-2.factdesk.json')
    expect(summary).toMatchObject({ conflicts: 1, deleted: 1 })
    const merged = (id: string) =>
      claimHistory(B.store, id)
        .filter((e) => e.kind === 'merged')
        .map((e) => e.detail)
    expect(merged(x)).toEqual([
      { file: 'kim-2.factdesk.json', change: 'conflict' },
      { file: 'kim.factdesk.json', change: 'added' },
    ])
    expect(merged(y)).toEqual([
      { file: 'kim-2.factdesk.json', change: 'removed' },
      { file: 'kim.factdesk.json', change: 'added' },
    ])
    const [conflict] = listConflicts(B.store)
    resolveConflict(B.store, conflict.id, { fields: { note: 'theirs' } }, B.name)
    expect(claimHistory(B.store, x)[0]).toMatchObject({
      kind: 'conflict-resolved',
      actor: '이팩트',
      // Only the note differed: the entry says which side it took and what it says now.
      detail: { entity: 'claim', file: 'kim-2.factdesk.json', choice: 'theirs', note: 'theirs', noteValue: 'A의 메모' },
    })
    expect(describeEvent(claimHistory(B.store, x)[0], 'en')).toBe(
      '이팩트 resolved a conflict with kim-2.factdesk.json, taking the imported version: note: imported (“A의 메모”).',
    )
    expect(describeEvent(claimHistory(B.store, x)[0], 'ko')).toBe(
      '이팩트 님이 충돌을 해결했습니다 (kim-2.factdesk.json, 가져온 것 사용): 메모 — 가져온 것(‘A의 메모’).',
    )
  })

  it('keeps both versions of a reply its author edited in two files, the same way in both', async () => {
    await B.receive(A)
    const [r] = A.claim(x).replies
    // 김기자 edits the reply in A's file, and (on another machine) in B's copy.
    const vA = updateReply(A.store, r.id, '수정 A', '김기자').version
    const vB = updateReply(B.store, r.id, '수정 B', '김기자').version
    const fileA = A.file()
    const fileB = B.file()
    const s1 = await B.receive(fileA, 'a.factdesk.json')
    const s2 = await A.receive(fileB, 'b.factdesk.json')
    expect(s1.conflicts + s2.conflicts).toBe(0)
    const bodies = (rv: Reviewer) =>
      rv
        .claim(x)
        .replies.map((p) => p.body)
        .sort()
    expect(bodies(A)).toEqual(['수정 A', '수정 B'])
    expect(bodies(B)).toEqual(['수정 A', '수정 B'])
    expect(dump(A.store, ['reply'])).toEqual(dump(B.store, ['reply']))
    const ids = A.claim(x).replies.map((p) => p.id)
    expect(ids).toContain(r.id)
    // The side that stays in place keeps the id; the other is kept under an id both files derive alike.
    expect(ids.filter((id) => id !== r.id)).toEqual([
      expect.toBeOneOf([splitReplyId(r.id, vA), splitReplyId(r.id, vB)]),
    ])
    // Exchanging again settles: nothing more is added.
    await A.receive(B)
    await B.receive(A)
    expect(A.claim(x).replies).toHaveLength(2)
    expect(dump(A.store, ['reply', 'claim_tag', 'tag_style'])).toEqual(
      dump(B.store, ['reply', 'claim_tag', 'tag_style']),
    )
  })

  it('a deletion on one side and an edit on the other keeps the edit', async () => {
    await B.receive(A)
    const [r] = A.claim(x).replies
    deleteReply(A.store, r.id, '김기자')
    updateReply(B.store, r.id, '지우지 말 것', '김기자')
    await A.receive(B)
    await B.receive(A)
    expect(A.claim(x).replies.map((p) => p.body)).toEqual(['지우지 말 것'])
    expect(dump(A.store, ['reply'])).toEqual(dump(B.store, ['reply']))
  })

  it('imports a bundle written before replies, tags and history travelled', async () => {
    const old = exportBundle(A.store, A.name) as unknown as Record<string, unknown>
    for (const key of ['replies', 'tags', 'tagStyles', 'events']) delete old[key]
    expect(await B.receive(bytesOf(old), 'old.factdesk.json')).toMatchObject({
      added: 2,
      repliesAdded: 0,
      tagsChanged: 0,
    })
    expect(B.claim(x)).toMatchObject({ tags: [], replies: [], verdict: 'mostly-true' })
  })

  it('travel in a copy of the review file (SQLite) too', async () => {
    const copy = openReview(dir.file('c.factdesk'), bundledEssay())
    try {
      const { exportReview } = await import('../src/core/exchange/files')
      const file = await exportReview(A.store, 'sqlite', A.name)
      await importFile(copy, file.fileName, Buffer.from(file.data, 'base64'), '박검증')
      expect(getClaim(copy, x)).toMatchObject({ tags: ['통계'], replies: [{ body: '유료 가입자 기준 2위 맞음' }] })
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))
      expect(byId(claimHistory(copy, x).slice(1))).toEqual(byId(claimHistory(A.store, x)))
    } finally {
      copy.close()
    }
  })

  it('refuses a bundle whose replies, tags or history do not hold together, naming the problem', async () => {
    const bundle = exportBundle(A.store, A.name)
    const bad = [
      [
        { ...bundle, replies: [{ ...bundle.replies[0], claimId: '00000000-0000-4000-8000-000000000000' }] },
        /reply .* belongs to a claim that is not in the file/,
      ],
      [{ ...bundle, tags: [{ ...bundle.tags[0], name: ' 통계' }] }, /is not a tag name Factdesk writes/],
      [{ ...bundle, tags: [{ ...bundle.tags[0], id: bundle.claims[0].id }] }, /appears twice/],
      [{ ...bundle, events: [bundle.events[0], bundle.events[0]] }, /history entry .* appears twice/],
      [{ ...bundle, events: [{ ...bundle.events[0], detail: { nested: { a: 1 } } }] }, /not a valid review bundle/],
      [{ ...bundle, tagStyles: [{ name: '통계', color: 'red' }] }, /not a valid review bundle/],
      [{ ...bundle, replies: [{ ...bundle.replies[0], body: '' }] }, /not a valid review bundle/],
    ] as const
    const before = dump(B.store)
    for (const [value, says] of bad) {
      expect(await refused(() => B.receive(bytesOf(value), 'bad.factdesk.json'))).toMatch(says)
    }
    expect(dump(B.store)).toEqual(before)
  })
})

describe('W3C Web Annotation', () => {
  type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  let A: ReviewStore
  let x: string
  beforeEach(() => {
    A = openReview(':memory:', bundledEssay())
    x = createClaim(A, anchorOf(A, '챗GPT 유료 가입자 수 2위'), '김기자').id
    updateClaim(A, x, { note: '발표 자료 확인' }, '김기자')
    addTag(A, x, '통계', '김기자')
    addTag(A, x, '오픈AI', '이팩트')
    setTagColor(A, '통계', TAG_PALETTE[3].color)
    addReply(A, x, '유료 가입자 기준 2위 맞음', '김기자')
    const gone = addReply(A, x, '지울 답글', '김기자')
    deleteReply(A, gone.id, '김기자')
  })
  afterEach(() => A.close())
  const exported = (s: ReviewStore): Json => JSON.parse(JSON.stringify(exportW3c(s))) as Json

  it('exports tags as tagging bodies and replies as replying annotations, all passing the W3C MUSTs', () => {
    const w3c = exported(A)
    expect(w3c.total).toBe(2)
    const [claim, reply] = w3c.first.items as Json[]
    const tagging = claim.body
      .filter((b: Json) => b.purpose === 'tagging')
      .map((b: Json) => [b.value, b['factdesk:color'] ?? null])
    expect(tagging.sort()).toEqual([
      ['오픈AI', expect.stringMatching(/^#[0-9a-f]{6}$/)],
      ['통계', TAG_PALETTE[3].color],
    ])
    expect(reply).toMatchObject({
      type: 'Annotation',
      motivation: 'replying',
      target: `urn:uuid:${x}`,
      creator: { type: 'Person', name: '김기자' },
      body: { type: 'TextualBody', purpose: 'replying', value: '유료 가입자 기준 2위 맞음', format: 'text/plain' },
    })
    for (const item of w3c.first.items) expect(failedMusts('annotation', item), item.id).toEqual([])
    expect(failedMusts('collection', w3c)).toEqual([])
  })

  it('reads its own export back as the same tags and replies (not as note text), and again as a no-op', async () => {
    const copy = openReview(':memory:', bundledEssay())
    try {
      const data = Buffer.from(JSON.stringify(exported(A)))
      const summary = await importFile(copy, 'a.jsonld', data, '박검증')
      expect(summary).toMatchObject({ format: 'w3c', added: 1, repliesAdded: 1, tagsChanged: 2 })
      const mine = getClaim(A, x)
      expect(getClaim(copy, x)).toMatchObject({
        note: '발표 자료 확인',
        version: mine.version,
        tags: mine.tags,
        replies: mine.replies,
      })
      expect(listTags(copy)).toEqual(listTags(A))
      const before = dump(copy, ['claim', 'reply', 'claim_tag', 'tag_style', 'version_seen'])
      expect(await importFile(copy, 'a.jsonld', data, '박검증')).toMatchObject({
        added: 0,
        updated: 0,
        repliesAdded: 0,
        repliesUpdated: 0,
        tagsChanged: 0,
      })
      expect(await importFile(A, 'copy.jsonld', Buffer.from(JSON.stringify(exported(copy))), '김기자')).toMatchObject({
        added: 0,
        updated: 0,
        repliesAdded: 0,
        tagsChanged: 0,
      })
      expect(dump(copy, ['claim', 'reply', 'claim_tag', 'tag_style', 'version_seen'])).toEqual(before)
    } finally {
      copy.close()
    }
  })
})

/** Assignment, the editor's sign-off and @mentions: through the service, in bundles and merges, in exports. */
import { describe, expect, it } from 'vitest'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { undoImport } from '../src/core/exchange/importUndo'
import { exportRepublication } from '../src/core/republish'
import { ReviewStore } from '../src/core/review/store'
import type { Claim } from '../src/shared/domain'
import { mentionedNames } from '../src/shared/workflow'
import { bundledEssay, tempDir } from './helpers/essay'
import { anchorOf, bytesOf, sourceFields } from './helpers/exchange'
import { deskTest, openDesk } from './helpers/service'
import { openReview } from '../src/core/review/open'
import { getClaim } from '../src/core/claims/queries'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'

const QUOTE = '챗GPT 유료 가입자 수 2위'

describe('mentions', () => {
  it('finds @names in replies, not in e-mail addresses, case- and form-folded', () => {
    expect(mentionedNames('@이팩트 님, 출처 확인 부탁합니다. cc @Kim.')).toEqual(['이팩트', 'kim'])
    expect(mentionedNames('mail@example.com 로 보내 주세요')).toEqual([])
    expect(mentionedNames('(@박검증)')).toEqual(['박검증'])
  })
})

describe('assignment and sign-off through the service', () => {
  deskTest('assigns a claim, records it, and tells the assignee', async ({ desk }) => {
    const claim = await desk.callOk('claim-create', { anchor: anchorOf(desk.session.store, QUOTE) })
    const assigned = await desk.callOk('claim-assign', { id: claim.id, reviewer: ' 이팩트 ' })
    expect(assigned.assignee).toBe('이팩트')
    expect((await desk.callOk('claim-history', { id: claim.id }))[0]).toMatchObject({
      kind: 'claim-assigned',
      actor: '김기자',
    })
    // The one who assigns is not told; the assignee is, once, until they have seen it.
    expect(await desk.callOk('notices-list')).toEqual([])
    desk.prefs.set({ reviewerName: '이팩트' })
    const [notice] = await desk.callOk('notices-list')
    expect(notice).toMatchObject({ kind: 'assigned', claimId: claim.id, by: '김기자', exact: QUOTE, seen: false })
    expect((await desk.callOk('notices-seen', { keys: [notice.key] }))[0].seen).toBe(true)
    const mine = await desk.callOk('claims-search', { filters: { assignee: '이팩트' } })
    expect(mine.ids).toEqual([claim.id])
    expect((await desk.callOk('claims-search', { filters: { assignee: '박검증' } })).ids).toEqual([])
  })

  deskTest(
    'signs off only a claim with a verdict and a source, and only while that verdict stands',
    async ({ desk }) => {
      const claim = await desk.callOk('claim-create', { anchor: anchorOf(desk.session.store, QUOTE) })
      const refused = await desk.call('claim-sign-off', { id: claim.id })
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'sign-off-unrated', message: expect.stringMatching(/verdict first/) },
      })
      await desk.callOk('claim-update', { id: claim.id, patch: { verdict: 'true' } })
      expect(await desk.call('claim-sign-off', { id: claim.id })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/source/) },
      })
      await desk.callOk('source-add', {
        claimId: claim.id,
        source: sourceFields('https://openai.com/ko-KR/index/openai-korea/'),
      })
      const signed = await desk.callOk('claim-sign-off', { id: claim.id })
      expect(signed.signedOff).toMatchObject({ by: '김기자', at: expect.any(String) })
      expect(signed.status).toBe(claim.status)
      expect((await desk.callOk('claims-search', { filters: { signedOff: true } })).ids).toEqual([claim.id])

      const changed = await desk.callOk('claim-update', { id: claim.id, patch: { verdict: 'half-true' } })
      expect(changed.signedOff).toBeNull()
      expect((await desk.callOk('claims-search', { filters: { signedOff: true } })).ids).toEqual([])
      // Back to the approved verdict: the sign-off judged exactly this verdict, so it holds again.
      expect((await desk.callOk('claim-update', { id: claim.id, patch: { verdict: 'true' } })).signedOff).not.toBeNull()
      const withdrawn = await desk.callOk('claim-sign-off-withdraw', { id: claim.id })
      expect(withdrawn.signedOff).toBeNull()
      const kinds = (await desk.callOk('claim-history', { id: claim.id })).map((e) => e.kind)
      expect(kinds.filter((k) => k === 'signed-off' || k === 'sign-off-withdrawn')).toEqual([
        'sign-off-withdrawn',
        'signed-off',
      ])
    },
  )

  deskTest('tells a reviewer named in someone else’s reply', async ({ desk }) => {
    const claim = await desk.callOk('claim-create', { anchor: anchorOf(desk.session.store, QUOTE) })
    await desk.callOk('reply-add', { claimId: claim.id, body: '@이팩트 님, 2위 근거가 필요합니다.' })
    await desk.callOk('reply-add', { claimId: claim.id, body: '메일은 fact@example.com 으로' })
    desk.prefs.set({ reviewerName: '이팩트' })
    const notices = await desk.callOk('notices-list')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      kind: 'mention',
      claimId: claim.id,
      by: '김기자',
      excerpt: '@이팩트 님, 2위 근거가 필요합니다.',
    })
    // Their own reply naming themselves is no notice.
    await desk.callOk('reply-add', { claimId: claim.id, body: '@이팩트 확인 중' })
    expect(await desk.callOk('notices-list')).toHaveLength(1)
  })
})

describe('assignment and sign-off travel with the review', () => {
  function reviewPair() {
    const dir = tempDir()
    const a = openReview(dir.file('a.factdesk'), bundledEssay())
    const claim = createClaim(a, anchorOf(a, QUOTE), '김기자')
    updateClaim(a, claim.id, { verdict: 'true' }, '김기자')
    addSource(a, claim.id, sourceFields('https://example.org/a'), '김기자')
    const b = openReview(dir.file('b.factdesk'), bundledEssay())
    return { dir, a, b, claim }
  }
  const take = (to: ReviewStore, from: ReviewStore, who: string) =>
    importFile(to, `${who}.factdesk.json`, bytesOf(exportBundle(from, who)), who)

  it('carries them in a bundle, converges when both changed the assignment, and Undo import takes them back', async () => {
    const { dir, a, b, claim } = reviewPair()
    try {
      const desk = openDesk(a, { reviewerName: '편집장' })
      await desk.callOk('claim-assign', { id: claim.id, reviewer: '이팩트' })
      await desk.callOk('claim-sign-off', { id: claim.id })
      await take(b, a, '편집장')
      expect(getClaim(b, claim.id)).toMatchObject({ assignee: '이팩트', signedOff: { by: '편집장' } })
      expect(await take(b, a, '편집장')).toMatchObject({ added: 0, updated: 0 })

      // Both reassign the claim; whichever way the files travel, both end with the later change.
      const deskB = openDesk(b, { reviewerName: '박검증' })
      await desk.callOk('claim-assign', { id: claim.id, reviewer: '최기자' })
      await new Promise((r) => setTimeout(r, 5))
      await deskB.callOk('claim-assign', { id: claim.id, reviewer: '박검증' })
      await take(a, b, '박검증')
      await take(b, a, '편집장')
      expect(getClaim(a, claim.id).assignee).toBe('박검증')
      expect(getClaim(b, claim.id).assignee).toBe('박검증')

      await desk.callOk('claim-assign', { id: claim.id, reviewer: '정기자' })
      const again = await take(b, a, '편집장')
      expect(getClaim(b, claim.id).assignee).toBe('정기자')
      undoImport(b.db, again.importId, '박검증')
      expect(getClaim(b, claim.id).assignee).toBe('박검증')
    } finally {
      a.close()
      b.close()
      dir.remove()
    }
  })

  it('never lets a sign-off merged in approve a verdict it did not see', async () => {
    const { dir, a, b, claim } = reviewPair()
    try {
      await take(b, a, '김기자')
      // A signs off “true”; B, meanwhile, rates the claim “false”: the claim is B's change alone (no
      // conflict), and the sign-off that arrives judged another verdict, so it does not hold.
      await openDesk(a, { reviewerName: '편집장' }).callOk('claim-sign-off', { id: claim.id })
      updateClaim(b, claim.id, { verdict: 'false' }, '박검증')
      await take(b, a, '편집장')
      const merged: Claim = getClaim(b, claim.id)
      expect(merged.verdict).toBe('false')
      expect(merged.signedOff).toBeNull()
    } finally {
      a.close()
      b.close()
      dir.remove()
    }
  })
})

describe('exports that require sign-off', () => {
  deskTest('hold only the signed-off claims and say how many they left out', async ({ desk }) => {
    const store = desk.session.store
    const ids: string[] = []
    for (const quote of [QUOTE, '서울에 지사를 설립']) {
      const c = await desk.callOk('claim-create', { anchor: anchorOf(store, quote) })
      await desk.callOk('claim-update', { id: c.id, patch: { verdict: 'true' } })
      await desk.callOk('source-add', { claimId: c.id, source: sourceFields('https://example.org/' + ids.length) })
      ids.push(c.id)
    }
    await desk.callOk('claim-sign-off', { id: ids[1] })
    const html = await exportRepublication(store, 'html', { signedOffOnly: true })
    expect(html.counts).toMatchObject({ claims: 1, unsignedLeftOut: 1 })
    expect(html.data).toContain('서울에 지사를 설립')
    expect(html.data).not.toContain('https://example.org/0')
    const review = await exportRepublication(store, 'claimreview', {
      signedOffOnly: true,
      factcheckUrl: 'https://factcheck.example.kr/a',
    })
    expect(JSON.parse(review.data)).toHaveLength(1)
    expect((await exportRepublication(store, 'html')).counts).toMatchObject({ claims: 2 })
  })
})

/**
 * What the desk opens with: the claims list (`claims-desk`, src/shared/deskClaim.ts) with only the
 * fields the page reads, and the essay without its plain text (`document-desk`). The renderer's code is
 * typed on `DeskClaim` and `DeskDocument`, so dropping a field it reads fails the type check; here,
 * what the page shows from the desk's claims is what it shows from the whole claims, and the service's
 * answers have exactly those fields, with the values of the whole ones.
 */
import { createElement, type ReactNode } from 'react'
import { describe, expect, expectTypeOf, it } from 'vitest'
import Database from 'better-sqlite3'
import { openReview } from '../src/core/review/open'
import { prepareDeskReads, takePrepared } from '../src/core/document/deskReads'
import { ClaimCard } from '../src/renderer/src/panel/ClaimCard'
import { ClaimTally } from '../src/renderer/src/panel/ClaimTally'
import { UnanchoredList } from '../src/renderer/src/panel/UnanchoredList'
import { claimMatches } from '../src/renderer/src/panel/searchMatch'
import { api, readingMethods } from '../src/shared/contract'
import { asDeskClaim, deskClaimFields, type DeskClaim } from '../src/shared/deskClaim'
import type { Claim } from '../src/shared/domain'
import { anchorOf, sourceFields } from './helpers/exchange'
import { movedRanges, textOf } from './helpers/review'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { bundledEssay } from './helpers/essay'
import { deskTest, importLostClaim, openDesk, type Desk } from './helpers/service'
import { idleQuery, refuse, renderDesk } from './helpers/renderDesk'

it('leaves out exactly the fields the page never reads', () => {
  // A new field of a claim fails this until it is decided whether the page reads it.
  expectTypeOf<DeskClaim>().toEqualTypeOf<
    Omit<Claim, 'documentId' | 'prefix' | 'suffix' | 'modifiedBy' | 'revision' | 'version'>
  >()
  expect(new Set(deskClaimFields).size).toBe(deskClaimFields.length)
})

describe("the contract's 'claims-desk'", () => {
  it('takes no arguments and is a read, which a read-only window may make', () => {
    expect(api['claims-desk'].args.safeParse({}).success).toBe(true)
    expect(api['claims-desk'].args.safeParse({ all: true }).success).toBe(false)
    expect(readingMethods.has('claims-desk')).toBe(true)
  })

  deskTest('refuses arguments through the service as every call does', async ({ desk }) => {
    expect(await desk.call('claims-desk', { fields: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    })
  })
})

const QUOTE = '챗GPT 유료 가입자 수 2위'
const OTHER = '삼성전자, 하이닉스'
const LOST = '이 글에는 없는 문장이다'

/** A review whose claims carry everything a card can show: verdict, status, note, a source, a tag, a reply, an assignee, a sign-off, a correction; and one claim not found in the essay. */
async function richReview(desk: Desk): Promise<void> {
  const store = desk.session.store
  const claim = await desk.callOk('claim-create', { anchor: anchorOf(store, QUOTE) })
  await desk.callOk('claim-update', {
    id: claim.id,
    patch: { verdict: 'true', status: 'in-review', note: '보도자료 확인' },
  })
  await desk.callOk('source-add', { claimId: claim.id, source: sourceFields('https://openai.com/index/openai-korea/') })
  await desk.callOk('tag-add', { claimId: claim.id, name: '경제' })
  await desk.callOk('reply-add', { claimId: claim.id, body: '@이팩트 원문 확인 부탁' })
  await desk.callOk('claim-assign', { id: claim.id, reviewer: '이팩트' })
  await desk.callOk('claim-sign-off', { id: claim.id })
  const other = await desk.callOk('claim-create', { anchor: anchorOf(store, OTHER) })
  await desk.callOk('correction-propose', {
    claimId: other.id,
    replacement: '삼성전자와 SK하이닉스',
    explanation: '회사명',
  })
  await importLostClaim(desk, LOST)
}

describe('the desk’s claims list', () => {
  deskTest(
    'has exactly the desk’s fields, with the values of the whole claims, in the same order',
    async ({ desk }) => {
      await richReview(desk)
      const whole = await desk.callOk('claims-list')
      const light = await desk.callOk('claims-desk')
      expect(whole).toHaveLength(3)
      for (const c of light) expect(Object.keys(c).sort()).toEqual([...deskClaimFields].sort())
      expect(light).toEqual(whole.map(asDeskClaim))
      const rated = light.find((c) => c.exact === QUOTE)!
      expect(rated).toMatchObject({ verdict: 'true', status: 'in-review', note: '보도자료 확인', assignee: '이팩트' })
      expect(rated.signedOff).not.toBeNull()
      expect(light.find((c) => c.exact === LOST)?.anchored).toBe(false)
      // A third smaller here already; at 5,000 claims the context alone is a megabyte.
      expect(JSON.stringify(light).length).toBeLessThan(JSON.stringify(whole).length * 0.85)
    },
  )

  deskTest('an applied correction answers with its claim, corrected, and names the save', async ({ desk }) => {
    await richReview(desk)
    const claims = await desk.callOk('claims-desk')
    const other = claims.find((c) => c.exact === OTHER)!
    const { blocks } = await desk.callOk('document-get')
    const corrected = blocks.map((b) => ({
      ...b,
      inlines: b.inlines.map((r) => ({ ...r, text: r.text.replace(OTHER, '삼성전자와 SK하이닉스') })),
    }))
    const edit = { before: textOf(blocks), after: textOf(corrected) }
    const ranges = movedRanges(edit.before, edit.after, claims.filter((c) => c.anchored) as Claim[]).map((r) =>
      r.id === other.id ? { ...r, end: r.start + '삼성전자와 SK하이닉스'.length } : r,
    )
    const saved = await desk.callOk('correction-apply', { id: other.corrections[0].id, blocks: corrected, ranges })
    expect(saved.claims.map((c) => c.id)).toEqual([other.id])
    expect(saved.claims[0]).toMatchObject({ exact: '삼성전자와 SK하이닉스', corrections: [{ state: 'applied' }] })
    expect(saved.claims[0]).toEqual((await desk.callOk('claims-desk')).find((c) => c.id === other.id))
    expect(saved.savedAs).toBe((await desk.callOk('document-desk')).savedAs)
  })

  deskTest(
    'an essay save answers with only the claims it changed beyond the ranges the page sent',
    async ({ desk }) => {
      await richReview(desk)
      const store = desk.session.store
      const third = await desk.callOk('claim-create', { anchor: anchorOf(store, '서울') })
      const { blocks } = await desk.callOk('document-get')
      const claims = await desk.callOk('claims-desk')
      const rangesIn = (list: DeskClaim[]) =>
        list.filter((c) => c.anchored).map(({ id, start, end }) => ({ id, start, end }))
      // Nothing changed, or every claim moved as the page says: the page has them all already.
      expect((await desk.callOk('document-save', { blocks, ranges: rangesIn(claims) })).claims).toEqual([])
      const typed = [
        { ...blocks[0], inlines: [{ text: '[속보] ', marks: [] }, ...blocks[0].inlines] },
        ...blocks.slice(1),
      ]
      const before = textOf(blocks)
      const after = textOf(typed)
      const placed = (list: DeskClaim[]) => list.filter((c) => c.anchored) as Claim[]
      const moved = movedRanges(before, after, placed(claims))
      expect(moved.every((r) => r.start > 0)).toBe(true)
      expect((await desk.callOk('document-save', { blocks: typed, ranges: moved })).claims).toEqual([])
      const starts = (list: DeskClaim[]) => Object.fromEntries(list.map((c) => [c.id, c.start]))
      expect(starts(await desk.callOk('claims-desk'))).toEqual(
        starts(claims.map((c) => (c.anchored ? { ...c, start: c.start + 5 } : c))),
      )

      // Words typed inside one claim: its words changed, the others only moved.
      const rated = claims.find((c) => c.exact === QUOTE)!
      // Only where the claim's words are: the essay has them more than once.
      let once = false
      const reworded = typed.map((b) => ({
        ...b,
        inlines: b.inlines.map((r) => {
          if (once || !r.text.includes(QUOTE)) return r
          once = true
          return { ...r, text: r.text.replace(QUOTE, '챗GPT 유료 구독자 수 2위') }
        }),
      }))
      const list = placed(await desk.callOk('claims-desk'))
      let saved = await desk.callOk('document-save', {
        blocks: reworded,
        ranges: movedRanges(after, textOf(reworded), list),
      })
      expect(saved.claims.map((c) => c.id)).toEqual([rated.id])
      expect(saved.claims[0]).toMatchObject({ exact: '챗GPT 유료 구독자 수 2위', textChanged: true })

      // Another's words deleted, a third left out by the page (far from the change: the page need not send
      // it, and the review keeps it as the page has it), and one the page holds as placed that the review
      // has lost.
      const other = claims.find((c) => c.exact === OTHER)!
      const lost = claims.find((c) => !c.anchored)!
      const cut = reworded.map((b) => ({
        ...b,
        inlines: b.inlines.map((r) => ({ ...r, text: r.text.replace(OTHER, '') })),
      }))
      const ranges = movedRanges(textOf(reworded), textOf(cut), placed(await desk.callOk('claims-desk')))
        .filter((r) => r.id !== third.id)
        .concat({ id: lost.id, start: 0, end: 3 })
      const thirdBefore = (await desk.callOk('claims-desk')).find((c) => c.id === third.id)!
      expect(ranges.some((r) => r.id === third.id)).toBe(false)
      saved = await desk.callOk('document-save', { blocks: cut, ranges })
      const now = await desk.callOk('claims-desk')
      const byId = (id: string) => now.find((c) => c.id === id)
      expect(saved.claims.map((c) => c.id).sort()).toEqual([other.id, lost.id].sort())
      for (const c of saved.claims) {
        expect(c).toEqual(byId(c.id))
        expect(Object.keys(c).sort()).toEqual([...deskClaimFields].sort())
      }
      expect(byId(other.id)?.anchored).toBe(false)
      expect(byId(third.id)).toEqual(thirdBefore)
      expect(byId(lost.id)?.anchored).toBe(false)
    },
  )
})

const render = (node: ReactNode): string => renderDesk('en', node)

/** What the page shows of a list of claims: every card open and closed, with a search, the tally and the unanchored list. */
function page(claims: DeskClaim[]): string {
  const cards = claims.flatMap((claim) => [
    createElement(ClaimCard, { key: `${claim.id}-open`, claim, active: true }),
    createElement(ClaimCard, { key: `${claim.id}-closed`, claim, active: false }),
    createElement(ClaimCard, { key: `${claim.id}-search`, claim, active: false, search: '확인' }),
  ])
  return render([
    ...cards,
    createElement(ClaimTally, { key: 'tally', claims, loaded: true, query: idleQuery() }),
    createElement(UnanchoredList, { key: 'lost', claims: claims.filter((c) => !c.anchored), onAttach: refuse }),
  ])
}

describe('the page from the desk’s claims', () => {
  deskTest('shows what it shows from the whole claims', async ({ desk }) => {
    await richReview(desk)
    const whole = await desk.callOk('claims-list')
    const light = await desk.callOk('claims-desk')
    const shown = page(light)
    expect(shown).toBe(page(whole))
    // The page shows the claims' fields (not an empty shell that would match anyway).
    for (const text of [QUOTE, OTHER, LOST, '보도자료 확인', '경제', '이팩트', '삼성전자와 SK하이닉스'])
      expect(shown).toContain(text)
    for (const [i, c] of light.entries()) expect(claimMatches(c, '확인')).toEqual(claimMatches(whole[i], '확인'))
  })
})

describe('the essay as the desk opens it', () => {
  // The language the page tags the essay with: declared, else found from the text's Hangul.
  const essays = {
    ko: bundledEssay(),
    'ko ': parseEssayMarkdown('# 제목\n\n본문은 한국어로 썼다.\n'),
    en: parseEssayMarkdown('# Title\n\nThe body is in English, with an emoji 😀 and ㄱ, a lone jamo.\n'),
    'en-GB': parseEssayMarkdown('---\nlanguage: en-GB\n---\n# 제목\n\n한국어 본문\n'),
  }
  for (const [name, essay] of Object.entries(essays)) {
    it(`is the whole essay but for its text and hash (${name})`, async () => {
      const desk = openDesk(openReview(':memory:', essay))
      try {
        const { text, hash, ...rest } = await desk.callOk('document-get')
        expect(text.length).toBeGreaterThan(0)
        expect(hash).not.toBe('')
        const { savedAs, ...light } = await desk.callOk('document-desk')
        expect(light).toEqual(rest)
        expect(light.lang).toBe(name.trim())
        expect(Object.keys(light).sort()).toEqual(['blocks', 'id', 'lang', 'title'])
        // Which save it is: the text's hash and when it was saved.
        expect(savedAs.startsWith(`${hash}@`)).toBe(true)
      } finally {
        desk.session.close()
      }
    })
  }

  it('is a read without arguments', () => {
    expect(api['document-desk'].args.safeParse({ text: true }).success).toBe(false)
    expect(readingMethods.has('document-desk')).toBe(true)
  })
})

describe('the first two reads, prepared as the app opens the review', () => {
  deskTest('are answered from what was prepared, once, and equal a fresh read', async ({ desk }) => {
    await richReview(desk)
    const fresh = { document: await desk.callOk('document-desk'), claims: await desk.callOk('claims-desk') }
    prepareDeskReads(desk.session.store)
    expect(takePrepared(desk.session.store, 'claims')).toEqual(fresh.claims)
    // Once: the next read is made when asked.
    expect(takePrepared(desk.session.store, 'claims')).toBeUndefined()
    expect(await desk.callOk('document-desk')).toEqual(fresh.document)
    expect(takePrepared(desk.session.store, 'document')).toBeUndefined()
  })

  deskTest('are not used once the review changed, in this window or another', async ({ desk, dir }) => {
    prepareDeskReads(desk.session.store)
    const claim = await desk.callOk('claim-create', { anchor: anchorOf(desk.session.store, QUOTE) })
    expect(takePrepared(desk.session.store, 'claims')).toBeUndefined()
    expect((await desk.callOk('claims-desk')).map((c) => c.id)).toEqual([claim.id])

    prepareDeskReads(desk.session.store)
    // Another connection (another window, the command line) changes the file.
    const other = new Database(dir.file('review.factdesk'))
    other.prepare(`UPDATE claim SET note = '다른 창' WHERE id = ?`).run(claim.id)
    other.close()
    expect(await desk.callOk('claims-desk')).toMatchObject([{ id: claim.id, note: '다른 창' }])
    expect(takePrepared(desk.session.store, 'document')).toBeUndefined()
  })
})

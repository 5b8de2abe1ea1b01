import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIN_FUZZY_QUOTE, reanchor } from '../src/core/document/anchoring'
import type { Block } from '../src/shared/essay'
import { codePointLength, cpSlice, describeRange } from '../src/shared/text'
import { bundledEssay, factdeskError } from './helpers/essay'
import { anchorIn, anchorOf, blockWith, editEssay, Reviewer } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'
import { attachClaim, createClaim } from '../src/core/claims/commands'
import { readDocument } from '../src/core/document/queries'

/** Replaces the text of the block that contains `needle` (its inline runs become one). */
function rewrite(blocks: Block[], needle: string, edit: (text: string) => string): void {
  const i = blockWith(blocks, needle)
  blocks[i] = { ...blocks[i], inlines: [{ text: edit(blocks[i].inlines.map((r) => r.text).join('')) }] }
}

const Q = {
  shifted: '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다',
  inside: '제이슨 권 오픈AI 최고전략책임자(CSO)',
  spaced: '삼성전자, 하이닉스 등 글로벌 반도체 강자',
  removed: '권 CSO는 방한 중 국내 정치 관계자들과 회동을 가질 예정',
  short: '카카오와 협력', // 7 code points; the edit changes one of them
  fuzzy: '세계적으로 가장 강력한 생성형 AI 모델인',
  twice: '단순한', // many times in the essay; the claim is the one in "이는 단순한 기술 수입"
}

/** The essay as another desk has it after an editor's pass. */
const edited = () =>
  editEssay(bundledEssay(), (blocks) => {
    blocks.splice(1, 0, { kind: 'paragraph', inlines: [{ text: '편집자 주: 이 글은 게재 뒤 고쳐졌다.' }] })
    rewrite(blocks, Q.shifted, (t) => '(수정) 앞에 몇 마디를 보탰다. ' + t)
    rewrite(blocks, Q.inside, (t) => t.replace('이는 한국의', '이는 (편집자가 덧붙인 말) 한국의'))
    rewrite(blocks, Q.spaced, (t) => t.replace('특히 한국은', '특히  한국은').replace('있다.', '있다.  ') + '   ')
    blocks.splice(blockWith(blocks, Q.removed), 1)
    rewrite(blocks, Q.short, (t) => t.replace('카카오와 협력해', '카카오와 협업해'))
    rewrite(blocks, Q.fuzzy, (t) => t.replace('AI 모델인', 'AI 모형인'))
  })

let A: Reviewer, E: Reviewer
const ids: Record<keyof typeof Q, string> = {} as never

beforeEach(() => {
  A = new Reviewer('김기자', bundledEssay())
  E = new Reviewer('편집자', edited())
  for (const key of Object.keys(Q) as (keyof typeof Q)[]) {
    const anchor =
      key === 'twice' ? anchorIn(readDocument(A.store).text, '이는 단순한 기술') : anchorOf(A.store, Q[key])
    if (key === 'twice')
      Object.assign(anchor, describeRange(readDocument(A.store).text, anchor.start + 3, anchor.start + 6))
    ids[key] = createClaim(A.store, anchor, A.name).id
  }
})
afterEach(() => {
  A.close()
  E.close()
})

describe('importing claims onto an edited copy of the essay', () => {
  it('re-anchors every claim whose text survives to exactly its quote, and lists the rest', async () => {
    const summary = await E.receive(A)
    expect(summary).toMatchObject({ documentDiffers: true, added: 7, conflicts: 0 })
    const text = readDocument(E.store).text
    for (const key of ['shifted', 'inside', 'spaced', 'twice'] as const) {
      const c = E.claim(ids[key])
      expect({ key, anchored: c.anchored, exact: c.exact, slice: cpSlice(text, c.start, c.end) }).toEqual({
        key,
        anchored: true,
        exact: Q[key],
        slice: Q[key],
      })
      expect(c.start, key).not.toBe(A.claim(ids[key]).start)
    }
    // Of the many "단순한", the one whose context matches.
    expect(E.claim(ids.twice).start).toBe(anchorIn(text, '이는 단순한 기술').start + 3)

    expect(summary.unanchored).toHaveLength(2)
    expect(summary.unanchored).toEqual(
      expect.arrayContaining([
        { id: ids.removed, exact: Q.removed },
        { id: ids.short, exact: Q.short },
      ]),
    )
    for (const key of ['removed', 'short'] as const) {
      expect(E.claim(ids[key])).toMatchObject({ anchored: false, exact: Q[key] })
      expect(E.row(ids[key]).anchored).toBe(0)
    }
    // The short quote is gone; "카카오와 협업" is one character off but is never taken for it.
    expect(text).toContain('카카오와 협업')
    expect(codePointLength(Q.short)).toBeLessThan(MIN_FUZZY_QUOTE)
  })

  it('attaches a long quote with one character changed to the changed text', async () => {
    await E.receive(A)
    const c = E.claim(ids.fuzzy)
    expect(c).toMatchObject({ anchored: true, exact: '세계적으로 가장 강력한 생성형 AI 모형인' })
    expect(cpSlice(readDocument(E.store).text, c.start, c.end)).toBe(c.exact)
  })

  it('keeps unanchored claims across exports and lets the reviewer attach them to a selection', async () => {
    await E.receive(A)
    // A later import of the same claims leaves them unanchored, without a conflict.
    expect(await E.receive(A)).toMatchObject({ unchanged: 7, conflicts: 0 })
    expect(E.claim(ids.short).anchored).toBe(false)
    const text = readDocument(E.store).text
    const wrong = anchorIn(text, '카카오와 협업')
    factdeskError(() => attachClaim(E.store, ids.short, { ...wrong, exact: '다른 글' }, E.name), 'selection-mismatch')
    const attached = attachClaim(E.store, ids.short, wrong, E.name)
    expect(attached).toMatchObject({
      anchored: true,
      exact: '카카오와 협업',
      start: wrong.start,
      end: wrong.end,
      author: A.name,
      modifiedBy: E.name,
    })
    expect(attached.version).not.toBe(A.claim(ids.short).version)
    expect(
      listClaims(E.store)
        .filter((c) => !c.anchored)
        .map((c) => c.id),
    ).toEqual([ids.removed])
    factdeskError(
      () => attachClaim(E.store, ids.removed, { ...wrong, start: wrong.start + 1 }, E.name),
      'selection-mismatch',
    )
  })
})

describe('reanchor()', () => {
  const text =
    '😀 앞 문장. 첫 문장은 참이다. 😀 가운데 문장. 서울의 오픈AI 지사 설립은 사실이다. 끝에 다시 오픈AI 지사 이야기.'
  const at = (needle: string, nth = 0) => anchorIn(text, needle, nth)

  it('keeps a position that still holds the quote', () => {
    const a = at('첫 문장은 참이다.')
    expect(reanchor(text, a)).toEqual({ anchor: a, method: 'position' })
  })

  it('finds a moved quote, counting code points', () => {
    const a = at('가운데 문장.')
    const found = reanchor(text, { ...a, start: a.start - 4, end: a.end - 4 })
    expect(found).toEqual({ anchor: a, method: 'quote' })
    expect(found!.anchor.start).toBe(text.indexOf('가운데') - 2) // two astral characters before it
  })

  it('matches an NFD quote against the NFC text', () => {
    const a = at('첫 문장은 참이다.')
    expect(reanchor(text, { exact: a.exact.normalize('NFD') })?.anchor).toEqual(a)
  })

  it('picks the occurrence whose prefix and suffix match, not the nearest', () => {
    const second = at('오픈AI 지사', 1)
    const first = at('오픈AI 지사', 0)
    const found = reanchor(text, {
      exact: '오픈AI 지사',
      prefix: '끝에 다시 ',
      suffix: ' 이야기.',
      start: first.start + 1,
      end: first.end + 1,
    })
    expect(found).toEqual({ anchor: second, method: 'quote' })
    expect(
      reanchor(text, { exact: '오픈AI 지사', prefix: '서울의 ', suffix: ' 설립은', start: second.start + 1 })?.anchor,
    ).toEqual(first)
  })

  it('attaches a long quote with one character changed as fuzzy', () => {
    const found = reanchor(text, { exact: '서울의 오픈AI 지점 설립은 사실이다.', prefix: '가운데 문장. ' })
    expect(found).toMatchObject({ method: 'fuzzy', anchor: at('서울의 오픈AI 지사 설립은 사실이다.') })
  })

  it('never fuzzily matches a short quote, and gives up on a quote that is too different', () => {
    expect(codePointLength('가운데 문자.')).toBeLessThan(MIN_FUZZY_QUOTE)
    expect(reanchor(text, { exact: '가운데 문자.' })).toBeNull()
    expect(reanchor(text, { exact: '서울의 구글 본사 이전은 거짓이다.' })).toBeNull()
    expect(reanchor(text, { exact: '' })).toBeNull()
    expect(reanchor('', { exact: '첫 문장은 참이다.' })).toBeNull()
  })
})

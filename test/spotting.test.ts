import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReviewSession } from '../src/core/review/session'
import { reasonsOf, spotSentences, suggestionKey } from '../src/core/spotting/spotting'
import { splitSentences } from '../src/core/spotting/sentences'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { blockText, essayText, type Block } from '../src/shared/essay'
import { suggestionReasons } from '../src/shared/spotting'
import { cpSlice, describeRange } from '../src/shared/text'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { openDesk, type Desk } from './helpers/service'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

interface Gold {
  claims: { sentence: string; why: string }[]
}
const gold = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/spotting-gold.json'), 'utf8')) as Gold

/**
 * What the rules score on the bundled essay against the hand-marked list (docs/claim-spotting.md).
 * Raise these when the rules get better; the test fails if they get worse.
 */
const MEASURED = { precision: 8 / 9, recall: 8 / 10 }

const ENGLISH = `---
title: OpenAI comes to Seoul
author: Jane Doe
language: en
---

## Why Seoul

OpenAI announced on May 26, 2025 that it would open an office in Seoul. Korea has the second-largest number of paying ChatGPT subscribers after the U.S. market, the company said. "Korea's full-stack AI ecosystem is among the most promising in the world," said Jason Kwon, OpenAI's chief strategy officer. Dr. Kim thinks this matters. About 1.2 million people pay for the service, up 40% from last year. The move is a sign of things to come! Is it? Few would disagree. GPT-4 was trained elsewhere.
`

let dir: TempDir
let session: ReviewSession
let desk: Desk

function open(path: string, essay = bundledEssay()): void {
  desk = openDesk(openReview(path, essay), { reviewerName: '김검증' })
  session = desk.session
}

const ok: Desk['callOk'] = (method, ...args) => desk.callOk(method, ...args)

const suggestions = () => ok('suggestions-list')
const text = () => readDocument(session.store).text

beforeEach(() => {
  dir = tempDir()
  open(dir.file('review.factdesk'))
})
afterEach(() => {
  session.close()
  dir.remove()
})

describe('sentences', () => {
  const essay = bundledEssay()
  const full = essayText(essay.blocks)
  const sentences = splitSentences(essay.blocks, full)

  it('are spans of the plain text, never across blocks, never of the title, byline or headings', () => {
    expect(sentences.length).toBe(41)
    for (const s of sentences) {
      expect(cpSlice(full, s.start, s.end)).toBe(s.exact)
      expect(s.exact).not.toContain('\n')
      expect(s.exact).toBe(s.exact.trim())
    }
    const skipped = essay.blocks.filter((b) =>
      ['title', 'subtitle', 'affiliation', 'author', 'heading'].includes(b.kind),
    )
    for (const b of skipped) expect(sentences.some((s) => s.exact.includes(blockText(b)))).toBe(false)
  })

  it('end at 다. 요. 까? and at . ! ? before a space, not inside a quotation, a decimal or after Dr. or U.S.', () => {
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        inlines: [
          {
            text: '사용자는 2.5% 늘었다.그러나 이는 시작이다. 김철수 장관은 "예산을 늘리겠다. 곧 발표한다"고 말했다. 정말일까? 그래요.',
          },
        ],
      },
      {
        kind: 'paragraph',
        inlines: [
          { text: 'Dr. Kim works in the U.S. today. He said: “We will open. Soon.” Then he left! 1. Not a list.' },
        ],
      },
      { kind: 'item', inlines: [{ text: '→ 한국어 문맥을 반영한다.' }] },
    ]
    expect(splitSentences(blocks).map((s) => s.exact)).toEqual([
      '사용자는 2.5% 늘었다.',
      '그러나 이는 시작이다.',
      '김철수 장관은 "예산을 늘리겠다. 곧 발표한다"고 말했다.',
      '정말일까?',
      '그래요.',
      'Dr. Kim works in the U.S. today.',
      'He said: “We will open. Soon.”',
      'Then he left!',
      '1. Not a list.',
      '한국어 문맥을 반영한다.',
    ])
  })

  it('fall back to plain lines when the blocks are out of step with the stored text', () => {
    const blocks: Block[] = [{ kind: 'title', inlines: [{ text: '제목' }] }]
    const s = splitSentences(blocks, '제목은 다르다. 둘째 문장이다.\n셋째.')
    expect(s.map((x) => x.exact)).toEqual(['제목은 다르다.', '둘째 문장이다.', '셋째.'])
    expect(s[2].start).toBe(18)
  })
})

describe('rules', () => {
  it.each<[string, string[]]>([
    ['2025년 5월 26일 서울에 지사를 열었다.', ['date']],
    ['한국은 유료 가입자 수 2위를 기록했다.', ['ranking']],
    ['세계 최초로 문을 열었다.', ['ranking']],
    ['방한 중인 제이슨 권 오픈AI 최고전략책임자(CSO)는 그렇게 봤다.', ['person-title']],
    ['이현우 교수는 그렇게 봤다.', ['person-title']],
    ['“한국의 풀스택 AI 생태계는 유망한 시장”이라고 했다.', ['quotation', 'announcement']],
    ['오픈AI는 카카오와 협력을 공표했다.', ['announcement']],
    ['가입자는 120만 명이다.', ['statistic']],
    ['조사 결과 찬성이 많았다.', ['statistic']],
    ['버스 7대가 지나갔다.', ['number']],
    ['GPT-4와 A100은 이름이다.', []],
    ['‘AI 패권’을 향한 경쟁이다.', []],
    ['유망한 시장에 지사를 세웠다.', []],
    ['OpenAI announced on May 26, 2025 that it would open an office.', ['date', 'announcement']],
    ['About 1.2 million people pay, up 40%.', ['statistic']],
    ['Jason Kwon, OpenAI’s chief strategy officer, was there.', ['person-title']],
    ['It is the largest market.', ['ranking']],
    ['The move is a sign of things to come!', []],
  ])('%s → %j', (sentence, reasons) => {
    expect(reasonsOf(sentence)).toEqual(reasons)
  })
})

describe('suggestions on the bundled essay', () => {
  it('every suggestion is a sentence of the essay with at least one known reason', async () => {
    const list = await suggestions()
    expect(list.length).toBeGreaterThan(0)
    const essay = bundledEssay()
    const sentences = new Set(splitSentences(essay.blocks, text()).map((s) => `${s.start}:${s.end}:${s.exact}`))
    for (const s of list) {
      expect(sentences.has(`${s.start}:${s.end}:${s.exact}`), s.exact).toBe(true)
      expect(cpSlice(text(), s.start, s.end)).toBe(s.exact)
      expect(s.reasons.length).toBeGreaterThan(0)
      for (const r of s.reasons) expect(suggestionReasons).toContain(r)
      expect(s.key).toBe(suggestionKey(s.exact))
    }
    expect(list.map((s) => s.start)).toEqual([...list.map((s) => s.start)].sort((a, b) => a - b))
  })

  it('precision and recall against the hand-marked claims stay at least what was measured', () => {
    const essay = bundledEssay()
    const suggested = spotSentences(essay.blocks, essayText(essay.blocks)).map((s) => s.exact)
    const marked = new Set(gold.claims.map((c) => c.sentence))
    const all = new Set(splitSentences(essay.blocks).map((s) => s.exact))
    for (const m of marked) expect(all.has(m), `the gold sentence is a sentence of the essay: ${m}`).toBe(true)
    const hits = suggested.filter((s) => marked.has(s)).length
    const precision = hits / suggested.length
    const recall = hits / marked.size
    console.log(
      `claim spotting on the bundled essay: ${suggested.length} suggested, ${marked.size} marked by hand, ${hits} both — ` +
        `precision ${precision.toFixed(3)} (${hits}/${suggested.length}), recall ${recall.toFixed(3)} (${hits}/${marked.size})`,
    )
    expect(precision).toBeGreaterThanOrEqual(MEASURED.precision - 1e-9)
    expect(recall).toBeGreaterThanOrEqual(MEASURED.recall - 1e-9)
  })

  it('accepting one makes a claim on exactly that sentence, and it is suggested no more', async () => {
    const [first] = await suggestions()
    const claim = await ok('claim-create', { anchor: describeRange(text(), first.start, first.end) })
    expect(claim).toMatchObject({ exact: first.exact, start: first.start, end: first.end, author: '김검증' })
    expect((await suggestions()).some((s) => s.key === first.key)).toBe(false)
  })

  it('a sentence overlapping a claim (even in part) is not suggested', async () => {
    const list = await suggestions()
    const target = list.find((s) => s.exact.includes('2위를 기록'))!
    const at = [...target.exact].join('').indexOf('2위')
    const start = target.start + [...target.exact.slice(0, at)].length
    await ok('claim-create', { anchor: describeRange(text(), start, start + 2) })
    const after = await suggestions()
    expect(after.some((s) => s.key === target.key)).toBe(false)
    expect(after.length).toBe(list.length - 1)
  })

  it('a dismissed one stays dismissed after the file is opened again, and after text is added before it', async () => {
    const list = await suggestions()
    const dismissed = list[1]
    expect(await ok('suggestion-dismiss', { key: dismissed.key })).toEqual({ key: dismissed.key })
    expect(await ok('suggestion-dismiss', { key: dismissed.key })).toEqual({ key: dismissed.key })
    expect((await suggestions()).map((s) => s.key)).toEqual(list.filter((s) => s !== dismissed).map((s) => s.key))

    session.close()
    open(dir.file('review.factdesk'))
    expect((await suggestions()).some((s) => s.key === dismissed.key)).toBe(false)
    expect(session.store.db.prepare(`SELECT actor FROM dismissed_suggestion`).pluck().all()).toEqual(['김검증'])

    // An edit elsewhere moves the sentence; its key (a hash of its text) still finds the dismissal.
    const doc = readDocument(session.store)
    const blocks: Block[] = [
      { kind: 'paragraph', inlines: [{ text: '새로 넣은 문단은 2024년 3월에 썼다.' }] },
      ...doc.blocks,
    ]
    session.store.db
      .prepare(`UPDATE document SET blocks_json = ?, text = ?`)
      .run(JSON.stringify(blocks), essayText(blocks))
    const moved = await suggestions()
    expect(moved[0].exact).toBe('새로 넣은 문단은 2024년 3월에 썼다.')
    expect(moved.some((s) => s.exact === dismissed.exact)).toBe(false)
    expect(moved.length).toBe(list.length)
  })

  it('refuses a key that is not a sentence hash', async () => {
    const r = await desk.call('suggestion-dismiss', { key: 'DROP TABLE claim' })
    expect(r.ok ? '' : r.error.code).toBe('invalid-args')
  })
})

describe('suggestions on an English essay', () => {
  it('split into sentences and find their reasons', async () => {
    session.close()
    open(dir.file('english.factdesk'), parseEssayMarkdown(ENGLISH))
    const list = await suggestions()
    expect(list.map((s) => [s.exact, s.reasons])).toEqual([
      ['OpenAI announced on May 26, 2025 that it would open an office in Seoul.', ['date', 'announcement']],
      [
        'Korea has the second-largest number of paying ChatGPT subscribers after the U.S. market, the company said.',
        ['ranking', 'announcement'],
      ],
      [
        '"Korea\'s full-stack AI ecosystem is among the most promising in the world," said Jason Kwon, OpenAI\'s chief strategy officer.',
        ['ranking', 'quotation', 'person-title', 'announcement'],
      ],
      ['Dr. Kim thinks this matters.', ['person-title']],
      ['About 1.2 million people pay for the service, up 40% from last year.', ['statistic']],
    ])
    const [first] = list
    const claim = await ok('claim-create', { anchor: describeRange(text(), first.start, first.end) })
    expect(claim.exact).toBe(first.exact)
  })
})

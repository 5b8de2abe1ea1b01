import { describe, expect, it } from 'vitest'
import { BUILTIN_SCALES, UNRATED_COLOR } from '../src/shared/scales'
import { AA_TEXT, contrastRatio, highlightTint, INK, mix, stripeOver } from '../src/renderer/src/highlightColors'
import { scaleCss } from '../src/renderer/src/scaleStyle'
import { claimMatches, matchRanges, snippet, splitMatches } from '../src/renderer/src/panel/searchMatch'
import { essayLang } from '../src/core/db/rows'
import type { Claim } from '../src/shared/domain'

describe('highlight colours', () => {
  const levels = BUILTIN_SCALES.flatMap((s) => s.levels.map((l) => ({ scale: s.id, id: l.id, color: l.color })))
  levels.push({ scale: '-', id: 'unrated', color: UNRATED_COLOR })

  it('give the essay text AA contrast on every verdict of every built-in scale, overlap stripes included', () => {
    for (const { scale, id, color } of levels) {
      const tint = highlightTint(color)
      expect(contrastRatio(INK, tint), `${scale}/${id} ${tint}`).toBeGreaterThanOrEqual(AA_TEXT)
      expect(contrastRatio(INK, stripeOver(tint)), `${scale}/${id} striped`).toBeGreaterThanOrEqual(AA_TEXT)
      // Still a colour, not white: each verdict stays told apart.
      expect(tint).not.toBe('#ffffff')
    }
  })

  it('are the colours the page draws with', () => {
    for (const scale of BUILTIN_SCALES) {
      const css = scaleCss(scale)
      for (const level of scale.levels)
        expect(css).toContain(
          `[data-verdict="${level.id}"] { --verdict-color: ${level.color}; --verdict-tint: ${highlightTint(level.color)}; }`,
        )
    }
  })

  it('lighten a dark colour a reviewer chose until the text reads on it', () => {
    for (const color of ['#000000', '#1f2328', '#7a1010', '#0000ff']) {
      const tint = highlightTint(color)
      expect(contrastRatio(INK, stripeOver(tint)), color).toBeGreaterThanOrEqual(AA_TEXT)
    }
    // The measure itself: black on white is 21:1, a colour on itself 1:1, mixing is linear in sRGB.
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#2f8a4c', '#2f8a4c')).toBe(1)
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080')
  })
})

describe('search matches in a card', () => {
  it('are found as the search finds them: any case, any run of white space, Hangul as written', () => {
    expect(matchRanges('OpenAI opens an office', 'openai')).toEqual([[0, 6]])
    expect(matchRanges('유료 가입자\n수 2위', '가입자 수')).toEqual([[3, 8]])
    expect(splitMatches('서울, 서울', '서울')).toEqual([
      { text: '서울', hit: true },
      { text: ', ', hit: false },
      { text: '서울', hit: true },
    ])
    expect(matchRanges('nothing here', '서울')).toEqual([])
    expect(matchRanges('anything', '   ')).toEqual([])
  })

  it('show the words around the first match, with an ellipsis where they are cut', () => {
    const text = `${'가'.repeat(50)}서울${'나'.repeat(50)}`
    const pieces = snippet(text, '서울', 5)
    expect(pieces).toEqual([
      { text: '…', hit: false },
      { text: '가'.repeat(5), hit: false },
      { text: '서울', hit: true },
      { text: '나'.repeat(5), hit: false },
      { text: '…', hit: false },
    ])
  })

  it('name every field that matched, in the card’s order', () => {
    const claim = {
      exact: '한국은 챗GPT 유료 가입자 수 2위',
      note: '오픈AI 발표 자료',
      sources: [
        {
          title: 'OpenAI to open office in Seoul',
          publisher: 'OpenAI',
          url: 'https://openai.com/',
          excerpt: '',
          archiveUrl: '',
        },
      ],
      replies: [{ body: '오픈AI 서울 지사 확인' }],
      tags: ['AI'],
    } as unknown as Claim
    expect(claimMatches(claim, '오픈ai').map((m) => m.field)).toEqual(['note', 'reply'])
    expect(claimMatches(claim, 'openai').map((m) => m.field)).toEqual(['source'])
    expect(claimMatches(claim, 'ai').map((m) => m.field)).toEqual(['note', 'source', 'reply', 'tag'])
    expect(claimMatches(claim, '2위').map((m) => m.field)).toEqual(['quote'])
    expect(claimMatches(claim, '')).toEqual([])
  })
})

describe('the essay’s language', () => {
  it('is the declared one, else Korean where the text has Hangul, whatever the interface language', () => {
    expect(essayLang('ko', 'text')).toBe('ko')
    expect(essayLang('en-GB', '한국')).toBe('en-GB')
    expect(essayLang('', '서울, 오픈AI의 전략적 거점')).toBe('ko')
    expect(essayLang(null, 'Seoul, a strategic hub')).toBe('en')
    expect(essayLang('not a tag!', '서울')).toBe('ko')
  })
})

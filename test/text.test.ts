import { describe, expect, it } from 'vitest'
import {
  codePointIndex,
  codePointLength,
  CONTEXT_LENGTH,
  cpSlice,
  describeRange,
  joinBlocks,
  utf16Index,
} from '../src/shared/text'

// "가😀나🇰🇷다": 😀 is one astral code point (2 UTF-16 units); the flag is two astral code points.
const mixed = '가😀나🇰🇷다'

describe('code point functions', () => {
  it('count code points, not UTF-16 units', () => {
    expect(mixed.length).toBe(9)
    expect(codePointLength(mixed)).toBe(6)
    expect(codePointLength('')).toBe(0)
    expect(codePointLength('한국어')).toBe(3)
    expect(codePointLength('😀😀😀')).toBe(3)
    // A lone surrogate counts as one code point, like Array.from.
    expect(codePointLength('a\ud83d')).toBe(2)
    expect(codePointLength('\ude00b')).toBe(2)
    for (const s of [mixed, 'a\ud83d', '\ude00\ud83db', '🇰🇷x한']) {
      expect(codePointLength(s)).toBe(Array.from(s).length)
    }
  })

  it('map code point offsets to UTF-16 indexes and back', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => utf16Index(mixed, cp))).toEqual([0, 1, 3, 4, 6, 8, 9])
    expect(utf16Index(mixed, 100)).toBe(mixed.length)
    expect([0, 1, 3, 4, 6, 8, 9].map((u) => codePointIndex(mixed, u))).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('slice by code points without splitting a surrogate pair', () => {
    expect(cpSlice(mixed, 1, 2)).toBe('😀')
    expect(cpSlice(mixed, 2, 3)).toBe('나')
    expect(cpSlice(mixed, 3, 5)).toBe('🇰🇷')
    expect(cpSlice(mixed, 5)).toBe('다')
    expect(cpSlice(mixed, 0, 6)).toBe(mixed)
    expect(cpSlice('한국어', 1, 2)).toBe('국')
    // A lone high surrogate does not swallow the character after it.
    expect(cpSlice('\ud83db', 1)).toBe('b')
    expect(utf16Index('\ud83db', 1)).toBe(1)
    for (let a = 0; a <= 6; a++) {
      for (let b = a; b <= 6; b++) {
        expect(cpSlice(mixed, a, b)).toBe(Array.from(mixed).slice(a, b).join(''))
      }
    }
  })

  it('joins NFC-normalised blocks with a single newline', () => {
    const nfd = '한글'.normalize('NFD')
    const text = joinBlocks([nfd, '둘째', ''])
    expect(text).toBe('한글\n둘째\n')
    expect(codePointLength(text)).toBe(6)
  })
})

describe('describeRange', () => {
  const cps = Array.from({ length: 100 }, (_, i) => (i % 2 ? '😀' : String.fromCodePoint(0xac00 + i)))
  const text = cps.join('')

  it('takes 32 code points of context on each side in the middle', () => {
    expect(CONTEXT_LENGTH).toBe(32)
    const a = describeRange(text, 40, 50)
    expect(a.start).toBe(40)
    expect(a.end).toBe(50)
    expect(a.exact).toBe(cps.slice(40, 50).join(''))
    expect(codePointLength(a.prefix)).toBe(32)
    expect(codePointLength(a.suffix)).toBe(32)
    expect(a.prefix).toBe(cps.slice(8, 40).join(''))
    expect(a.suffix).toBe(cps.slice(50, 82).join(''))
  })

  it('shortens the prefix at the start of the document', () => {
    const a = describeRange(text, 0, 3)
    expect(a.prefix).toBe('')
    expect(a.exact).toBe(cps.slice(0, 3).join(''))
    expect(codePointLength(a.suffix)).toBe(32)
    const b = describeRange(text, 10, 12)
    expect(b.prefix).toBe(cps.slice(0, 10).join(''))
    expect(codePointLength(b.prefix)).toBe(10)
  })

  it('shortens the suffix at the end of the document', () => {
    const a = describeRange(text, 95, 100)
    expect(a.suffix).toBe('')
    expect(codePointLength(a.prefix)).toBe(32)
    expect(a.exact).toBe(cps.slice(95).join(''))
    const b = describeRange(text, 80, 90)
    expect(b.suffix).toBe(cps.slice(90).join(''))
    expect(codePointLength(b.suffix)).toBe(10)
  })

  it('covers a whole short document with empty context', () => {
    expect(describeRange('한😀', 0, 2)).toEqual({ start: 0, end: 2, exact: '한😀', prefix: '', suffix: '' })
  })
})

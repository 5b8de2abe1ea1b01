/** The alignment of a Word document's text with the essay: shared runs map, changed regions do not. */
import { describe, expect, it } from 'vitest'
import { align } from '../src/core/exchange/word/align'

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

function edited(text: string[], random: () => number, edits: number): string[] {
  const out = [...text]
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1))
    const kind = random()
    if (kind < 0.4) out.splice(at, 1)
    else if (kind < 0.8) out.splice(at, 0, '가나다ab'[Math.floor(random() * 5)])
    else out.splice(at, 1, '😀')
  }
  return out
}

describe('align', () => {
  it('maps every shared character to the same character, in order, through several edits', () => {
    const random = rng(7)
    const alphabet = [...'서울 오픈AI의 전략적 거점이 되다. 😀\n']
    for (let round = 0; round < 50; round++) {
      const essay = Array.from(
        { length: 40 + Math.floor(random() * 200) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      )
      const doc = edited(essay, random, 1 + Math.floor(random() * 8))
      const a = align(doc.join(''), essay.join(''))
      let last = -1
      let shared = 0
      for (let i = 0; i < doc.length; i++) {
        const j = a.toEssay(i, 'start')
        if (j === null) continue
        shared++
        expect(essay[j]).toBe(doc[i])
        expect(j).toBeGreaterThan(last)
        last = j
      }
      // At most one character per edit is left unmapped on the document's side (a diff is minimal).
      expect(doc.length - shared).toBeLessThanOrEqual(16)
      // The hunks cover exactly what does not map.
      const inHunks = a.hunks.reduce((n, h) => n + h.docEnd - h.docStart, 0)
      expect(inHunks).toBe(doc.length - shared)
    }
  })

  it('equal texts map one to one and have no hunks', () => {
    const a = align('같은 글', '같은 글')
    expect(a.hunks).toEqual([])
    expect(a.toEssay(0, 'start')).toBe(0)
    expect(a.toEssay(4, 'end')).toBe(4)
  })

  it('a replacement is one hunk with both wordings', () => {
    const a = align('삼성전자, SK하이닉스 등', '삼성전자, 하이닉스 등')
    expect(a.hunks).toEqual([{ docStart: 6, docEnd: 8, essayStart: 6, essayEnd: 6 }])
    expect(a.toEssay(8, 'start')).toBe(6)
    expect(a.toEssay(7, 'start')).toBeNull()
  })
})

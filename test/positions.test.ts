import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBundle, validateBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { ReviewStore } from '../src/core/review/store'
import { codePointLength, describeRange } from '../src/shared/text'
import { bundledEssay, factdeskError } from './helpers/essay'
import { bytesOf } from './helpers/exchange'

/** Every claim position a review stores lies inside its essay, so the review always exports as a valid bundle. */
let store: ReviewStore
beforeEach(() => {
  store = ReviewStore.open(':memory:', bundledEssay())
})
afterEach(() => store.close())

describe('claim positions', () => {
  it('refuses a claim that ends past the essay, even when its quote is the essay’s last words', () => {
    const text = store.document().text
    const length = codePointLength(text)
    const tail = describeRange(text, length - 3, length)
    for (const end of [length + 1, 2 ** 53 - 1]) {
      const error = factdeskError(() => store.createClaim({ ...tail, end }, '김기자'), 'selection-beyond-essay')
      expect(error.message).toMatch(/beyond the end of the essay/)
    }
    expect(store.claims()).toHaveLength(0)
    const claim = store.createClaim(tail, '김기자')
    expect(factdeskError(() => store.attachClaim(claim.id, { ...tail, end: 2 ** 53 - 1 }, '김기자'), 'selection-beyond-essay').message).toMatch(/beyond the end/)
  })

  it('keeps an unplaced W3C annotation with a far-away position inside the essay', async () => {
    const length = codePointLength(store.document().text)
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:x:far',
      body: { type: 'TextualBody', value: '확인 필요' },
      target: {
        source: 'https://example.org/essay',
        selector: [
          { type: 'TextQuoteSelector', exact: '이 글에는 없는 문장이다' },
          { type: 'TextPositionSelector', start: 2 ** 53 - 10, end: 2 ** 53 - 1 },
        ],
      },
    }
    const summary = await importFile(store, 'far.jsonld', bytesOf(annotation), '김기자')
    expect(summary.unanchored).toHaveLength(1)
    const [claim] = store.claims()
    expect(claim.end).toBeLessThanOrEqual(length)
    expect(() => validateBundle('again.json', exportBundle(store, '김기자'))).not.toThrow()
  })
})

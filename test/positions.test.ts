import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBundle, validateBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { ReviewStore } from '../src/core/review/store'
import { codePointLength, describeRange } from '../src/shared/text'
import { bundledEssay, factdeskError } from './helpers/essay'
import { bytesOf } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'
import { attachClaim, createClaim } from '../src/core/claims/commands'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

/** Every claim position a review stores lies inside its essay, so the review always exports as a valid bundle. */
let store: ReviewStore
beforeEach(() => {
  store = openReview(':memory:', bundledEssay())
})
afterEach(() => store.close())

describe('claim positions', () => {
  it('refuses a claim that ends past the essay, even when its quote is the essay’s last words', () => {
    const text = readDocument(store).text
    const length = codePointLength(text)
    const tail = describeRange(text, length - 3, length)
    for (const end of [length + 1, 2 ** 53 - 1]) {
      const error = factdeskError(() => createClaim(store, { ...tail, end }, '김기자'), 'selection-beyond-essay')
      expect(error.message).toMatch(/beyond the end of the essay/)
    }
    expect(listClaims(store)).toHaveLength(0)
    const claim = createClaim(store, tail, '김기자')
    expect(
      factdeskError(
        () => attachClaim(store, claim.id, { ...tail, end: 2 ** 53 - 1 }, '김기자'),
        'selection-beyond-essay',
      ).message,
    ).toMatch(/beyond the end/)
  })

  it('keeps an unplaced W3C annotation with a far-away position inside the essay', async () => {
    const length = codePointLength(readDocument(store).text)
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
    const [claim] = listClaims(store)
    expect(claim.end).toBeLessThanOrEqual(length)
    expect(() => validateBundle('again.json', exportBundle(store, '김기자'))).not.toThrow()
  })
})

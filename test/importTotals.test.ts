import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { reanchor } from '../src/core/document/anchoring'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { IMPORT_LIMITS } from '../src/core/exchange/safeJson'
import { ReviewStore } from '../src/core/review/store'
import { cpSlice } from '../src/shared/text'
import { bundledEssay } from './helpers/essay'
import { anchorOf, bytesOf, dump } from './helpers/exchange'
import { readDocument } from '../src/core/document/queries'
import { createClaim, updateClaim } from '../src/core/claims/commands'
import { openReview } from '../src/core/review/open'

/** Totals per file, so that no file within the limits takes minutes to import. */
let store: ReviewStore
beforeEach(() => {
  store = openReview(':memory:', bundledEssay())
})
afterEach(() => store.close())

function bundleWith(edit: (b: ReturnType<typeof exportBundle>) => object): Buffer {
  const other = openReview(':memory:', bundledEssay())
  const c = createClaim(other, anchorOf(other, '챗GPT 유료 가입자 수 2위'), '박검증')
  updateClaim(other, c.id, { verdict: 'true' }, '박검증')
  const b = exportBundle(other, '박검증')
  other.close()
  return bytesOf(edit(b))
}

it('refuses a file with more versions in all than the limit, however they are spread, before checking each', async () => {
  const per = Math.ceil((IMPORT_LIMITS.versions + 1) / 4)
  const bytes = bundleWith((b) => ({
    ...b,
    claims: b.claims.map((c) => ({ ...c, history: [...Array.from({ length: per }, () => randomUUID()), c.version] })),
    sources: [],
    events: [],
  }))
  // Four claims' worth in one: the per-claim cap (100,000) alone would let it through.
  const oneClaim = JSON.parse(bytes.toString()) as { claims: { history: string[] }[] }
  const claim = oneClaim.claims[0]
  const many = { ...oneClaim, claims: [0, 1, 2, 3].map(() => ({ ...claim, id: randomUUID() })) }
  const before = dump(store)
  const started = performance.now()
  await expect(importFile(store, 'versions.json', bytesOf(many), '김기자')).rejects.toMatchObject({
    code: 'import-too-many',
    params: { file: 'versions.json', what: 'versions', limit: 200_000 },
  })
  expect(performance.now() - started).toBeLessThan(5000)
  expect(dump(store)).toEqual(before)
})

it('refuses more history entries than the limit', async () => {
  const bytes = bundleWith((b) => ({
    ...b,
    events: Array.from({ length: IMPORT_LIMITS.events + 1 }, () => ({ ...b.events[0], id: randomUUID() })),
  }))
  await expect(importFile(store, 'events.json', bytes, '김기자')).rejects.toMatchObject({
    code: 'import-too-many',
    params: { what: 'events', limit: 100_000, found: 100_001 },
    message: expect.stringMatching(/100,001 history entries, more than the 100,000/),
  })
})

it('spends at most its budget on approximate searching, and says how many quotes it left unsearched', () => {
  const text = readDocument(store).text
  const quote = cpSlice(text, 300, 340)
  const fuzzy = cpSlice(quote, 0, 20) + '#' + cpSlice(quote, 21)
  const budget = { left: text.length * 2 * 3, skipped: 0 }
  const found = [0, 1, 2, 3, 4].map(() => reanchor(text, { exact: fuzzy }, budget))
  expect(found.map((f) => f?.method ?? null)).toEqual(['fuzzy', 'fuzzy', 'fuzzy', null, null])
  expect(budget.skipped).toBe(2)
  // Exact quotes cost nothing from the budget.
  expect(reanchor(text, { exact: quote }, budget)?.method).toBe('quote')
})

/**
 * The Claims panel's list is read once per change of the review, not once a keystroke: these check
 * that every kind of change is still seen by the next search.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { queryClaims } from '../src/core/search/search'
import { ReviewStore } from '../src/core/review/store'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf } from './helpers/exchange'
import { openReview } from '../src/core/review/open'
import { createClaim, updateClaim } from '../src/core/claims/commands'

let dir: TempDir
let store: ReviewStore
beforeEach(() => {
  dir = tempDir()
  store = openReview(dir.file('r.factdesk'), bundledEssay())
})
afterEach(() => {
  store.close()
  dir.remove()
})

it('a search after a change of this review sees the change', () => {
  const a = createClaim(store, anchorOf(store, '오픈AI가 서울을 선택한 것'), '김기자')
  expect(queryClaims(store, { query: '서울', filters: { verdict: 'false' } }).ids).toEqual([])
  updateClaim(store, a.id, { verdict: 'false' }, '김기자')
  expect(queryClaims(store, { query: '서울', filters: { verdict: 'false' } }).ids).toEqual([a.id])
  const b = createClaim(store, anchorOf(store, '세계적으로 가장 강력한'), '김기자')
  expect(queryClaims(store, { query: '' }).ids).toEqual([b.id, a.id])
  expect(queryClaims(store, { query: '', sort: 'modified' }).ids).toEqual([b.id, a.id])
})

it('a search sees a change another window wrote to the same file', () => {
  const a = createClaim(store, anchorOf(store, '오픈AI가 서울을 선택한 것'), '김기자')
  expect(queryClaims(store, { query: '', filters: { status: 'checked' } }).ids).toEqual([])
  const other = openReview(dir.file('r.factdesk'), bundledEssay())
  try {
    updateClaim(other, a.id, { status: 'checked' }, '박편집')
  } finally {
    other.close()
  }
  expect(queryClaims(store, { query: '', filters: { status: 'checked' } }).ids).toEqual([a.id])
})

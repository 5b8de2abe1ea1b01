import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ReviewStore } from '../src/core/review/store'
import { bundledEssay, factdeskError, sha256, tempDir, type TempDir } from './helpers/essay'

/** Where a review file is opened from is checked before SQLite touches it. */
let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

it('refuses a folder with a message', () => {
  const folder = dir.file('reviews.factdesk')
  mkdirSync(folder)
  expect(factdeskError(() => ReviewStore.open(folder, bundledEssay()), 'review-file-folder').message).toMatch(/is a folder, not a review file/)
  expect(readdirSync(folder)).toEqual([])
})

it('refuses a link to nowhere instead of creating a review where it points', () => {
  const link = dir.file('link.factdesk')
  symlinkSync(dir.file('missing/target.factdesk'), link)
  expect(factdeskError(() => ReviewStore.open(link, bundledEssay()), 'review-file-link-broken').params).toEqual({ file: link })
  expect(existsSync(dir.file('missing'))).toBe(false)
})

it('opens a review through a link to it', () => {
  const real = dir.file('real.factdesk')
  ReviewStore.open(real, bundledEssay()).close()
  const link = dir.file('link.factdesk')
  symlinkSync(real, link)
  const store = ReviewStore.open(link)
  expect(store.document().title).toContain('서울')
  store.close()
})

it('refuses a read-only review file at once, leaving it unchanged', () => {
  const path = dir.file('locked.factdesk')
  ReviewStore.open(path, bundledEssay()).close()
  chmodSync(path, 0o444)
  const before = sha256(path)
  expect(factdeskError(() => ReviewStore.open(path), 'review-file-read-only').params).toEqual({ file: path })
  expect(sha256(path)).toBe(before)
  expect(readdirSync(dir.path)).toEqual(['locked.factdesk'])
})

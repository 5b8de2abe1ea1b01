import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { bundledEssay, factdeskError, sha256, tempDir, type TempDir } from './helpers/essay'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

/** Where a review file is opened from is checked before SQLite touches it. */
let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

it('refuses a folder with a message', () => {
  const folder = dir.file('reviews.factdesk')
  mkdirSync(folder)
  expect(factdeskError(() => openReview(folder, bundledEssay()), 'review-file-folder').message).toMatch(
    /is a folder, not a review file/,
  )
  expect(readdirSync(folder)).toEqual([])
})

it('refuses a link to nowhere instead of creating a review where it points', () => {
  const link = dir.file('link.factdesk')
  symlinkSync(dir.file('missing/target.factdesk'), link)
  expect(factdeskError(() => openReview(link, bundledEssay()), 'review-file-link-broken').params).toEqual({
    file: link,
  })
  expect(existsSync(dir.file('missing'))).toBe(false)
})

it('opens a review through a link to it', () => {
  const real = dir.file('real.factdesk')
  openReview(real, bundledEssay()).close()
  const link = dir.file('link.factdesk')
  symlinkSync(real, link)
  const store = openReview(link)
  expect(readDocument(store).title).toContain('서울')
  store.close()
})

it('refuses a read-only review file at once, leaving it unchanged', () => {
  const path = dir.file('locked.factdesk')
  openReview(path, bundledEssay()).close()
  chmodSync(path, 0o444)
  const before = sha256(path)
  expect(factdeskError(() => openReview(path), 'review-file-read-only').params).toEqual({ file: path })
  expect(sha256(path)).toBe(before)
  expect(readdirSync(dir.path)).toEqual(['locked.factdesk'])
})

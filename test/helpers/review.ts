/** Helpers for tests of one review of the bundled essay that is marked and edited as the editor would. */
import { afterEach, beforeEach } from 'vitest'
import { $saveDocument, type ClaimRange } from '../../src/core/document/documentEdit'
import { ReviewStore } from '../../src/core/review/store'
import type { Claim } from '../../src/shared/domain'
import type { Block } from '../../src/shared/essay'
import { editRegion, mapRange } from '../../src/shared/textDiff'
import { bundledEssay, tempDir, type TempDir } from './essay'
import { anchorOf } from './exchange'
import { readDocument } from '../../src/core/document/queries'
import { createClaim } from '../../src/core/claims/commands'
import { openReview } from '../../src/core/review/open'

export interface TestReview {
  readonly store: ReviewStore
  readonly dir: TempDir
  /** Closes the review file and opens it again, as a restart would. */
  reopen(): void
}

/** A review file of the bundled essay in a new folder for each test, closed and removed after it. */
export function bundledReviewPerTest(): TestReview {
  let dir: TempDir | undefined
  let store: ReviewStore | undefined
  beforeEach(() => {
    dir = tempDir()
    store = openReview(dir.file('r.factdesk'), bundledEssay())
  })
  afterEach(() => {
    store?.close()
    dir?.remove()
  })
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the review is open only inside a test')
    return value
  }
  return {
    get store() {
      return opened(store)
    },
    get dir() {
      return opened(dir)
    },
    reopen() {
      opened(store).close()
      store = openReview(opened(dir).file('r.factdesk'))
    },
  }
}

/** Marks the first place the essay reads `quote` as a claim. */
export const markQuote = (store: ReviewStore, quote: string, actor = '김기자'): Claim =>
  createClaim(store, anchorOf(store, quote), actor)

/** The essay's blocks with `from` replaced by `to` in each run that holds it, as the editor would save them. */
export function replacedBlocks(store: ReviewStore, from: string, to: string): Block[] {
  return readDocument(store).blocks.map((b) => ({
    ...b,
    inlines: b.inlines.map((r) => ({ ...r, text: r.text.replace(from, to) })),
  }))
}

/** The essay text of `blocks`. */
export const textOf = (blocks: Block[]): string => blocks.map((b) => b.inlines.map((r) => r.text).join('')).join('\n')

/** Every claim's range moved through the edit from `before` to `after`, as the editor does (a claim whose words are gone is left out). */
export function movedRanges(before: string, after: string, claims: Claim[]): ClaimRange[] {
  const edit = editRegion(before, after)
  return claims.flatMap((c) => {
    const r = mapRange(c, edit)
    return r ? [{ id: c.id, ...r }] : []
  })
}

/** Saves the essay's blocks with the claims' new ranges, in one transaction as the editor's save does. */
export function saveEssay(store: ReviewStore, blocks: Block[], ranges: ClaimRange[], actor: string): void {
  store.db.transaction(() => $saveDocument(store, { blocks }, ranges, actor))()
}

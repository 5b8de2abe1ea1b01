import { randomUUID } from 'node:crypto'
import { essayByline, essayText, essayTitle } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { SCALE_SETTING, type VerdictScale } from '../../shared/scales'
import { get, run, tx } from '../db/query'
import type { ParsedEssay } from '../document/essayFormat'
import { rememberPublished } from '../republish/settings'
import type { LockHolder, ReviewLock } from './reviewLock'
import { contentHash, ReviewStore } from './store'

/**
 * Opens a review file; a new or empty file becomes a review of `essay`, rated on `scale` (the
 * reviewer's default verdict scale) when given. With `readOnly` the file must exist and is only read;
 * `heldOpen`: the identity of the file the window has open there (../db/reviewFile.ts openReviewDatabase).
 */
export function openReview(
  path: string,
  essay?: ParsedEssay,
  options: { scale?: VerdictScale; lock?: ReviewLock; readOnly?: LockHolder; heldOpen?: string } = {},
): ReviewStore {
  if (options.readOnly) return ReviewStore.connect(path, { readOnly: options.readOnly })
  const store = ReviewStore.connect(path, { mustExist: !essay, lock: options.lock, heldOpen: options.heldOpen })
  if (get(store.db, `SELECT 1 FROM document LIMIT 1`) !== undefined) return store
  if (!essay) {
    store.close()
    throw new FactdeskError('review-file-no-essay', { file: path })
  }
  tx(store.db, () => {
    insertEssay(store, essay)
    rememberPublished(store, essay.meta.published)
    if (options.scale)
      run(
        store.db,
        `INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)`,
        SCALE_SETTING,
        JSON.stringify(options.scale),
      )
  })
  return store
}

function insertEssay(store: ReviewStore, essay: ParsedEssay): void {
  const text = essayText(essay.blocks)
  const t = new Date().toISOString()
  run(
    store.db,
    `INSERT INTO document (id, title, byline, source_url, language, blocks_json, text, content_hash, created, modified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    randomUUID(),
    essayTitle(essay.blocks),
    essayByline(essay.blocks),
    essay.meta.source ?? essay.meta.url ?? '',
    essay.meta.language ?? '',
    JSON.stringify(essay.blocks),
    text,
    contentHash(text),
    t,
    t,
  )
}

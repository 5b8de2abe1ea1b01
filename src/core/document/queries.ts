import type { DocumentView, ReviewInfo } from '../../shared/contract'
import { SCHEMA_VERSION } from '../db/migrations'
import { get } from '../db/query'
import { toDocumentView, type DocumentRow } from '../db/rows'
import type { ReviewStore } from '../review/store'

/** The essay under review (a review file holds exactly one). */
export function readDocument(store: ReviewStore): DocumentView {
  const row = get<DocumentRow>(store.db, `SELECT id, title, blocks_json, text, content_hash FROM document LIMIT 1`)
  if (!row) throw new Error(`${store.path} holds no essay.`)
  return toDocumentView(row)
}

/** What the window shows of the open review: its file, essay title, schema and whether it is read-only. */
export function reviewInfo(store: ReviewStore): ReviewInfo {
  return { path: store.path, documentTitle: readDocument(store).title, schemaVersion: SCHEMA_VERSION, readOnly: store.readOnly }
}

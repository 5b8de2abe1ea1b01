import { z } from 'zod'
import type { DeskDocument, DocumentView, ReviewInfo } from '../../shared/contract'
import { blockSchema } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../db/migrations'
import { get, value, type Db } from '../db/query'
import { toDeskDocument, toDocumentView, type DeskDocumentRow, type DocumentRow } from '../db/rows'
import type { ReviewStore } from '../review/store'
import type { ParsedEssay } from './essayFormat'

/** The essay under review (a review file holds exactly one). */
export function readDocument(store: ReviewStore): DocumentView {
  const row = get<DocumentRow>(
    store.db,
    `SELECT id, title, blocks_json, text, content_hash, language FROM document LIMIT 1`,
  )
  if (!row) throw new FactdeskError('review-file-no-essay', { file: store.path })
  return toDocumentView(row)
}

/** The essay as the desk's page opens it (DeskDocument): the text stays in the file. */
export function readDeskDocument(store: ReviewStore): DeskDocument {
  const row = get<DeskDocumentRow>(
    store.db,
    `SELECT id, title, blocks_json, language, text GLOB '*[가-힣]*' AS hangul, content_hash, modified FROM document LIMIT 1`,
  )
  if (!row) throw new FactdeskError('review-file-no-essay', { file: store.path })
  return toDeskDocument(row)
}

/** What the window shows of the open review: its file, essay title, schema and whether it is read-only. */
export function reviewInfo(store: ReviewStore): ReviewInfo {
  // The title alone: the window asks this as it opens, and the whole essay is megabytes to read and parse.
  const title = value<string>(store.db, `SELECT title FROM document LIMIT 1`)
  if (title === undefined) throw new FactdeskError('review-file-no-essay', { file: store.path })
  return {
    path: store.path,
    documentTitle: title,
    schemaVersion: SCHEMA_VERSION,
    readOnly: store.readOnly,
  }
}

/** The essay's plain text straight from a connection (a read-only copy of a file not opened as a review). */
export function documentTextOf(db: Db): string | undefined {
  return value<string>(db, `SELECT text FROM document LIMIT 1`)
}

const blocksSchema = z.array(blockSchema).min(1)

/**
 * The review's essay as a new review would start from it — blocks, source URL and language, corrections
 * applied as they were — or null when the stored blocks are damaged.
 */
export function storedEssay(store: ReviewStore): ParsedEssay | null {
  const row = get<{ blocks_json: string; source_url: string; language: string }>(
    store.db,
    `SELECT blocks_json, source_url, language FROM document LIMIT 1`,
  )
  if (!row) return null
  const blocks = blocksSchema.safeParse(parseOrNull(row.blocks_json))
  if (!blocks.success) return null
  const meta: Record<string, string> = {}
  if (row.source_url) meta.source = row.source_url
  if (row.language) meta.language = row.language
  return { blocks: blocks.data, meta }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

import type { ImportRecord, ImportSummary } from '../../shared/exchange'
import type { ReviewStore } from '../review/store'
import { undoableImports } from './importUndo'
import { all } from '../db/query'

export function listImports(store: ReviewStore): ImportRecord[] {
  const rows = all<{
    id: string
    imported: string
    importer: string
    file_name: string
    format: string
    summary_json: string
    undone: string
    undone_by: string
  }>(
    store.db,
    `SELECT id, imported, importer, file_name, format, summary_json, undone, undone_by FROM import_log ORDER BY imported DESC, id`,
  )
  // Only the next import in line can be undone (the ones after it must be undone first).
  const next = undoableImports(store.db)[0]
  return rows.map((r) => ({
    id: r.id,
    imported: r.imported,
    importer: r.importer,
    fileName: r.file_name,
    format: r.format,
    summary: JSON.parse(r.summary_json) as ImportSummary,
    undone: r.undone,
    undoneBy: r.undone_by,
    canUndo: r.id === next,
  }))
}

import type { ImportRecord, ImportSummary } from '../../shared/exchange'
import type { ReviewStore } from '../store'

export function listImports(store: ReviewStore): ImportRecord[] {
  const rows = store.db
    .prepare(`SELECT id, imported, importer, file_name, format, summary_json FROM import_log ORDER BY imported DESC, id`)
    .all() as { id: string; imported: string; importer: string; file_name: string; format: string; summary_json: string }[]
  return rows.map((r) => ({
    id: r.id,
    imported: r.imported,
    importer: r.importer,
    fileName: r.file_name,
    format: r.format,
    summary: JSON.parse(r.summary_json) as ImportSummary,
  }))
}

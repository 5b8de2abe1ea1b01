import type { ImportSummary } from '../../shared/exchange'
import { errorInfo, FactdeskError, type ErrorInfo } from '../../shared/errors'
import { ReviewStore } from '../review/store'
import { importFile } from './files'

/**
 * An import as a job that can run on its own connection to the review file — in a worker thread, so a
 * 50 MB file never freezes the window (src/core/exchange/importRunner.ts). The window's connection sees
 * the committed result like any other connection's commit.
 */
export interface ImportJob {
  reviewPath: string
  fileName: string
  bytes: Uint8Array
  importer: string
}

export type ImportPhase = 'reading' | 'merging'

/** What a worker posts back: progress, then the summary or the refusal. */
export type ImportMessage =
  | { type: 'progress'; phase: ImportPhase }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: ErrorInfo }

export async function runImportJob(job: ImportJob, progress: (phase: ImportPhase) => void): Promise<ImportSummary> {
  // 'reading' was told when the call began (exchange/handlers.ts); 'merging' comes from importFile.
  const store = ReviewStore.open(job.reviewPath)
  try {
    return await importFile(store, job.fileName, job.bytes, job.importer, progress)
  } finally {
    store.close()
  }
}

export function failureMessage(err: unknown): ImportMessage {
  if (err instanceof FactdeskError) return { type: 'failed', error: err.info() }
  return { type: 'failed', error: errorInfo('internal', { detail: (err as Error)?.message ?? String(err) }) }
}

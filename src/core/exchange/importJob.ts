import type { ImportSummary } from '../../shared/exchange'
import { errorInfo, FactdeskError } from '../../shared/errors'
import type { ImportJob, ImportMessage, ImportPhase } from './importRunner'
import { importFile } from './files'
import { openReview } from '../review/open'
import { checkpoint } from '../db/checkpoint'

/**
 * An import as a job that can run on its own connection to the review file — in a worker thread, so a
 * 50 MB file never freezes the window (src/core/exchange/importRunner.ts). The window's connection sees
 * the committed result like any other connection's commit.
 */
export async function runImportJob(
  job: ImportJob,
  progress: (phase: ImportPhase) => void,
  answer: (summary: ImportSummary) => void,
): Promise<void> {
  // 'reading' was told when the call began (exchange/handlers.ts); 'merging' comes from importFile.
  const store = openReview(job.reviewPath, undefined, { heldOpen: job.openedAs })
  try {
    answer(
      await importFile(store, job.fileName, job.bytes, job.importer, progress, {
        acceptResolved: job.acceptResolved,
      }),
    )
    // The reviewer has the summary; the file's checkpoint runs here, off the window's thread.
    checkpoint(store.db)
  } finally {
    store.close()
  }
}

export function failureMessage(err: unknown): ImportMessage {
  if (err instanceof FactdeskError) return { type: 'failed', error: err.info() }
  return { type: 'failed', error: errorInfo('internal', { detail: (err as Error)?.message ?? String(err) }) }
}

import type * as Y from 'yjs'
import { importNote, type ImportSummary } from '../../shared/exchange'
import type { ReviewStore } from '../review/store'
import { adaptIncomingVerdicts } from '../scales/scales'
import { mergeIncoming } from '../exchange/merge'
import { readDocument } from '../document/queries'
import { incomingFrom } from './records'

/**
 * Merges the records that arrived (`kind:key` in the shared document) into the review file through the
 * import's merge, after `adaptIncomingVerdicts` as for a file, in ONE transaction, with `inTransaction`
 * (the link's own bookkeeping) in the same commit. No import-undo entry: a sync batch is not an import
 * to take back. `total` is undefined when the merge failed (nothing was written).
 */
export function mergeArrived(
  store: ReviewStore,
  doc: Y.Doc,
  keys: Set<string>,
  opts: { fileName: string; importer: string; inTransaction: () => string[] },
): { total?: ImportSummary; deferred: string[]; acknowledged: string[] } {
  const essay = readDocument(store)
  const hasClaim = store.db.prepare(`SELECT 1 FROM claim WHERE id = ?`).pluck()
  const { batches, refused, deferred } = incomingFrom(doc, keys, {
    text: essay.text,
    hash: essay.hash,
    hasClaim: (id) => hasClaim.get(id) !== undefined,
  })
  const meta = { fileName: opts.fileName, fileHash: '', importer: opts.importer, live: true }
  let acknowledged: string[] = []
  let total: ImportSummary
  try {
    total = store.db
      .transaction(() => {
        const summaries = batches.map((incoming) => mergeIncoming(store, adaptIncomingVerdicts(store, incoming), meta))
        acknowledged = opts.inTransaction()
        return sumSummaries(summaries, opts.fileName)
      })
      .immediate()
  } catch (err) {
    // Nothing of the batch was written (one transaction); the records stay on the server and are
    // merged again when the review is next shared. The desk goes on working.
    console.error(`Factdesk: records from ${opts.fileName} could not be merged: ${(err as Error).message}`)
    return { deferred, acknowledged: [] }
  }
  if (refused) total.notes.push(importNote('sync-records-invalid', { count: refused }))
  return { total, deferred, acknowledged }
}

function sumSummaries(list: ImportSummary[], fileName: string): ImportSummary {
  const total: ImportSummary = { ...list[0], fileName, notes: [...list[0].notes] }
  const counts = total as unknown as Record<string, unknown>
  for (const s of list.slice(1)) {
    for (const [key, v] of Object.entries(s))
      if (typeof v === 'number') counts[key] = ((counts[key] as number | undefined) ?? 0) + v
    total.unanchored = [...total.unanchored, ...s.unanchored]
    total.changedClaims = [...(total.changedClaims ?? []), ...(s.changedClaims ?? [])]
    total.notes.push(...s.notes)
    total.documentDiffers ||= s.documentDiffers
  }
  return total
}

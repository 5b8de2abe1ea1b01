import type Database from 'better-sqlite3'
import type { ImportNote } from '../../shared/exchange'
import { randomUUID } from 'node:crypto'
import type { ReviewStore } from '../review/store'
import { fuzzyBudget, fuzzyBudgetNote } from '../document/anchoring'
import type { ImportFormat, ImportSummary } from '../../shared/exchange'
import type { BundleClaim, BundleSource } from './bundle'
import { mergeThread, MergeTouches, recordMergeEvents, type ThreadIncoming } from './mergeThread'
import { mergeExtras, type ExtrasIncoming } from './mergeExtras'
import { mergeWorkflow, type BundleWorkflow } from '../workflow/exchange'
import { recordOrigins, type ClaimOrigin } from './w3cOrigin'
import { readDocument } from '../document/queries'
import { localState } from './mergeLocal'
import { EntityMerge } from './mergeEntities'

/**
 * What an import brings, whatever file it came from (replies, tags, history, corrections, settings, the
 * scale and dismissed suggestions: from bundles and review files).
 */
export interface IncomingReview extends ThreadIncoming, ExtrasIncoming {
  /** Assignments and sign-offs (bundle version 3 and review files). */
  workflow?: BundleWorkflow[]
  format: ImportFormat
  documentText: string
  claims: BundleClaim[]
  sources: BundleSource[]
  /** Things the summary must say (e.g. "the annotations were made on another page"). */
  notes: ImportNote[]
  /** Claims the reader already placed on the open essay's words (W3C), by id: the quote the file gave. */
  quotes?: Map<string, string>
  /** W3C annotations' own ids (and canonical IRIs) by claim id, for claims whose id is not the annotation's. */
  origins?: ClaimOrigin[]
  /** Adds the format's own part of the summary once the merge has counted (a reviewed Word document). */
  summarize?: (summary: ImportSummary) => void
}

/**
 * A file's claims or sources in the order of their ids, the order their rows are written in (claims
 * only when none is looked for on the essay, below): the
 * indexes on ids (the table's own, and its versions' values, `version_value`) then grow at one end
 * instead of at 10,000 places. Written in the file's order, 10,000 new claims took 136–165 ms of CPU
 * in one transaction; in the order of their ids, 99–109 (the rows and their versions alone).
 */
const byId = <T extends { id: string }>(list: readonly T[]): readonly T[] =>
  list.length < 2 ? list : [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** The versions first seen and the conflicts of a merge, in one statement each. */
function writeSeenAndConflicts(
  db: Database.Database,
  firstSeen: [string, string][],
  conflicts: [string, string, string, string, string][],
  origin: string,
): void {
  // In key order, as the rows above (`byId`).
  if (firstSeen.length > 0)
    db.prepare(
      `INSERT OR IGNORE INTO version_seen (entity_id, version) SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY 1, 2`,
    ).run(JSON.stringify(firstSeen))
  if (conflicts.length > 0)
    db.prepare(
      `INSERT OR IGNORE INTO conflict (id, entity, entity_id, their_version, theirs_json, origin, created)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ?, ? FROM json_each(?)`,
    ).run(origin, new Date().toISOString(), JSON.stringify(conflicts))
}

/**
 * Merges `incoming` into the open review in ONE transaction: all of it lands, or none of it. Called
 * inside a transaction (an import's capture, a live-sync batch), it writes in that one, which then
 * lands or not as a whole: a savepoint of its own would make SQLite keep every statement's journal
 * of pages until the outer transaction ends (the sub-journal is emptied only when the outermost
 * savepoint is released): ≈ 30–50 ms of a 10,000-claim import.
 */
export function mergeIncoming(
  store: ReviewStore,
  incoming: IncomingReview,
  meta: { fileName: string; fileHash: string; importer: string; live?: boolean },
): ImportSummary {
  const { db } = store
  // The essay's id, and whether the file's text is its text, compared by SQLite: parsing its blocks
  // costs more than the rest of a small merge, and even reading its text costs a large one's writes
  // of a hundred claims. A review without one is refused as readDocument refuses it.
  const doc = (db.prepare(`SELECT id, text = ? AS same FROM document LIMIT 1`).get(incoming.documentText) as
    { id: string; same: number } | undefined) ?? {
    id: readDocument(store).id,
    same: 0,
  }
  const documentDiffers = doc.same !== 1
  const summary: ImportSummary = {
    fileName: meta.fileName,
    format: incoming.format,
    added: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    conflicts: 0,
    unanchored: [],
    sourcesAdded: 0,
    sourcesUpdated: 0,
    documentDiffers,
    changedClaims: [],
    notes: [...incoming.notes],
  }
  const historyOf = db.prepare(`SELECT version FROM version_seen WHERE entity_id = ?`).pluck()
  // Replies, tags, corrections and workflow look theirs up one by one.
  const known = (id: string) => new Set(historyOf.all(id) as string[])
  const budget = fuzzyBudget()
  const touched = new MergeTouches()
  const merge = () => {
    const entities = new EntityMerge({
      store,
      documentId: doc.id,
      documentDiffers,
      fileText: incoming.documentText,
      quotes: incoming.quotes,
      meta,
      summary,
      touched,
      budget,
      // Read under the write lock, as the per-claim lookups were: nothing can change it before the writes.
      local: localState(db, incoming.claims, incoming.sources),
    })
    // Claims that may be looked for on the essay keep the file's order: the fuzzy search's budget goes
    // to the first of them, and which claims it reaches must not depend on their ids.
    const searched = documentDiffers || incoming.claims.some((c) => !c.anchored)
    for (const c of searched ? incoming.claims : byId(incoming.claims)) entities.claim(c)
    for (const s of byId(incoming.sources)) entities.source(s)
    if (!searched) entities.listInFileOrder(incoming.claims)
    // Nothing reads these before the merge ends (what was seen is read up front): one statement each.
    writeSeenAndConflicts(db, entities.firstSeen, entities.conflicts, meta.fileName)
    Object.assign(summary, mergeThread(store, incoming, known, touched))
    const extras = mergeExtras(store, incoming, known, touched)
    Object.assign(summary, extras.counts)
    mergeWorkflow(store, incoming.workflow ?? [], known, touched)
    summary.notes.push(...extras.notes)
    if (budget.skipped) summary.notes.push(fuzzyBudgetNote(budget.skipped))
    recordOrigins(db, incoming.origins ?? [])
    // Live sync (src/core/sync/) brings the other reviewers' own history entries with their records, so
    // only a conflict gets a 'merged' entry, and a sync batch is no import in the import log.
    if (meta.live)
      for (const [id, change] of [...touched.byClaim]) if (change !== 'conflict') touched.byClaim.delete(id)
    recordMergeEvents(db, touched, meta.fileName, meta.importer, new Date().toISOString(), !meta.live)
    incoming.summarize?.(summary)
    if (meta.live) return
    db.prepare(
      `INSERT INTO import_log (id, imported, importer, file_name, file_hash, format, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomUUID(),
      new Date().toISOString(),
      meta.importer,
      meta.fileName,
      meta.fileHash,
      incoming.format,
      JSON.stringify(summary),
    )
  }
  if (db.inTransaction) merge()
  else db.transaction(merge).immediate()
  return summary
}

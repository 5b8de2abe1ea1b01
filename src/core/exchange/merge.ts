import type Database from 'better-sqlite3'
import type { ImportNote } from '../../shared/exchange'
import { randomUUID } from 'node:crypto'
import type { ReviewStore } from '../review/store'
import { Anchorer, fuzzyBudget, fuzzyBudgetNote } from '../document/anchoring'
import { recordTextChange } from '../claims/textChange'
import type { ImportFormat, ImportSummary } from '../../shared/exchange'
import type { BundleClaim, BundleSource } from './bundle'
import { claimChange, mergeThread, MergeTouches, recordMergeEvents, type ThreadIncoming } from './mergeThread'
import { mergeExtras, type ExtrasIncoming } from './mergeExtras'
import { relation } from './mergeRules'
import { mergeWorkflow, type BundleWorkflow } from '../workflow/exchange'
import { recordOrigins, type ClaimOrigin } from './w3cOrigin'
import { documentTextOf, readDocument } from '../document/queries'
import { localState } from './mergeLocal'
import { claimUpdater } from './mergeUpdate'

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

const claimContent = (c: { exact: string; verdict: string; status: string; note: string; deleted: boolean }) =>
  c.deleted ? 'deleted' : JSON.stringify([c.exact, c.verdict, c.status, c.note])

const sourceContent = (
  s: Omit<BundleSource, 'id' | 'claimId' | 'created' | 'modified' | 'revision' | 'version' | 'history'>,
) =>
  s.deleted
    ? 'deleted'
    : JSON.stringify([s.url, s.title, s.publisher, s.published, s.accessed, s.excerpt, s.archiveUrl])

/** The versions first seen and the conflicts of a merge, in one statement each. */
function writeSeenAndConflicts(
  db: Database.Database,
  firstSeen: [string, string][],
  conflicts: [string, string, string, string, string][],
  origin: string,
): void {
  if (firstSeen.length > 0)
    db.prepare(
      `INSERT OR IGNORE INTO version_seen (entity_id, version) SELECT value ->> 0, value ->> 1 FROM json_each(?)`,
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
  const documentId = doc.id
  const historyOf = db.prepare(`SELECT version FROM version_seen WHERE entity_id = ?`).pluck()
  // Replies, tags, corrections and workflow look theirs up one by one.
  const known = (id: string) => new Set(historyOf.all(id) as string[])
  const NONE = new Set<string>()
  // Versions first seen and conflicts are written in one statement each once the claims and sources are
  // merged (nothing reads them before: what was seen is read up front), instead of a statement per row.
  const firstSeen: [string, string][] = []
  const conflicts: [string, 'claim' | 'source', string, string, string][] = []
  const remember = (id: string, history: readonly string[], versions: Set<string>) => {
    for (const v of history) if (!versions.has(v)) firstSeen.push([id, v])
  }
  // A pending conflict is settled once the local version descends from its other side (e.g. the other
  // reviewer resolved the same conflict and we took their result).
  const settleConflicts = db.prepare(
    `UPDATE conflict SET resolved = ? WHERE entity_id = ? AND resolved = '' AND their_version IN (SELECT value FROM json_each(?))`,
  )
  const writeClaim = db.prepare(
    `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, anchored, verdict, status, note, author, created, modified, modified_by, revision, deleted, version, text_changed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
       start = excluded.start, end = excluded.end, anchored = excluded.anchored, verdict = excluded.verdict, text_changed = excluded.text_changed,
       status = excluded.status, note = excluded.note, modified = excluded.modified, modified_by = excluded.modified_by,
       revision = excluded.revision, deleted = excluded.deleted, version = excluded.version`,
  )
  const updateClaim = claimUpdater(db)
  const writeSource = db.prepare(
    `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, revision, deleted, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, publisher = excluded.publisher,
       published = excluded.published, accessed = excluded.accessed, excerpt = excluded.excerpt,
       archive_url = excluded.archive_url, modified = excluded.modified, revision = excluded.revision,
       deleted = excluded.deleted, version = excluded.version`,
  )

  const budget = fuzzyBudget()
  // Built on first need: the claims' offsets refer to the file's text, so the comparison of the two
  // texts tells where to look first.
  let anchorer: Anchorer | null = null
  const placeClaim = (c: BundleClaim) => {
    if (!documentDiffers && c.anchored)
      return { start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix, exact: c.exact, anchored: 1 }
    anchorer ??= new Anchorer(documentTextOf(db)!, incoming.documentText || undefined)
    const found = anchorer.find(c, budget)
    if (found) return { ...found.anchor, anchored: 1 }
    return { start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix, exact: c.exact, anchored: 0 }
  }

  const touched = new MergeTouches()
  const merge = () => {
    // Read under the write lock, as the per-claim lookups were: nothing can change it before the writes.
    const { seen, localClaims, localSources, pending } = localState(db, incoming.claims, incoming.sources)
    const claimKnown = (id: string) => seen.get(id) ?? NONE
    for (const c of incoming.claims) {
      const local = localClaims.get(c.id)
      const versions = claimKnown(c.id)
      const rel = relation(versions, local?.version, c)
      if (rel === 'same') summary.unchanged++
      else if (rel === 'concurrent' && local) {
        if (claimContent({ ...local, deleted: local.deleted === 1 }) === claimContent(c)) summary.unchanged++
        else {
          conflicts.push([randomUUID(), 'claim', c.id, c.version, JSON.stringify(c)])
          summary.conflicts++
          touched.note(c.id, 'conflict')
          continue
        }
      } else {
        const place = placeClaim(c)
        // A file without the mark (older bundles, W3C) leaves ours as it is.
        const textChanged = (c.textChanged ?? local?.text_changed === 1) ? 1 : 0
        // Positional: binding named parameters from an object costs more than the insert's own work.
        if (local) updateClaim(local, c, place, textChanged)
        else
          writeClaim.run(
            c.id,
            documentId,
            place.exact,
            place.prefix,
            place.suffix,
            place.start,
            place.end,
            place.anchored,
            c.verdict,
            c.status,
            c.note,
            c.author,
            c.created,
            c.modified,
            c.modifiedBy,
            c.revision,
            c.deleted ? 1 : 0,
            c.version,
            textChanged,
          )
        const quote = (incoming.quotes?.get(c.id) ?? c.exact).normalize('NFC')
        // The words the claim judged before: the file's quote when it was placed on other words, else
        // this review's own words when the file's newer version moved the claim elsewhere.
        const before =
          place.exact !== quote ? quote : local?.deleted === 0 && local.anchored === 1 ? local.exact : quote
        if (place.anchored && !c.deleted && place.exact !== before) {
          // Never onto other words silently: listed in the summary, recorded, and marked if it was rated.
          summary.changedClaims!.push({ id: c.id, before, after: place.exact })
          recordTextChange(
            store,
            { claimId: c.id, before, after: place.exact, via: 'import', file: meta.fileName },
            meta.importer,
            new Date().toISOString(),
          )
        }
        if (rel === 'theirs-newer' && pending.has(c.id))
          settleConflicts.run(new Date().toISOString(), c.id, JSON.stringify(c.history))
        if (c.deleted) {
          if (local?.deleted === 0) summary.deleted++
          else summary.unchanged++
        } else if (rel === 'new') summary.added++
        else summary.updated++
        if (!place.anchored && !c.deleted) summary.unanchored.push({ id: c.id, exact: c.exact })
        touched.note(c.id, claimChange(rel, local?.deleted === 1, c.deleted))
      }
      remember(c.id, c.history, versions)
    }
    for (const s of incoming.sources) {
      const local = localSources.get(s.id)
      const versions = claimKnown(s.id)
      const rel = relation(versions, local?.version, s)
      if (rel === 'concurrent' && local) {
        const mine = { ...local, archiveUrl: local.archive_url, deleted: local.deleted === 1 }
        if (sourceContent(mine) !== sourceContent(s)) {
          conflicts.push([randomUUID(), 'source', s.id, s.version, JSON.stringify(s)])
          summary.conflicts++
          touched.note(s.claimId, 'conflict')
          continue
        }
      } else if (rel === 'new' || rel === 'theirs-newer') {
        writeSource.run(
          s.id,
          s.claimId,
          s.url,
          s.title,
          s.publisher,
          s.published,
          s.accessed,
          s.excerpt,
          s.archiveUrl,
          s.created,
          s.modified,
          s.revision,
          s.deleted ? 1 : 0,
          s.version,
        )
        if (rel === 'theirs-newer' && pending.has(s.id))
          settleConflicts.run(new Date().toISOString(), s.id, JSON.stringify(s.history))
        if (rel === 'new') summary.sourcesAdded++
        else summary.sourcesUpdated++
        touched.note(s.claimId, 'thread')
      }
      remember(s.id, s.history, versions)
    }
    writeSeenAndConflicts(db, firstSeen, conflicts, meta.fileName)
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

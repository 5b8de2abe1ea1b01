import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { ImportSummary } from '../../shared/exchange'
import type { ReviewStore } from '../review/store'
import { Anchorer, type FuzzyBudget } from '../document/anchoring'
import { recordTextChange } from '../claims/textChange'
import { documentTextOf } from '../document/queries'
import type { BundleClaim, BundleSource } from './bundle'
import { claimChange, type MergeTouches } from './mergeThread'
import { relation } from './mergeRules'
import type { LocalState } from './mergeLocal'
import { claimUpdater, type Placement } from './mergeUpdate'

const claimContent = (c: { exact: string; verdict: string; status: string; note: string; deleted: boolean }) =>
  c.deleted ? 'deleted' : JSON.stringify([c.exact, c.verdict, c.status, c.note])

const sourceContent = (
  s: Omit<BundleSource, 'id' | 'claimId' | 'created' | 'modified' | 'revision' | 'version' | 'history'>,
) =>
  s.deleted
    ? 'deleted'
    : JSON.stringify([s.url, s.title, s.publisher, s.published, s.accessed, s.excerpt, s.archiveUrl])

const NONE: ReadonlySet<string> = new Set()

/** What the merge of a file's claims and sources needs of the merge around it (./merge.ts). */
export interface EntityMergeSetup {
  store: ReviewStore
  documentId: string
  /** Whether the file's essay is not the open essay: its claims are then placed again. */
  documentDiffers: boolean
  /** The file's essay text (the claims' offsets refer to it). */
  fileText: string
  quotes: Map<string, string> | undefined
  meta: { fileName: string; importer: string }
  summary: ImportSummary
  touched: MergeTouches
  budget: FuzzyBudget
  local: LocalState
}

/**
 * A file's claims and sources merged one by one, each against this review's own (read up front:
 * ./mergeLocal.ts). A method per entity rather than one loop in the merge's closure: the engine
 * optimizes each small method once and keeps it from one import to the next, where the closure was
 * compiled again for every merge (≈ 30 ms of compiling on another core for a 10,000-claim file).
 */
export class EntityMerge {
  /** Versions first seen, written in one statement once the claims and sources are merged (./merge.ts). */
  readonly firstSeen: [string, string][] = []
  readonly conflicts: [string, 'claim' | 'source', string, string, string][] = []
  private readonly db: Database.Database
  private anchorer: Anchorer | null = null
  private readonly writeClaim: Database.Statement
  private readonly updateClaim: ReturnType<typeof claimUpdater>
  private readonly writeSource: Database.Statement
  private readonly settleConflicts: Database.Statement

  constructor(private readonly setup: EntityMergeSetup) {
    const db = (this.db = setup.store.db)
    // A pending conflict is settled once the local version descends from its other side (e.g. the other
    // reviewer resolved the same conflict and we took their result).
    this.settleConflicts = db.prepare(
      `UPDATE conflict SET resolved = ? WHERE entity_id = ? AND resolved = '' AND their_version IN (SELECT value FROM json_each(?))`,
    )
    this.writeClaim = db.prepare(
      `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, anchored, verdict, status, note, author, created, modified, modified_by, revision, deleted, version, text_changed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
         start = excluded.start, end = excluded.end, anchored = excluded.anchored, verdict = excluded.verdict, text_changed = excluded.text_changed,
         status = excluded.status, note = excluded.note, modified = excluded.modified, modified_by = excluded.modified_by,
         revision = excluded.revision, deleted = excluded.deleted, version = excluded.version`,
    )
    this.updateClaim = claimUpdater(db)
    this.writeSource = db.prepare(
      `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, revision, deleted, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, publisher = excluded.publisher,
         published = excluded.published, accessed = excluded.accessed, excerpt = excluded.excerpt,
         archive_url = excluded.archive_url, modified = excluded.modified, revision = excluded.revision,
         deleted = excluded.deleted, version = excluded.version`,
    )
  }

  private known(id: string): ReadonlySet<string> {
    return this.setup.local.seen.get(id) ?? NONE
  }

  private remember(id: string, history: readonly string[], versions: ReadonlySet<string>): void {
    for (const v of history) if (!versions.has(v)) this.firstSeen.push([id, v])
  }

  private conflict(entity: 'claim' | 'source', e: BundleClaim | BundleSource, claimId: string): void {
    this.conflicts.push([randomUUID(), entity, e.id, e.version, JSON.stringify(e)])
    this.setup.summary.conflicts++
    this.setup.touched.note(claimId, 'conflict')
  }

  private settle(rel: string, id: string, history: readonly string[]): void {
    if (rel === 'theirs-newer' && this.setup.local.pending.has(id))
      this.settleConflicts.run(new Date().toISOString(), id, JSON.stringify(history))
  }

  /** Where the claim goes on the open essay: where the file has it, unless the file's essay differs. */
  private place(c: BundleClaim): Placement {
    if (!this.setup.documentDiffers && c.anchored)
      return { start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix, exact: c.exact, anchored: 1 }
    // Built on first need: the claims' offsets refer to the file's text, so the comparison of the two
    // texts tells where to look first.
    this.anchorer ??= new Anchorer(documentTextOf(this.db)!, this.setup.fileText || undefined)
    const found = this.anchorer.find(c, this.setup.budget)
    if (found) return { ...found.anchor, anchored: 1 }
    return { start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix, exact: c.exact, anchored: 0 }
  }

  claim(c: BundleClaim): void {
    const { summary } = this.setup
    const local = this.setup.local.localClaims.get(c.id)
    const versions = this.known(c.id)
    const rel = relation(versions, local?.version, c)
    if (rel === 'same') summary.unchanged++
    else if (rel === 'concurrent' && local) {
      if (claimContent({ ...local, deleted: local.deleted === 1 }) === claimContent(c)) summary.unchanged++
      else return this.conflict('claim', c, c.id)
    } else {
      const place = this.place(c)
      // A file without the mark (older bundles, W3C) leaves ours as it is.
      const textChanged = (c.textChanged ?? local?.text_changed === 1) ? 1 : 0
      // Positional: binding named parameters from an object costs more than the insert's own work.
      if (local) this.updateClaim(local, c, place, textChanged)
      else
        this.writeClaim.run(
          c.id,
          this.setup.documentId,
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
      const quote = (this.setup.quotes?.get(c.id) ?? c.exact).normalize('NFC')
      // The words the claim judged before: the file's quote when it was placed on other words, else
      // this review's own words when the file's newer version moved the claim elsewhere.
      const before = place.exact !== quote ? quote : local?.deleted === 0 && local.anchored === 1 ? local.exact : quote
      if (place.anchored && !c.deleted && place.exact !== before) this.wordsChanged(c.id, before, place.exact)
      this.settle(rel, c.id, c.history)
      if (c.deleted) {
        if (local?.deleted === 0) summary.deleted++
        else summary.unchanged++
      } else if (rel === 'new') summary.added++
      else summary.updated++
      if (!place.anchored && !c.deleted) summary.unanchored.push({ id: c.id, exact: c.exact })
      this.setup.touched.note(c.id, claimChange(rel, local?.deleted === 1, c.deleted))
    }
    this.remember(c.id, c.history, versions)
  }

  /**
   * The claims whose words changed, in the order the file has them, when they were merged in another
   * (./merge.ts `byId`). Claims not placed are already in it: only claims looked for on the essay can
   * be, and those keep the file's order.
   */
  listInFileOrder(claims: readonly BundleClaim[]): void {
    const place = new Map(claims.map((c, i) => [c.id, i]))
    this.setup.summary.changedClaims?.sort((a, b) => place.get(a.id)! - place.get(b.id)!)
  }

  /** Never onto other words silently: listed in the summary, recorded, and marked if it was rated. */
  private wordsChanged(claimId: string, before: string, after: string): void {
    const { meta, summary } = this.setup
    summary.changedClaims!.push({ id: claimId, before, after })
    recordTextChange(
      this.setup.store,
      { claimId, before, after, via: 'import', file: meta.fileName },
      meta.importer,
      new Date().toISOString(),
    )
  }

  source(s: BundleSource): void {
    const { summary } = this.setup
    const local = this.setup.local.localSources.get(s.id)
    const versions = this.known(s.id)
    const rel = relation(versions, local?.version, s)
    if (rel === 'concurrent' && local) {
      const mine = { ...local, archiveUrl: local.archive_url, deleted: local.deleted === 1 }
      if (sourceContent(mine) !== sourceContent(s)) return this.conflict('source', s, s.claimId)
    } else if (rel === 'new' || rel === 'theirs-newer') {
      this.writeSource.run(
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
      this.settle(rel, s.id, s.history)
      if (rel === 'new') summary.sourcesAdded++
      else summary.sourcesUpdated++
      this.setup.touched.note(s.claimId, 'thread')
    }
    this.remember(s.id, s.history, versions)
  }
}

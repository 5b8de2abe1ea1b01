import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { DocumentView, ReviewInfo } from '../../shared/contract'
import type { Claim, ClaimPatch, Source, SourceFields } from '../../shared/domain'
import { essayByline, essayText, essayTitle, type Block } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import type { Anchor } from '../../shared/text'
import { isHttpUrl } from '../../shared/url'
import { SCHEMA_VERSION } from '../db/migrations'
import type { VerdictScale } from '../../shared/scales'
import { SCALE_SETTING } from '../../shared/scales'
import { openReviewDatabase } from '../db/reviewFile'
import type { LockHolder, ReviewLock } from './reviewLock'
import { toClaim, toCorrection, toSource, type ClaimRow, type SourceRow } from '../db/rows'
import type { ParsedEssay } from '../document/essayFormat'
import { rememberPublished } from '../republish/settings'
import * as writes from '../claims/claimWrites'
import { repliesByClaim, tagsByClaim } from '../thread/thread'

const now = (): string => new Date().toISOString()

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')
}

/** One open review file. Every method is one short transaction, committed before it returns. */
export class ReviewStore {
  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** Who has this review open for writing when this window only reads it (src/core/review/reviewLock.ts). */
    readonly readOnly: LockHolder | null = null,
    private readonly lock: ReviewLock | null = null,
  ) {}

  /**
   * Opens a review file; a new or empty file becomes a review of `essay`, rated on `scale` (the
   * reviewer's default verdict scale) when given.
   */
  static open(
    path: string,
    essay?: ParsedEssay,
    options: { scale?: VerdictScale; lock?: ReviewLock; readOnly?: LockHolder } = {},
  ): ReviewStore {
    if (options.readOnly) {
      return new ReviewStore(openReviewDatabase(path, { mustExist: true, readonly: true }), path, options.readOnly)
    }
    const store = new ReviewStore(openReviewDatabase(path, { mustExist: !essay }), path, null, options.lock ?? null)
    if (!store.hasDocument()) {
      if (!essay) {
        store.close()
        throw new FactdeskError('review-file-no-essay', { file: path })
      }
      store.db.transaction(() => {
        store.setDocument(essay)
        rememberPublished(store, essay.meta.published)
        if (options.scale) {
          store.db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)`).run(SCALE_SETTING, JSON.stringify(options.scale))
        }
      }).immediate()
    }
    return store
  }

  close(): void {
    if (this.db.open) this.db.close()
    this.lock?.release()
  }

  info(): ReviewInfo {
    return { path: this.path, documentTitle: this.document().title, schemaVersion: SCHEMA_VERSION, readOnly: this.readOnly }
  }

  private hasDocument(): boolean {
    return this.db.prepare(`SELECT 1 FROM document LIMIT 1`).get() !== undefined
  }

  private setDocument(essay: ParsedEssay): void {
    const text = essayText(essay.blocks)
    const t = now()
    this.db
      .prepare(
        `INSERT INTO document (id, title, byline, source_url, language, blocks_json, text, content_hash, created, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        essayTitle(essay.blocks),
        essayByline(essay.blocks),
        essay.meta.source ?? essay.meta.url ?? '',
        essay.meta.language ?? '',
        JSON.stringify(essay.blocks),
        text,
        contentHash(text),
        t,
        t,
      )
  }

  document(): DocumentView {
    const row = this.db
      .prepare(`SELECT id, title, blocks_json, text, content_hash FROM document LIMIT 1`)
      .get() as { id: string; title: string; blocks_json: string; text: string; content_hash: string }
    return {
      id: row.id,
      title: row.title,
      blocks: JSON.parse(row.blocks_json) as Block[],
      text: row.text,
      hash: row.content_hash,
    }
  }

  claims(): Claim[] {
    const rows = this.db.prepare(`SELECT * FROM claim WHERE deleted = 0 ORDER BY start, end, created`).all() as ClaimRow[]
    return this.withRelated(rows, null)
  }

  /** Claims with what hangs on them, read with one query per related table. */
  private withRelated(rows: ClaimRow[], claimId: string | null): Claim[] {
    const related = <T extends { claim_id: string }, U>(table: string, order: string, map: (row: T) => U) => {
      const where = claimId === null ? '' : ' AND claim_id = ?'
      const list = this.db
        .prepare(`SELECT * FROM ${table} WHERE deleted = 0${where} ORDER BY ${order}`)
        .all(...(claimId === null ? [] : [claimId])) as T[]
      const byClaim = new Map<string, U[]>()
      for (const row of list) byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), map(row)])
      return (id: string): U[] => byClaim.get(id) ?? []
    }
    const sources = related('source', 'created, id', toSource)
    const corrections = related('correction', 'proposed, id', toCorrection)
    const conflicted = this.conflictedIds()
    const tags = tagsByClaim(this.db, claimId ?? undefined)
    const replies = repliesByClaim(this.db, claimId ?? undefined)
    return rows.map((r) =>
      toClaim(r, {
        sources: sources(r.id),
        corrections: corrections(r.id),
        hasConflict: conflicted.has(r.id),
        tags: tags.get(r.id) ?? [],
        replies: replies.get(r.id) ?? [],
      }),
    )
  }

  /** Claims (or claims of sources) with a conflict waiting for the user. */
  conflictedIds(): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT c.entity_id AS id FROM conflict c WHERE c.resolved = '' AND c.entity = 'claim'
         UNION SELECT s.claim_id FROM conflict c JOIN source s ON s.id = c.entity_id WHERE c.resolved = '' AND c.entity = 'source'`,
      )
      .pluck()
      .all() as string[]
    return new Set(rows)
  }

  claim(id: string): Claim {
    const row = this.db.prepare(`SELECT * FROM claim WHERE id = ? AND deleted = 0`).get(id) as ClaimRow | undefined
    if (!row) throw new FactdeskError('claim-not-found', { id })
    return this.withRelated([row], id)[0]
  }

  /** Every claim row, tombstones and unanchored claims included (for exports). */
  allClaimRows(): ClaimRow[] {
    return this.db.prepare(`SELECT * FROM claim ORDER BY start, end, created, id`).all() as ClaimRow[]
  }

  /**
   * Every source row (for exports). Factdesk stores only http(s) links, but a file changed by another
   * tool may hold others: an export never passes such a link on.
   */
  allSourceRows(): SourceRow[] {
    const rows = this.db.prepare(`SELECT * FROM source ORDER BY claim_id, created, id`).all() as SourceRow[]
    return rows
      .filter((r) => isHttpUrl(r.url))
      .map((r) => (r.archive_url && !isHttpUrl(r.archive_url) ? { ...r, archive_url: '' } : r))
  }

  /** Every version each claim and source has had, as far as this file knows. */
  versionHistories(): Map<string, string[]> {
    const map = new Map<string, string[]>()
    const rows = this.db.prepare(`SELECT entity_id, version FROM version_seen ORDER BY entity_id, version`).all() as {
      entity_id: string
      version: string
    }[]
    for (const r of rows) {
      const list = map.get(r.entity_id) ?? []
      list.push(r.version)
      map.set(r.entity_id, list)
    }
    return map
  }

  /** Records a new version of a claim or source: every content change gets one. */
  newVersion(entityId: string): string {
    const version = randomUUID()
    this.db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`).run(entityId, version)
    return version
  }

  // The changes to claims and sources: src/core/claims/claimWrites.ts.
  createClaim(anchor: Anchor, actor: string, id: string = randomUUID()): Claim {
    return writes.createClaim(this, anchor, actor, id)
  }

  updateClaim(id: string, patch: ClaimPatch, actor: string): Claim {
    return writes.updateClaim(this, id, patch, actor)
  }

  /** Attaches a claim whose text was not found (after an import) to text the reviewer selected. */
  attachClaim(id: string, anchor: Anchor, actor: string): Claim {
    return writes.attachClaim(this, id, anchor, actor)
  }

  /** Deletion is a tombstone: merging needs to know a claim was removed, and undo brings it back. */
  deleteClaim(id: string, actor: string): void {
    writes.setClaimDeleted(this, id, true, actor)
  }

  restoreClaim(id: string, actor: string): Claim {
    writes.setClaimDeleted(this, id, false, actor)
    return this.claim(id)
  }

  addSource(claimId: string, fields: SourceFields, actor: string): Source {
    return writes.addSource(this, claimId, fields, actor)
  }

  updateSource(id: string, fields: SourceFields, actor: string): Source {
    return writes.updateSource(this, id, fields, actor)
  }

  deleteSource(id: string, actor: string): void {
    writes.deleteSource(this, id, actor)
  }

  source(id: string): Source {
    const row = this.db.prepare(`SELECT * FROM source WHERE id = ? AND deleted = 0`).get(id) as
      | SourceRow
      | undefined
    if (!row) throw new FactdeskError('source-not-found', { id })
    return toSource(row)
  }

  /** A consistent copy made with SQLite's backup API, safe while this connection writes. */
  async backupTo(path: string): Promise<void> {
    await this.db.backup(path)
  }
}

import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { DocumentView, ReviewInfo } from '../shared/contract'
import type { Claim, ClaimPatch, Source, SourceFields } from '../shared/domain'
import { essayByline, essayText, essayTitle, type Block } from '../shared/essay'
import { FactdeskError } from '../shared/errors'
import type { Anchor } from '../shared/text'
import { codePointLength, cpSlice } from '../shared/text'
import { isHttpUrl } from '../shared/url'
import { SCHEMA_VERSION } from './migrations'
import type { VerdictScale } from '../shared/scales'
import { SCALE_SETTING } from '../shared/scales'
import { openReviewDatabase } from './reviewFile'
import type { LockHolder, ReviewLock } from './reviewLock'
import { toClaim, toCorrection, toSource, type ClaimRow, type SourceRow } from './rows'
import type { ParsedEssay } from './essayFormat'
import { rememberPublished } from './republish/settings'
import { recordEvent } from './history'
import { assertVerdictOnScale } from './scales'
import { repliesByClaim, tagsByClaim } from './thread'

const now = (): string => new Date().toISOString()

/** A slice past the end would still match a quote of the essay's last words, so the end is checked first. */
function assertInsideEssay(text: string, anchor: Anchor): void {
  const length = codePointLength(text)
  if (anchor.end > length) {
    throw new FactdeskError('invalid-args', `The position ${anchor.start}–${anchor.end} is beyond the end of the essay (${length}); select the text again.`)
  }
}

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')
}

/** One open review file. Every method is one short transaction, committed before it returns. */
export class ReviewStore {
  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** Who has this review open for writing when this window only reads it (src/core/reviewLock.ts). */
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
        throw new FactdeskError('not-a-review-file', `${path} holds no essay to review.`)
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
    if (!row) throw new FactdeskError('not-found', `No claim ${id} in this review.`)
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

  createClaim(anchor: Anchor, actor: string, id: string = randomUUID()): Claim {
    const doc = this.db.prepare(`SELECT id, text FROM document LIMIT 1`).get() as {
      id: string
      text: string
    }
    assertInsideEssay(doc.text, anchor)
    if (cpSlice(doc.text, anchor.start, anchor.end) !== anchor.exact) {
      throw new FactdeskError(
        'invalid-args',
        'The marked text does not match the essay at that position; select the text again.',
      )
    }
    if (this.db.prepare(`SELECT 1 FROM claim WHERE id = ?`).get(id)) {
      throw new FactdeskError('invalid-args', `A claim with id ${id} already exists.`)
    }
    const t = now()
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, author, created, modified, modified_by, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, doc.id, anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, actor, t, t, actor, this.newVersion(id))
      recordEvent(this.db, id, actor, 'claim-created', { exact: anchor.exact }, t)
    }).immediate()
    return this.claim(id)
  }

  updateClaim(id: string, patch: ClaimPatch, actor: string): Claim {
    const current = this.claim(id)
    // A verdict must be a level of the review's scale (or 'unrated'): src/core/scales.ts.
    if (patch.verdict !== undefined && patch.verdict !== current.verdict) assertVerdictOnScale(this, patch.verdict)
    const next = { ...current, ...definedOnly(patch) }
    // Giving the verdict again, even the same one, confirms it for the words as they read now.
    const confirms = current.textChanged && patch.verdict !== undefined
    if (!confirms && next.verdict === current.verdict && next.status === current.status && next.note === current.note) {
      return current
    }
    this.db.transaction(() => {
      const t = now()
      this.db
        .prepare(
          `UPDATE claim SET verdict = ?, status = ?, note = ?, text_changed = ?, modified = ?, modified_by = ?, revision = revision + 1,
             version = ? WHERE id = ? AND deleted = 0`,
        )
        .run(next.verdict, next.status, next.note, confirms ? 0 : current.textChanged ? 1 : 0, t, actor, this.newVersion(id), id)
      recordClaimChanges(this.db, current, next, actor, t)
      if (confirms) recordEvent(this.db, id, actor, 'verdict-confirmed', { verdict: next.verdict, exact: current.exact }, t)
    }).immediate()
    return this.claim(id)
  }

  /** Attaches a claim whose text was not found (after an import) to text the reviewer selected. */
  attachClaim(id: string, anchor: Anchor, actor: string): Claim {
    const text = this.document().text
    assertInsideEssay(text, anchor)
    if (cpSlice(text, anchor.start, anchor.end) !== anchor.exact) {
      throw new FactdeskError('invalid-args', 'The selected text does not match the essay at that position; select it again.')
    }
    this.db.transaction(() => {
      const t = now()
      const result = this.db
        .prepare(
          `UPDATE claim SET exact = ?, prefix = ?, suffix = ?, start = ?, end = ?, anchored = 1, modified = ?, modified_by = ?,
             revision = revision + 1, version = ? WHERE id = ? AND deleted = 0`,
        )
        .run(anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, t, actor, this.newVersion(id), id)
      if (result.changes === 0) throw new FactdeskError('not-found', `No claim ${id} to attach.`)
      recordEvent(this.db, id, actor, 'claim-attached', { exact: anchor.exact }, t)
    }).immediate()
    return this.claim(id)
  }

  /** Deletion is a tombstone: merging needs to know a claim was removed, and undo brings it back. */
  deleteClaim(id: string, actor: string): void {
    this.setClaimDeleted(id, true, actor)
  }

  restoreClaim(id: string, actor: string): Claim {
    this.setClaimDeleted(id, false, actor)
    return this.claim(id)
  }

  private setClaimDeleted(id: string, deleted: boolean, actor: string): void {
    this.db.transaction(() => {
      const t = now()
      const result = this.db
        .prepare(
          `UPDATE claim SET deleted = ?, modified = ?, modified_by = ?, revision = revision + 1, version = ?
           WHERE id = ? AND deleted = ?`,
        )
        .run(deleted ? 1 : 0, t, actor, this.newVersion(id), id, deleted ? 0 : 1)
      if (result.changes === 0) throw new FactdeskError('not-found', `No claim ${id} to ${deleted ? 'remove' : 'restore'}.`)
      recordEvent(this.db, id, actor, deleted ? 'claim-removed' : 'claim-restored', {}, t)
    }).immediate()
  }

  addSource(claimId: string, fields: SourceFields, actor: string): Source {
    const id = randomUUID()
    const t = now()
    this.db.transaction(() => {
      this.claim(claimId)
      this.db
        .prepare(
          `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, claimId, ...sourceValues(fields), t, t, this.newVersion(id))
      this.touchClaim(claimId, actor, t)
      recordEvent(this.db, claimId, actor, 'source-added', sourceDetail(id, fields), t)
    }).immediate()
    return this.source(id)
  }

  updateSource(id: string, fields: SourceFields, actor: string): Source {
    const t = now()
    this.db.transaction(() => {
      const current = this.source(id)
      this.db
        .prepare(
          `UPDATE source SET url = ?, title = ?, publisher = ?, published = ?, accessed = ?, excerpt = ?, archive_url = ?,
             modified = ?, revision = revision + 1, version = ? WHERE id = ?`,
        )
        .run(...sourceValues(fields), t, this.newVersion(id), id)
      this.touchClaim(current.claimId, actor, t)
      recordEvent(this.db, current.claimId, actor, 'source-edited', sourceDetail(id, fields), t)
    }).immediate()
    return this.source(id)
  }

  deleteSource(id: string, actor: string): void {
    const t = now()
    this.db.transaction(() => {
      const current = this.source(id)
      this.db
        .prepare(`UPDATE source SET deleted = 1, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
        .run(t, this.newVersion(id), id)
      this.touchClaim(current.claimId, actor, t)
      recordEvent(this.db, current.claimId, actor, 'source-removed', sourceDetail(id, current), t)
    }).immediate()
  }

  source(id: string): Source {
    const row = this.db.prepare(`SELECT * FROM source WHERE id = ? AND deleted = 0`).get(id) as
      | SourceRow
      | undefined
    if (!row) throw new FactdeskError('not-found', `No source ${id} in this review.`)
    return toSource(row)
  }

  /**
   * A source change shows on its claim's card as a change, but is not a new version of the claim:
   * sources merge by their own ids, so one reviewer adding a source and another editing the note
   * are not a conflict.
   */
  private touchClaim(claimId: string, actor: string, t: string): void {
    this.db.prepare(`UPDATE claim SET modified = ?, modified_by = ? WHERE id = ?`).run(t, actor, claimId)
  }

  /** A consistent copy made with SQLite's backup API, safe while this connection writes. */
  async backupTo(path: string): Promise<void> {
    await this.db.backup(path)
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>
}

function sourceValues(f: SourceFields): string[] {
  return [f.url, f.title, f.publisher, f.published, f.accessed, f.excerpt, f.archiveUrl]
}

function sourceDetail(id: string, f: Pick<SourceFields, 'url' | 'title'>): Record<string, unknown> {
  return { sourceId: id, url: f.url, title: f.title }
}

/** Note edits within this long of the same reviewer's last one are one entry in the history. */
const NOTE_EDIT_SESSION_MS = 10 * 60 * 1000

/**
 * The history of one claim edit: verdict and status with their old and new values, and a note edit.
 * A note is saved as the reviewer types, so a run of edits by one reviewer (nothing else in between,
 * within ten minutes) is one "note edited" entry rather than one per pause in typing.
 */
function recordClaimChanges(
  db: Database.Database,
  current: Pick<Claim, 'id' | 'verdict' | 'status' | 'note'>,
  next: Pick<Claim, 'verdict' | 'status' | 'note'>,
  actor: string,
  t: string,
): void {
  if (next.verdict !== current.verdict) recordEvent(db, current.id, actor, 'verdict-changed', { from: current.verdict, to: next.verdict }, t)
  if (next.status !== current.status) recordEvent(db, current.id, actor, 'status-changed', { from: current.status, to: next.status }, t)
  if (next.note === current.note) return
  const last = db.prepare(`SELECT actor, kind, at FROM event WHERE claim_id = ? ORDER BY at DESC, rowid DESC LIMIT 1`).get(current.id) as
    | { actor: string; kind: string; at: string }
    | undefined
  const recent = last && last.kind === 'note-edited' && last.actor === actor && Date.parse(t) - Date.parse(last.at) < NOTE_EDIT_SESSION_MS
  if (!recent) recordEvent(db, current.id, actor, 'note-edited', {}, t)
}

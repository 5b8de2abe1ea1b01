import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { DocumentView, ReviewInfo } from '../shared/contract'
import type { Claim, ClaimPatch, Source, SourceFields } from '../shared/domain'
import { essayByline, essayText, essayTitle, type Block } from '../shared/essay'
import { FactdeskError } from '../shared/errors'
import type { Anchor } from '../shared/text'
import { cpSlice } from '../shared/text'
import { SCHEMA_VERSION } from './migrations'
import { openReviewDatabase } from './reviewFile'
import type { ParsedEssay } from './essayFormat'

interface ClaimRow {
  id: string
  document_id: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  verdict: Claim['verdict']
  status: Claim['status']
  note: string
  author: string
  created: string
  modified: string
  modified_by: string
  revision: number
}

interface SourceRow {
  id: string
  claim_id: string
  url: string
  title: string
  publisher: string
  published: string
  accessed: string
  excerpt: string
  archive_url: string
  created: string
  modified: string
  revision: number
}

const now = (): string => new Date().toISOString()

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')
}

/** One open review file. Every method is one short transaction, committed before it returns. */
export class ReviewStore {
  private constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Opens a review file; a new or empty file becomes a review of `essay`. */
  static open(path: string, essay?: ParsedEssay): ReviewStore {
    const store = new ReviewStore(openReviewDatabase(path, { mustExist: !essay }), path)
    if (!store.hasDocument()) {
      if (!essay) {
        store.close()
        throw new FactdeskError('not-a-review-file', `${path} holds no essay to review.`)
      }
      store.setDocument(essay)
    }
    return store
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  info(): ReviewInfo {
    return { path: this.path, documentTitle: this.document().title, schemaVersion: SCHEMA_VERSION }
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
    const rows = this.db
      .prepare(`SELECT * FROM claim WHERE deleted = 0 ORDER BY start, end, created`)
      .all() as ClaimRow[]
    const sources = this.db
      .prepare(`SELECT * FROM source WHERE deleted = 0 ORDER BY created, id`)
      .all() as SourceRow[]
    const byClaim = new Map<string, Source[]>()
    for (const s of sources) {
      const list = byClaim.get(s.claim_id) ?? []
      list.push(toSource(s))
      byClaim.set(s.claim_id, list)
    }
    return rows.map((r) => toClaim(r, byClaim.get(r.id) ?? []))
  }

  claim(id: string): Claim {
    const row = this.db.prepare(`SELECT * FROM claim WHERE id = ? AND deleted = 0`).get(id) as
      | ClaimRow
      | undefined
    if (!row) throw new FactdeskError('not-found', `No claim ${id} in this review.`)
    const sources = this.db
      .prepare(`SELECT * FROM source WHERE claim_id = ? AND deleted = 0 ORDER BY created, id`)
      .all(id) as SourceRow[]
    return toClaim(row, sources.map(toSource))
  }

  createClaim(anchor: Anchor, actor: string, id: string = randomUUID()): Claim {
    const doc = this.db.prepare(`SELECT id, text FROM document LIMIT 1`).get() as {
      id: string
      text: string
    }
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
    this.db
      .prepare(
        `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, author, created, modified, modified_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, doc.id, anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, actor, t, t, actor)
    return this.claim(id)
  }

  updateClaim(id: string, patch: ClaimPatch, actor: string): Claim {
    const current = this.claim(id)
    const next = { ...current, ...definedOnly(patch) }
    if (next.verdict === current.verdict && next.status === current.status && next.note === current.note) {
      return current
    }
    this.db
      .prepare(
        `UPDATE claim SET verdict = ?, status = ?, note = ?, modified = ?, modified_by = ?, revision = revision + 1
         WHERE id = ? AND deleted = 0`,
      )
      .run(next.verdict, next.status, next.note, now(), actor, id)
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
    const result = this.db
      .prepare(
        `UPDATE claim SET deleted = ?, modified = ?, modified_by = ?, revision = revision + 1
         WHERE id = ? AND deleted = ?`,
      )
      .run(deleted ? 1 : 0, now(), actor, id, deleted ? 0 : 1)
    if (result.changes === 0) throw new FactdeskError('not-found', `No claim ${id} to ${deleted ? 'remove' : 'restore'}.`)
  }

  addSource(claimId: string, fields: SourceFields, actor: string): Source {
    const id = randomUUID()
    const t = now()
    this.db.transaction(() => {
      this.claim(claimId)
      this.db
        .prepare(
          `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, claimId, ...sourceValues(fields), t, t)
      this.touchClaim(claimId, actor, t)
    })()
    return this.source(id)
  }

  updateSource(id: string, fields: SourceFields, actor: string): Source {
    const t = now()
    this.db.transaction(() => {
      const current = this.source(id)
      this.db
        .prepare(
          `UPDATE source SET url = ?, title = ?, publisher = ?, published = ?, accessed = ?, excerpt = ?, archive_url = ?,
             modified = ?, revision = revision + 1 WHERE id = ?`,
        )
        .run(...sourceValues(fields), t, id)
      this.touchClaim(current.claimId, actor, t)
    })()
    return this.source(id)
  }

  deleteSource(id: string, actor: string): void {
    const t = now()
    this.db.transaction(() => {
      const current = this.source(id)
      this.db
        .prepare(`UPDATE source SET deleted = 1, modified = ?, revision = revision + 1 WHERE id = ?`)
        .run(t, id)
      this.touchClaim(current.claimId, actor, t)
    })()
  }

  source(id: string): Source {
    const row = this.db.prepare(`SELECT * FROM source WHERE id = ? AND deleted = 0`).get(id) as
      | SourceRow
      | undefined
    if (!row) throw new FactdeskError('not-found', `No source ${id} in this review.`)
    return toSource(row)
  }

  private touchClaim(claimId: string, actor: string, t: string): void {
    this.db
      .prepare(`UPDATE claim SET modified = ?, modified_by = ?, revision = revision + 1 WHERE id = ?`)
      .run(t, actor, claimId)
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

function toClaim(r: ClaimRow, sources: Source[]): Claim {
  return {
    id: r.id,
    documentId: r.document_id,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    verdict: r.verdict,
    status: r.status,
    note: r.note,
    author: r.author,
    created: r.created,
    modified: r.modified,
    modifiedBy: r.modified_by,
    revision: r.revision,
    sources,
  }
}

function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    claimId: r.claim_id,
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    accessed: r.accessed,
    excerpt: r.excerpt,
    archiveUrl: r.archive_url,
    created: r.created,
    modified: r.modified,
    revision: r.revision,
  }
}

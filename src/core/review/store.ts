import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { fileIdentity, openReviewDatabase } from '../db/reviewFile'
import { run } from '../db/query'
import type { LockHolder, ReviewLock } from './reviewLock'

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * One open review file: its connection, its path and (for a window) its writer lock. What a feature
 * reads or changes lives in that feature's folder (core/claims/queries.ts, core/claims/commands.ts, …)
 * as functions of the store; every change is one short transaction, committed before it returns.
 * Opening a file, or starting a review of an essay in a new one, is src/core/review/open.ts.
 */
export class ReviewStore {
  /** Which file this connection opened (../db/reviewFile.ts fileIdentity): an import's worker connects to it. */
  readonly identity: string | null

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** Who has this review open for writing when this window only reads it (src/core/review/reviewLock.ts). */
    readonly readOnly: LockHolder | null = null,
    private readonly lock: ReviewLock | null = null,
  ) {
    this.identity = fileIdentity(path)
  }

  /** Connects to a review file (checked, migrated) as it is: a new file is an empty review. */
  static connect(
    path: string,
    options: { mustExist?: boolean; lock?: ReviewLock; readOnly?: LockHolder; heldOpen?: string } = {},
  ): ReviewStore {
    if (options.readOnly) {
      return new ReviewStore(openReviewDatabase(path, { mustExist: true, readonly: true }), path, options.readOnly)
    }
    return new ReviewStore(
      openReviewDatabase(path, { mustExist: options.mustExist ?? true, heldOpen: options.heldOpen }),
      path,
      null,
      options.lock ?? null,
    )
  }

  close(): void {
    if (this.db.open) this.db.close()
    this.lock?.release()
  }

  /** Every version each claim and source has had, as far as this file knows. */
  versionHistories(): Map<string, string[]> {
    // Rows as arrays (better-sqlite3's raw mode), grouped as they come in key order: an export reads
    // every version of every entity, and a row object and map lookup each was a good part of it.
    const rows = this.db
      .prepare(`SELECT entity_id, version FROM version_seen ORDER BY entity_id, version`)
      .raw()
      .all() as string[][]
    const map = new Map<string, string[]>()
    let list: string[] | undefined
    let id = ''
    for (const [entity, version] of rows) {
      if (list === undefined || entity !== id) map.set((id = entity), (list = []))
      list.push(version)
    }
    return map
  }

  /** Records a new version of a claim or source: every content change gets one. */
  newVersion(entityId: string): string {
    const version = randomUUID()
    run(this.db, `INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`, entityId, version)
    return version
  }

  /** A consistent copy made with SQLite's backup API, safe while this connection writes. */
  async backupTo(path: string): Promise<void> {
    await this.db.backup(path)
  }
}

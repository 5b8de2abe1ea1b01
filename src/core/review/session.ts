import { removeDatabase } from '../db/reviewFile'
import { existsSync } from 'node:fs'
import { FactdeskError } from '../../shared/errors'
import type { ParsedEssay } from '../document/essayFormat'
import type { VerdictScale } from '../../shared/scales'
import { ReviewStore } from './store'
import { activeLockHolder, takeReviewLock, type LockHolder } from './reviewLock'
import { hostname } from 'node:os'
import type { ImportSummary } from '../../shared/exchange'
import { importFile } from '../exchange/files'
import { checkpointSoon } from '../db/checkpoint'
import { bundleOfFile, essayOfBundle } from '../exchange/newReview'
import { openReview } from './open'

export type SessionChange = 'opened' | 'created' | 'saved-as' | 'external'

/**
 * Opens a review for a window: with the review's writer lock, or read-only while another window holds
 * it (src/core/review/reviewLock.ts). The command line opens review files directly and waits on SQLite's lock.
 */
export function openForWindow(path: string, essay?: ParsedEssay, options: { scale?: VerdictScale } = {}): ReviewStore {
  if (path === ':memory:') return openReview(path, essay, options)
  const taken = takeReviewLock(path)
  if (taken.holder) {
    if (!existsSync(path)) throw heldElsewhere(path, taken.holder)
    return openReview(path, undefined, { readOnly: taken.holder })
  }
  try {
    return openReview(path, essay, { ...options, lock: taken.lock })
  } catch (err) {
    taken.lock.release()
    throw err
  }
}

function heldElsewhere(path: string, holder: LockHolder): FactdeskError {
  return new FactdeskError('review-open-elsewhere', { file: path, pid: holder.pid, host: holder.host ?? '' })
}

/**
 * The review file a window works on. File > New, Open and Save as swap the store here; the service
 * always asks the session for the current one.
 */
export class ReviewSession {
  private current: ReviewStore
  private readonly listeners = new Set<(change: SessionChange) => void>()
  private watcher: ReturnType<typeof setInterval> | undefined
  private watched: ReviewStore | undefined
  private seen: number | null = null

  constructor(
    store: ReviewStore,
    /** The verdict scale a new review starts with (the reviewer's default). */
    private readonly newReviewScale: () => VerdictScale | undefined = () => undefined,
  ) {
    this.current = store
  }

  get store(): ReviewStore {
    return this.current
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Opens an existing review file. A refused file leaves the current review open and untouched. */
  open(path: string): void {
    if (!existsSync(path)) throw new FactdeskError('file-not-found', { file: path })
    this.swap(openForWindow(path), 'opened')
  }

  /**
   * Another process's commits (the command line, a window reading along) are told to the listeners as
   * 'external' within `intervalMs`: SQLite's data_version changes only for other connections' commits.
   * A read-only window also takes the review over for writing once its writer has closed it.
   */
  watchExternalChanges(intervalMs = 1000): void {
    this.stopWatching()
    this.noteOwnChange()
    this.watcher = setInterval(() => {
      const watched = this.current
      if (this.watched !== watched) {
        this.noteOwnChange()
        return
      }
      if (watched.readOnly && watched.path !== ':memory:' && activeLockHolder(watched.path) === null) {
        try {
          this.swap(openForWindow(watched.path), 'opened')
        } catch {
          // Still held (a race with another window) or unreadable: keep reading it as it is.
        }
        return
      }
      const now = dataVersion(watched)
      if (now !== this.seen) {
        this.seen = now
        for (const l of this.listeners) l('external')
      }
    }, intervalMs)
    this.watcher.unref?.()
  }

  /** A commit made for this window on another connection (an import's worker) is not news to it. */
  noteOwnChange(): void {
    this.watched = this.current
    this.seen = dataVersion(this.current)
  }

  private stopWatching(): void {
    if (this.watcher) clearInterval(this.watcher)
    this.watcher = undefined
  }

  /**
   * Starts a new review of `essay` in a new file at `path` (replacing a file the user chose to overwrite),
   * rated on the reviewer's default scale unless `defaultScale` is false.
   */
  create(path: string, essay: ParsedEssay, { defaultScale = true }: { defaultScale?: boolean } = {}): void {
    if (path === this.current.path) {
      throw new FactdeskError('review-is-open')
    }
    assertNotHeld(path)
    removeDatabase(path)
    this.swap(openForWindow(path, essay, { scale: defaultScale ? this.newReviewScale() : undefined }), 'created')
  }

  /**
   * Starts a new review at `path` from a review file or bundle: its own essay, then everything it holds
   * (imported as a file is, so its scale, settings and corrections come along). The file is checked
   * before anything is created; a refused file leaves the current review open.
   */
  async createFromFile(path: string, fileName: string, bytes: Uint8Array, importer: string): Promise<ImportSummary> {
    const bundle = await bundleOfFile(fileName, bytes)
    // No default scale: the new review takes the file's (it has no rated claims of its own).
    this.create(path, essayOfBundle(bundle), { defaultScale: false })
    const summary = await importFile(this.current, fileName, bytes, importer)
    checkpointSoon(this.current.db)
    return summary
  }

  /** Copies the review with the backup API, then goes on working in the copy. */
  async saveAs(path: string): Promise<void> {
    if (path === this.current.path) return
    assertNotHeld(path)
    removeDatabase(path)
    await this.current.backupTo(path)
    this.swap(openForWindow(path), 'saved-as')
  }

  close(): void {
    this.stopWatching()
    this.current.close()
  }

  private swap(next: ReviewStore, change: SessionChange): void {
    const previous = this.current
    this.current = next
    previous.close()
    for (const l of this.listeners) l(change)
  }
}

function dataVersion(store: ReviewStore): number | null {
  return store.db.open ? (store.db.pragma('data_version', { simple: true }) as number) : null
}

/** Replacing a file another window has open would pull it from under that window. */
function assertNotHeld(path: string): void {
  const holder = activeLockHolder(path)
  if (holder && !(holder.pid === process.pid && holder.host === hostname())) throw heldElsewhere(path, holder)
}

import { existsSync, rmSync } from 'node:fs'
import { FactdeskError } from '../shared/errors'
import type { ParsedEssay } from './essayFormat'
import type { VerdictScale } from '../shared/scales'
import { ReviewStore } from './store'
import type { ImportSummary } from '../shared/exchange'
import { importFile } from './exchange/files'
import { bundleOfFile, essayOfBundle } from './exchange/newReview'

export type SessionChange = 'opened' | 'created' | 'saved-as'

/**
 * The review file a window works on. File > New, Open and Save as swap the store here; the service
 * always asks the session for the current one.
 */
export class ReviewSession {
  private current: ReviewStore
  private readonly listeners = new Set<(change: SessionChange) => void>()

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
    if (!existsSync(path)) throw new FactdeskError('not-found', `${path} does not exist.`)
    this.swap(ReviewStore.open(path), 'opened')
  }

  /**
   * Starts a new review of `essay` in a new file at `path` (replacing a file the user chose to overwrite),
   * rated on the reviewer's default scale unless `defaultScale` is false.
   */
  create(path: string, essay: ParsedEssay, { defaultScale = true }: { defaultScale?: boolean } = {}): void {
    if (path === this.current.path) {
      throw new FactdeskError('forbidden', 'Choose another file name: that review is open.')
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    this.swap(ReviewStore.open(path, essay, { scale: defaultScale ? this.newReviewScale() : undefined }), 'created')
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
    return importFile(this.current, fileName, bytes, importer)
  }

  /** Copies the review with the backup API, then goes on working in the copy. */
  async saveAs(path: string): Promise<void> {
    if (path === this.current.path) return
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    await this.current.backupTo(path)
    this.swap(ReviewStore.open(path), 'saved-as')
  }

  close(): void {
    this.current.close()
  }

  private swap(next: ReviewStore, change: SessionChange): void {
    const previous = this.current
    this.current = next
    previous.close()
    for (const l of this.listeners) l(change)
  }
}

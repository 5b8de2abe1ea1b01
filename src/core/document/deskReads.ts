import type { DeskDocument } from '../../shared/contract'
import type { DeskClaim } from '../../shared/deskClaim'
import { listDeskClaims } from '../claims/queries'
import { value } from '../db/query'
import type { ReviewStore } from '../review/store'
import { readDeskDocument } from './queries'

/**
 * The desk's first two reads (`document-desk`, `claims-desk`), prepared as the app opens the review:
 * the window's script takes a few hundred milliseconds to load, during which the service is idle, and
 * the page asks for both as its script starts and shows nothing until they are in. Each is handed out
 * once, and only if the file has not changed since it was read; any later read is made when asked.
 */
interface Prepared {
  version: string
  document?: DeskDocument
  claims?: DeskClaim[]
}

const prepared = new WeakMap<ReviewStore, Prepared>()

/**
 * Changes whenever the file's content may have: `data_version` with every commit of another
 * connection (another window, the command line), `total_changes()` with every row this one writes.
 */
function fileVersion(store: ReviewStore): string {
  const others = store.db.pragma('data_version', { simple: true }) as number
  return `${others}:${value<number>(store.db, `SELECT total_changes()`)}`
}

export function prepareDeskReads(store: ReviewStore): void {
  try {
    const version = fileVersion(store)
    prepared.set(store, { version, document: readDeskDocument(store), claims: listDeskClaims(store) })
  } catch {
    // Nothing is kept: the read itself, when asked, says what is wrong.
    prepared.delete(store)
  }
}

/** The prepared answer, once, while it is still the file's; undefined otherwise (read it now). */
export function takePrepared<K extends 'document' | 'claims'>(store: ReviewStore, kind: K): Prepared[K] {
  const ready = prepared.get(store)
  if (!ready) return undefined
  const answer = ready[kind]
  ready[kind] = undefined
  if (ready.document === undefined && ready.claims === undefined) prepared.delete(store)
  return ready.version === fileVersion(store) ? answer : undefined
}

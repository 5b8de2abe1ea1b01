import type Database from 'better-sqlite3'
import type * as Y from 'yjs'
import type { ReviewStore } from '../review/store'
import { dataVersion as readDataVersion, drainChanges, presentKeys, unwatchRecords, watchRecords } from './changes'
import { localKeys, recordMap, splitKey } from './records'

/**
 * The review file's side of a link (client.ts): which records were written since the last look, and
 * which of the file's records the server has not acknowledged yet — kept in step with the file by the
 * TEMP triggers of changes.ts, so a look costs what changed, not the size of the review. What the server
 * acknowledged is kept in the file (`sync_pushed`, per server and review).
 */
export class Outbox {
  private readonly pushed: Set<string>
  /** The file's records the server has not acknowledged. */
  private unacked = new Set<string>()
  /** Records the server holds, waiting to be written down as acknowledged. */
  private readonly held = new Set<string>()
  /** The connection whose writes the triggers note, and the last data_version seen on it. */
  private watched: Database.Database | undefined
  private dataVersion = -1

  constructor(
    store: ReviewStore,
    private readonly serverKey: string,
  ) {
    this.pushed = new Set(
      store.db.prepare(`SELECT record FROM sync_pushed WHERE server = ?`).pluck().all(serverKey) as string[],
    )
  }

  /**
   * The records written since the last look (with their entities' keys, for readRecords), or, with
   * `whole` — a handshake, another review, another connection's write (data_version) — every record.
   * Undefined when nothing changed.
   */
  look(store: ReviewStore, whole: boolean): { fresh: string[]; entities?: Map<string, string> } | undefined {
    if (this.watched !== store.db) {
      watchRecords(store.db)
      this.watched = store.db
      whole = true
    }
    const dataVersion = readDataVersion(store.db)
    if (dataVersion !== this.dataVersion) whole = true
    this.dataVersion = dataVersion
    const changes = drainChanges(store.db)
    if (whole) {
      const fresh = localKeys(store)
      this.unacked = new Set(fresh.filter((k) => !this.pushed.has(k)))
      return { fresh }
    }
    if (changes.length === 0) return undefined
    const fresh: string[] = []
    const entities = new Map<string, string>()
    for (const { record, entity, present } of changes) {
      if (!present) this.unacked.delete(record)
      else {
        fresh.push(record)
        entities.set(record, entity)
        if (!this.pushed.has(record)) this.unacked.add(record)
      }
    }
    return { fresh, entities }
  }

  /**
   * Changes, not records: a history entry goes with the change it tells of (a verdict is a claim
   * version and its entry), so entries are sent but not counted.
   */
  waiting(): number {
    let waiting = 0
    for (const k of this.unacked) if (!k.startsWith('events:')) waiting++
    return waiting
  }

  /** The unacknowledged records the shared document holds: what an answer to a question asked now covers. */
  inDocument(doc: Y.Doc): Set<string> {
    const keys = new Set<string>()
    for (const full of this.unacked) {
      const [kind, key] = splitKey(full)
      if (recordMap(doc, kind).has(key)) keys.add(full)
    }
    return keys
  }

  /** The server holds these records. */
  hold(keys: Iterable<string>): void {
    for (const k of keys) this.held.add(k)
  }

  get holding(): boolean {
    return this.held.size > 0
  }

  /** Writes down what the server holds, inside the caller's transaction; returns the records written. */
  writeHeld(store: ReviewStore): string[] {
    const fresh = [...this.held].filter((k) => this.unacked.has(k))
    if (fresh.length === 0) return fresh
    const add = store.db.prepare(`INSERT OR IGNORE INTO sync_pushed (server, record) VALUES (?, ?)`)
    for (const k of fresh) add.run(this.serverKey, k)
    return fresh
  }

  /** After the transaction of `writeHeld` committed. */
  written(fresh: string[]): void {
    this.held.clear()
    for (const k of fresh) {
      this.pushed.add(k)
      this.unacked.delete(k)
    }
  }

  /** A record replaced without its key passing the triggers (INSERT OR REPLACE) is no longer waiting. */
  prune(store: ReviewStore): void {
    if (this.unacked.size === 0) return
    const present = presentKeys(store, this.unacked)
    for (const k of this.unacked) if (!present.has(k)) this.unacked.delete(k)
  }

  close(): void {
    if (this.watched) unwatchRecords(this.watched)
    this.watched = undefined
  }
}

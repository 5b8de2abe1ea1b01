import { hasBytes, withTempDir } from '../lib/tempFiles'
import Database from 'better-sqlite3'
import {
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs'
import { join } from 'node:path'
import { FactdeskError } from '../../shared/errors'
import { migrate, SCHEMA_VERSION } from './migrations'
import { assertOwnSchema, distrustSchema } from './reviewSchema'

/** "FDK1": marks a SQLite database as a Factdesk review file (PRAGMA application_id). */
export const APPLICATION_ID = 0x46444b31
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

/** Whether `bytes` begin as every SQLite database does (a review file, or any other). */
export function isSqliteBytes(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= SQLITE_HEADER.length &&
    SQLITE_HEADER.equals(Buffer.from(bytes.subarray(0, SQLITE_HEADER.length)))
  )
}

/** Removes a database file with the journal files SQLite keeps beside it. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

/**
 * Which file a path names now (device and inode), to tell a review the window holds open from a file
 * put in its place since. Null when nothing is there.
 */
export function fileIdentity(path: string): string | null {
  if (path === ':memory:') return null
  try {
    const st = statSync(path, { bigint: true })
    return `${st.dev}:${st.ino}`
  } catch {
    return null
  }
}

/**
 * Opens (or creates) a review file for writing. Anything that is not a review file this version can
 * read is refused before the file is opened for writing, so a refused file is left byte-for-byte as it was.
 * With `mustExist`, only an existing review file is accepted: a missing, empty or blank SQLite file is
 * refused instead of being turned into an empty review.
 *
 * `heldOpen`: the identity (`fileIdentity`) of the review the window has open, for a second connection
 * to it (an import's worker). While the path still names that file, the window's own opening inspected
 * it and its connection writes it: the inspection's copy of the file and its WAL and its quick_check
 * (≈ 90–115 ms for a 10,000-claim review) are not repeated; that it is a review of a version this app
 * reads and its schema are still checked before the first write. A file put in its place since is
 * inspected as any other.
 */
export function openReviewDatabase(
  path: string,
  {
    mustExist = false,
    readonly = false,
    heldOpen,
  }: { mustExist?: boolean; readonly?: boolean; heldOpen?: string } = {},
): Database.Database {
  if (path !== ':memory:') checkPlace(path)
  const hasBytes = path !== ':memory:' && existsSync(path) && statSync(path).size > 0
  if (mustExist && !hasBytes) {
    throw new FactdeskError('review-file-empty', { file: path })
  }
  const held = heldOpen !== undefined && hasBytes && fileIdentity(path) === heldOpen
  if (hasBytes && !held) inspect(path, mustExist)
  if (readonly) return openReadOnly(path)
  let db: Database.Database
  try {
    db = new Database(path)
  } catch (err) {
    throw new FactdeskError('review-file-unopenable', { file: path, detail: (err as Error).message })
  }
  try {
    // The file may have changed since it was inspected: check again before the first write.
    distrustSchema(db)
    if (held) assertReviewOfThisApp(db, path)
    assertOwnSchema(db, db.pragma('user_version', { simple: true }) as number, path)
    configure(db)
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      db.pragma(`application_id = ${APPLICATION_ID}`)
    }
    migrate(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/**
 * What is asked of a file first: that it is a review file (or, when `blankAllowed`, a blank SQLite
 * file to make one of), of a version this app reads. Returns its version.
 */
function assertReviewOfThisApp(db: Database.Database, path: string, blankAllowed = false): number {
  const appId = db.pragma('application_id', { simple: true }) as number
  const blank = () => appId === 0 && (db.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get() as number) === 0
  if (appId !== APPLICATION_ID && !(blankAllowed && blank())) {
    throw new FactdeskError('database-not-review', { file: path })
  }
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new FactdeskError('review-file-newer', { file: path, version, supported: SCHEMA_VERSION })
  }
  return version
}

/**
 * What would otherwise fail later, or silently: a folder, a link to nowhere (a new review would be
 * created wherever it points), and a file without write permission (every edit would fail, and even
 * root, who may write it, should not edit a file its owner protected).
 */
function checkPlace(path: string): void {
  let link: Stats
  try {
    link = lstatSync(path)
  } catch {
    return
  }
  let target: Stats = link
  if (link.isSymbolicLink()) {
    try {
      target = statSync(path)
    } catch {
      throw new FactdeskError('review-file-link-broken', { file: path })
    }
  }
  if (target.isDirectory()) {
    throw new FactdeskError('review-file-folder', { file: path })
  }
  if (!target.isFile()) throw new FactdeskError('review-file-not-a-file', { file: path })
  if ((target.mode & 0o222) === 0) {
    throw new FactdeskError('review-file-read-only', { file: path })
  }
}

/** A review another window writes to: read as it is, never migrated or reconfigured from here. */
function openReadOnly(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    distrustSchema(db)
    const version = db.pragma('user_version', { simple: true }) as number
    assertOwnSchema(db, version, path)
    if (version !== SCHEMA_VERSION) {
      throw new FactdeskError('review-file-older-app', { file: path })
    }
    db.pragma('busy_timeout = 5000')
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/**
 * Runs `fn` on a plain read-only connection to a SQLite file, with none of a review's checks: for a
 * private copy the caller only reads. Even a read-only connection leaves -wal and -shm files beside a
 * WAL database, so it is not for a file the user gave.
 */
export function readPlainDatabase<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/** A consistent copy of a SQLite file at `to` (changes still only in its -wal file included). */
export async function snapshotDatabase(path: string, to: string): Promise<void> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    await db.backup(to)
  } finally {
    db.close()
  }
}

export function configure(db: Database.Database): void {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL')
  // better-sqlite3 opens WAL files at NORMAL; a committed change must survive power loss.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

function inspect(path: string, mustExist: boolean): void {
  const header = Buffer.alloc(16)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (!isSqliteBytes(header)) {
    throw new FactdeskError('not-a-review-file', { file: path })
  }
  let db: Database.Database | undefined
  try {
    db = snapshot(path)
    distrustSchema(db)
    const version = assertReviewOfThisApp(db, path, !mustExist)
    // Before quick_check, which evaluates the file's CHECK constraints.
    assertOwnSchema(db, version, path)
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
  } catch (err) {
    if (err instanceof FactdeskError) throw err
    // Whatever SQLite found wrong, the user is told the file is damaged (review-file-damaged).
    throw new FactdeskError('review-file-damaged', { file: path })
  } finally {
    db?.close()
  }
}

/**
 * An in-memory copy of the review file to inspect. Even a read-only connection leaves -wal and -shm files
 * beside a WAL database, and a refused file must be left exactly as it was. A write-ahead log beside the
 * file (a review the app did not close) is read through a private copy so its changes are seen.
 */
function snapshot(path: string): Database.Database {
  let bytes: Buffer
  if (hasBytes(`${path}-wal`)) {
    bytes = withTempDir((dir) => {
      const copy = join(dir, 'review.factdesk')
      copyFileSync(path, copy)
      copyFileSync(`${path}-wal`, `${copy}-wal`)
      const recovered = new Database(copy, { fileMustExist: true })
      try {
        return recovered.serialize()
      } finally {
        recovered.close()
      }
    }, 'factdesk-inspect-')
  } else {
    bytes = readFileSync(path)
  }
  // An in-memory database cannot use a write-ahead log: read the copy as a rollback-journal database.
  if (bytes.length > 19 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1
  return new Database(bytes, { readonly: true })
}

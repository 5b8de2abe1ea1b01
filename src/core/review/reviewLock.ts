import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * One writer per review file among windows: an app window or a harness holds `<review>.lock` (its pid,
 * host and start) for as long as it has the review open; a second one opens the review read-only and
 * says who has it. A lock file, not SQLite's EXCLUSIVE locking mode, because that would also shut out
 * the command line, whose short imports should simply wait their turn on SQLite's own lock and then
 * show up in the open window. A lock whose process is gone (killed, crashed) is taken over.
 */
export interface LockHolder {
  pid: number
  host: string
  since: string
}

export interface ReviewLock {
  release(): void
}

export const lockPathOf = (review: string): string => `${review}.lock`

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readLockHolder(review: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(lockPathOf(review), 'utf8')) as Partial<LockHolder>
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.since !== 'string') return null
    return { pid: value.pid, host: value.host, since: value.since }
  } catch {
    return null
  }
}

/** A holder on this machine whose process is gone; a lock file nobody can read that is not brand new. */
function stale(review: string, holder: LockHolder | null): boolean {
  if (holder) return holder.host === hostname() && !alive(holder.pid)
  try {
    return Date.now() - statSync(lockPathOf(review)).mtimeMs > 10_000
  } catch {
    return true
  }
}

/** Who holds the review's lock now, or null when nobody does (or only a process that is gone). */
export function activeLockHolder(review: string): LockHolder | null {
  const holder = readLockHolder(review)
  if (holder === null) {
    try {
      statSync(lockPathOf(review))
    } catch {
      return null
    }
  }
  return stale(review, holder) ? null : (holder ?? { pid: 0, host: '', since: '' })
}

/** Takes the review's writer lock, or says who holds it. */
export function takeReviewLock(
  review: string,
): { lock: ReviewLock; holder?: undefined } | { lock?: undefined; holder: LockHolder } {
  const path = lockPathOf(review)
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // A folder we cannot write in: there is no one to coordinate with here; SQLite reports the rest.
      if (code !== 'EEXIST') return { lock: { release: () => undefined } }
      const holder = readLockHolder(review)
      if (!stale(review, holder)) return { holder: holder ?? { pid: 0, host: '', since: '' } }
      rmSync(path, { force: true })
      continue
    }
    try {
      writeSync(fd, JSON.stringify(mine))
    } finally {
      closeSync(fd)
    }
    return {
      lock: {
        release() {
          // Only our own lock is removed, never one a later window took over.
          const now = readLockHolder(review)
          if (now && now.pid === mine.pid && now.since === mine.since && now.host === mine.host)
            rmSync(path, { force: true })
        },
      },
    }
  }
  return { holder: readLockHolder(review) ?? { pid: 0, host: '', since: '' } }
}

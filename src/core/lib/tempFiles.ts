import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Runs `run` with a private temporary folder that is removed afterwards, whether `run` returns, throws
 * or returns a promise that settles either way.
 */
export function withTempDir<T>(run: (dir: string) => T, prefix = 'factdesk-'): T {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const remove = (): void => rmSync(dir, { recursive: true, force: true })
  let result: T
  try {
    result = run(dir)
  } catch (err) {
    remove()
    throw err
  }
  if (result instanceof Promise) return result.finally(remove) as T
  remove()
  return result
}

/** Whether a file exists and holds anything (a write-ahead log beside a review, say). */
export function hasBytes(path: string): boolean {
  try {
    return statSync(path).size > 0
  } catch {
    return false
  }
}

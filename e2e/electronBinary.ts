import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const projectRoot = join(__dirname, '..')

/**
 * The Electron executable, or null where it was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). Read from
 * the package's path.txt rather than require('electron'), which tries to download a missing binary.
 */
export function electronBinaryPath(): string | null {
  try {
    const dir = dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'))
    const path = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

export const electronBinaryAvailable = electronBinaryPath() !== null

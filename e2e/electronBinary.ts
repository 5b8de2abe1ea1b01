import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const projectRoot = join(__dirname, '..')

/** The Electron executable, or null where it was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinaryPath(): string | null {
  try {
    const path: unknown = createRequire(join(projectRoot, 'package.json'))('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export const electronBinaryAvailable = electronBinaryPath() !== null

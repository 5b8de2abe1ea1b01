import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { electronBinaryAvailable, projectRoot } from './electronBinary'

export default function globalSetup(): void {
  if (
    !existsSync(join(projectRoot, 'out', 'renderer', 'index.html')) ||
    !existsSync(join(projectRoot, 'out', 'main', 'index.js'))
  ) {
    throw new Error('The app is not built: run `npm run build` (electron-vite build) before the e2e tests.')
  }
  // The Electron suite needs better-sqlite3 built for Electron; the harness then runs under
  // Electron-as-Node (scripts/harness.mjs), so both suites share that one build.
  if (electronBinaryAvailable) {
    execFileSync(process.execPath, [join(projectRoot, 'scripts', 'native.mjs'), 'electron'], { stdio: 'inherit' })
  } else {
    console.log(
      'e2e/electron is skipped: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); ' +
        'its scenarios run in e2e/browser through the harness.',
    )
  }
}

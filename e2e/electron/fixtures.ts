import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EDITOR } from '../desk'
import { electronBinaryAvailable, electronBinaryPath, projectRoot } from '../electronBinary'

export interface DesktopApp {
  readonly app: ElectronApplication
  readonly window: Page
  readonly userDataDir: string
  /** Quits the app and starts it again on the same user data (so the same default review file). */
  restart(): Promise<void>
}

const SKIP_REASON =
  'Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); the same scenario runs in e2e/browser through the harness'

async function launch(userDataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  const env: Record<string, string> = { FACTDESK_LANG: 'en' }
  for (const [key, value] of Object.entries(process.env)) {
    // Set by the harness fallback; the app must not start as plain Node.
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = env[key] ?? value
  }
  const app = await _electron.launch({
    executablePath: electronBinaryPath() ?? undefined,
    args: [projectRoot, `--user-data-dir=${userDataDir}`],
    cwd: projectRoot,
    env,
  })
  const window = await app.firstWindow()
  await expect(window.locator(EDITOR).first()).toBeVisible()
  return { app, window }
}

export const test = base.extend<{ desktop: DesktopApp }>({
  // eslint-disable-next-line no-empty-pattern
  desktop: async ({}, use) => {
    base.skip(!electronBinaryAvailable, SKIP_REASON)
    const userDataDir = mkdtempSync(join(tmpdir(), 'factdesk-electron-'))
    // A reviewer name saved, as after first use: with none the app would ask for it first.
    writeFileSync(join(userDataDir, 'prefs.json'), JSON.stringify({ reviewerName: 'Reviewer' }))
    let running = await launch(userDataDir)
    const desktop: DesktopApp = {
      get app() {
        return running.app
      },
      get window() {
        return running.window
      },
      userDataDir,
      async restart() {
        await running.app.close()
        running = await launch(userDataDir)
      },
    }
    await use(desktop)
    await running.app.close()
    rmSync(userDataDir, { recursive: true, force: true })
  },
})

// Skips every test of a file that imports this one, before anything is launched.
test.skip(!electronBinaryAvailable, SKIP_REASON)

export { expect }

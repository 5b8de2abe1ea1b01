import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../electronBinary'
import { EDITOR } from '../desk'

const READY = /Factdesk is ready: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/

export interface HarnessArgs {
  reviewPath: string
  dataDir: string
  /** 0 picks a free port. */
  port?: number
  /** Forced for the run with `--lang` (default 'en'); null passes no flag, so the saved preference applies. */
  lang?: 'en' | 'ko' | null
  /** The OS locale the harness runs in (LC_ALL, LANG): where no language is forced or saved, it picks one. */
  locale?: string
  /**
   * The reviewer name saved in the data folder before a first start (default 'Reviewer'); null saves
   * none, so the app asks for it.
   */
  reviewerName?: string | null
  /** More flags for the run (e.g. `--sync`, `--as`). */
  extra?: string[]
}

export interface RunningHarness {
  child: ChildProcess
  url: string
  origin: string
  port: number
  token: string
  output: () => string
}

/** Runs `scripts/harness.mjs` (what `npm run web` runs) and waits for its ready line. */
export function launchHarness(args: HarnessArgs): Promise<RunningHarness> {
  const prefsPath = join(args.dataDir, 'prefs.json')
  if (args.reviewerName !== null && !existsSync(prefsPath)) {
    mkdirSync(args.dataDir, { recursive: true })
    writeFileSync(prefsPath, JSON.stringify({ reviewerName: args.reviewerName ?? 'Reviewer' }))
  }
  const argv = [
    join(projectRoot, 'scripts', 'harness.mjs'),
    '--review',
    args.reviewPath,
    '--data-dir',
    args.dataDir,
    '--port',
    String(args.port ?? 0),
    ...(args.lang === null ? [] : ['--lang', args.lang ?? 'en']),
    ...(args.extra ?? []),
  ]
  // Without a flag, FACTDESK_LANG would force the language just the same.
  const env = { ...process.env }
  if (args.lang === null) delete env.FACTDESK_LANG
  if (args.locale) env.LC_ALL = env.LANG = args.locale
  const child = spawn(process.execPath, argv, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The harness did not start within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const m = READY.exec(output)
      if (!m) return
      clearTimeout(timer)
      const url = m[1]
      resolve({ child, url, origin: new URL(url).origin, port: Number(m[2]), token: m[3], output: () => output })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`The harness exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
}

/** SIGTERM, as a user's Ctrl-C or a service manager would; resolves with the exit code. */
export function stopHarness(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    child.kill('SIGTERM')
  })
}

export interface Harness {
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly port: number
  readonly reviewPath: string
  readonly dataDir: string
  /**
   * Stops the harness and starts it again on the same file and port, then reloads every attached page.
   * The options given replace the run's language flag (null: none) and OS locale from then on.
   */
  restart(options?: Pick<HarnessArgs, 'lang' | 'locale'>): Promise<void>
  /** Pages that restart() reloads. */
  attach(page: Page): void
  /** Stops the harness (SIGTERM), as closing the window would; resolves with its exit code. */
  stop(): Promise<number | null>
}

export interface DeskFixtures {
  /** The harness's `--lang` (null: none); set with test.use({ harnessLang: 'ko' }). */
  harnessLang: HarnessArgs['lang']
  workDir: string
  harness: Harness
  /** A page with the app open on the harness, the essay loaded. */
  desk: Page
}

export async function openDesk(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.locator(EDITOR).first()).toBeVisible()
}

export const test = base.extend<DeskFixtures>({
  harnessLang: ['en', { option: true }],
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  harness: async ({ workDir, harnessLang }, use) => {
    let args: HarnessArgs = {
      reviewPath: join(workDir, 'review.factdesk'),
      dataDir: join(workDir, 'data'),
      lang: harnessLang,
    }
    let running = await launchHarness(args)
    const pages: Page[] = []
    const harness: Harness = {
      get url() {
        return running.url
      },
      get origin() {
        return running.origin
      },
      get token() {
        return running.token
      },
      get port() {
        return running.port
      },
      reviewPath: args.reviewPath,
      dataDir: args.dataDir,
      attach: (page) => void pages.push(page),
      stop: () => stopHarness(running.child),
      async restart(options = {}) {
        const code = await stopHarness(running.child)
        expect(code, `the harness should stop cleanly on SIGTERM:\n${running.output()}`).toBe(0)
        args = { ...args, ...options }
        running = await launchHarness({ ...args, port: running.port })
        for (const page of pages) await openDesk(page, running.url)
      },
    }
    await use(harness)
    await stopHarness(running.child)
  },
  desk: async ({ page, harness }, use) => {
    harness.attach(page)
    await openDesk(page, harness.url)
    await use(page)
  },
})

export { expect }

import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { errorText, FactdeskError } from '../../shared/errors'

/**
 * Turns the exported HTML into a PDF. The app gives one that prints with Electron (src/main/pdf.ts);
 * the CLI, the harness and the tests use headless Chromium. Core never imports Electron.
 */
export type PdfRenderer = (html: string) => Promise<Buffer>

/** The refusal's English text (the code is pdf-no-chromium), for the command line and its tests. */
export const NO_CHROMIUM = errorText('en', { code: 'pdf-no-chromium' })

function playwrightChromium(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  try {
    return readdirSync(root)
      .filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
      .sort()
      .reverse()
      .flatMap((d) => [
        join(root, d, 'chrome-linux', 'chrome'),
        join(root, d, 'chrome-linux64', 'chrome'),
        join(root, d, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
      ])
  } catch {
    return []
  }
}

/** CHROME_PATH, then the system's Chromium or Chrome, then a Chromium Playwright installed; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...playwrightChromium(env),
  ]
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null
}

/**
 * Chromium's sandbox stays on; only as root, where Chromium refuses to start with it, is it turned off
 * (the page it prints is our own export, with no script and a CSP that forbids any).
 */
export function sandboxArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox'] : []
}

/**
 * Prints with headless Chromium: the page is written to a private temporary folder and printed with a
 * throw-away profile and no background traffic; the folder is removed afterwards. The page itself runs
 * nothing: it has no script and its Content-Security-Policy forbids any (turning JavaScript off with
 * --blink-settings stops headless Chromium from printing at all).
 */
export function chromiumPdfRenderer(
  options: { executable?: string | null; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): PdfRenderer {
  return async (html) => {
    const executable = options.executable === undefined ? findChromium(options.env) : options.executable
    if (!executable) throw new FactdeskError('pdf-no-chromium')
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-pdf-'))
    try {
      const page = join(dir, 'page.html')
      const out = join(dir, 'page.pdf')
      writeFileSync(page, html, 'utf8')
      const args = [
        '--headless',
        ...sandboxArgs(),
        '--disable-gpu',
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ]
      await new Promise<void>((resolve, reject) => {
        execFile(
          executable,
          args,
          { timeout: options.timeoutMs ?? 90_000, maxBuffer: 4 * 1024 * 1024 },
          (err, _stdout, stderr) => {
            if (err && !existsSync(out)) {
              reject(
                new FactdeskError('pdf-failed', {
                  detail: `${err.message.split('\n')[0]}${stderr ? `: ${String(stderr).trim().split('\n').slice(-1)[0]}` : ''}`,
                }),
              )
            } else resolve()
          },
        )
      })
      if (!existsSync(out)) throw new FactdeskError('pdf-missing')
      const pdf = readFileSync(out)
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new FactdeskError('pdf-missing')
      return pdf
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

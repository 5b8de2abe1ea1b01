import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { electronBinaryPath, projectRoot } from '../electronBinary'
import { expect, test } from './fixtures'

interface Exported {
  html: string
  w3c: { first: { items: { motivation: string; target: { selector: Record<string, unknown>[] } }[] } }
  text: string
}

/** The review's exports, made in the runtime better-sqlite3 is built for (Electron as Node where it is installed). */
function exportReview(includeUnrated: boolean): Exported {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-anchoring-'))
  try {
    const out = join(dir, 'review.cjs')
    buildSync({
      entryPoints: [join(projectRoot, 'e2e', 'support', 'anchoringReview.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      external: ['better-sqlite3'],
      // The test helpers find the bundled essay next to their own source.
      define: { __dirname: JSON.stringify(join(projectRoot, 'test', 'helpers')) },
      logLevel: 'silent',
    })
    const runtime = electronBinaryPath() ?? process.execPath
    const json = execFileSync(runtime, [out, ...(includeUnrated ? ['--include-unrated'] : [])], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_PATH: join(projectRoot, 'node_modules') },
      maxBuffer: 64 * 1024 * 1024,
    })
    return JSON.parse(json.toString('utf8')) as Exported
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Apache Annotator's DOM package as one script that sets `window.AnnotatorDom`. Its matching engine,
 * @apache-annotator/selector, is a devDependency of the project: the DOM package 0.2.0 imports it but
 * does not declare it. NODE_PATH is honoured as Node does.
 */
function annotatorScript(): string {
  const built = buildSync({
    nodePaths: (process.env.NODE_PATH ?? '').split(':').filter(Boolean),
    stdin: { contents: `export * from '@apache-annotator/dom'`, resolveDir: projectRoot },
    bundle: true,
    format: 'iife',
    globalName: 'AnnotatorDom',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  return built.outputFiles[0].text
}

interface Anchored {
  exact: string
  quoteMatches: string[]
  positionMatch: string | null
  /** The quote's first match and the position's match are the same range of the page. */
  sameRange: boolean
}

test.describe('the HTML export read by a standard selector engine', () => {
  for (const includeUnrated of [false, true]) {
    test(`every exported W3C selector anchors on its claim's words with Apache Annotator in Chromium${includeUnrated ? ' (unrated claims included)' : ''}`, async ({
      page,
    }) => {
      const { html, w3c, text } = exportReview(includeUnrated)
      const selectors = w3c.first.items.filter((a) => a.motivation === 'assessing').map((a) => a.target.selector)
      expect(selectors).toHaveLength(11)
      // The page forbids scripts; the engine runs from the test, on the same markup without that policy.
      const page0 = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      expect(page0).not.toContain('Content-Security-Policy')
      await page.setContent(page0, { waitUntil: 'load' })
      await page.addScriptTag({ content: annotatorScript() })
      const results = await page.evaluate(async (all) => {
        const dom = (window as unknown as { AnnotatorDom: typeof import('@apache-annotator/dom') }).AnnotatorDom
        const essay = document.querySelector('article.essay') as Element
        const scope = document.createRange()
        scope.selectNodeContents(essay)
        const out: Anchored[] = []
        for (const [quote, position] of all as [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          { type: 'TextPositionSelector'; start: number; end: number },
        ][]) {
          const quotes: Range[] = []
          for await (const r of dom.createTextQuoteSelectorMatcher(quote)(scope)) quotes.push(r)
          let at: Range | null = null
          for await (const r of dom.createTextPositionSelectorMatcher(position)(scope)) at = at ?? r
          // Where a range starts and ends, counted in the essay's text (boundary points at a text
          // node's end and at the next one's start are the same place).
          const offsets = (r: Range): [number, number] => {
            const before = document.createRange()
            before.setStart(essay, 0)
            before.setEnd(r.startContainer, r.startOffset)
            const start = before.toString().length
            return [start, start + r.toString().length]
          }
          const same = quotes.length > 0 && at !== null && offsets(quotes[0]).join() === offsets(at).join()
          out.push({
            exact: quote.exact,
            quoteMatches: quotes.map((r) => r.toString()),
            positionMatch: at ? at.toString() : null,
            sameRange: same,
          })
        }
        return { out, essayText: essay.textContent }
      }, selectors)
      // The essay element's text is the text the selectors count.
      expect(results.essayText).toBe(text)
      expect(results.out).toHaveLength(11)
      for (const r of results.out) {
        expect(r.quoteMatches, `quote "${r.exact}"`).toEqual([r.exact])
        expect(r.positionMatch, `position of "${r.exact}"`).toBe(r.exact)
        expect(r.sameRange, `"${r.exact}": quote and position select the same words`).toBe(true)
      }
      // The claims across blocks and the corrected one are among them.
      expect(results.out.filter((r) => r.exact.includes('\n'))).toHaveLength(3)
      expect(results.out.map((r) => r.exact)).toContain('가장 유망한 시장 중 하나')
      // Footnote numbers are still on the page: drawn by CSS after each claim's last words.
      const marker = page.locator('a.ref[href="#claim-1"]')
      await expect(marker).toHaveText('')
      expect(await marker.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('"1"')
      await expect(page.locator('li.claim')).toHaveCount(includeUnrated ? 11 : 10)
    })
  }
})

import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { parseEssayMarkdown } from '../../src/core/document/essayFormat'
import { renderHtml } from '../../src/core/republish/html'
import type { RepublishData } from '../../src/core/republish/model'
import { chromiumPdfRenderer, findChromium } from '../../src/core/republish/pdf'
import { verdictLabels } from '../../src/shared/verdicts'
import type { Claim, Source } from '../../src/shared/domain'
import { essayText } from '../../src/shared/essay'
import { seedClaims } from '../support/deskLook'
import { expect, test } from './fixtures'

/** Markup and a script URL where a reviewer may type anything: a note, a source title, an excerpt. */
const HOSTILE = `<script>window.__pwned = 1; alert('script')</script><img src=x onerror="alert('img')"><a href="javascript:alert('link')">javascript:alert('link')</a>`

/** An export made straight from data (no review file), so even fields the service would refuse reach the renderer. */
function hostileExport(): string {
  const essay = parseEssayMarkdown(
    `---\ntitle: 안전 <b>시험</b>\nauthor: 김"작가"\nlanguage: ko\n---\n\n## 머리 <i>글</i>\n\n서울은 <script>alert(1)</script> 도시다. **굵은 javascript:alert(2)** 글.\n`,
  )
  const text = essayText(essay.blocks)
  const at = [...text].indexOf('서')
  const source = (url: string, title: string): Source =>
    ({
      id: url,
      claimId: 'c1',
      url,
      title,
      publisher: HOSTILE,
      published: '',
      accessed: '',
      excerpt: HOSTILE,
      archiveUrl: url,
      created: '',
      modified: '',
      revision: 1,
      version: '',
    }) as Source
  const claim = {
    id: 'c1',
    documentId: 'd',
    exact: [...text].slice(at, at + 10).join(''),
    prefix: '',
    suffix: '',
    start: at,
    end: at + 10,
    verdict: 'false',
    status: 'checked',
    note: HOSTILE,
    author: '<img src=x onerror=alert(3)>',
    created: '2025-01-01T00:00:00Z',
    modified: '2025-01-02T00:00:00Z',
    modifiedBy: '',
    revision: 1,
    version: '',
    anchored: true,
    hasConflict: false,
    sources: [
      source('javascript:alert(4)', HOSTILE),
      source('https://example.com/"><script>alert(5)</script>', HOSTILE),
      source('data:text/html,<script>alert(6)</script>', 'data'),
    ],
    corrections: [],
  } as unknown as Claim
  const data: RepublishData = {
    doc: { id: 'd', title: '안전 <b>시험</b>', blocks: essay.blocks, text, hash: '' },
    lang: 'ko',
    settings: {
      organisationName: HOSTILE,
      organisationUrl: 'javascript:alert(7)',
      factcheckUrl: 'https://example.com/?q=<script>',
      essayUrl: '',
      essayAuthor: '',
      essayPublished: '',
    },
    scale: {
      id: 'snu',
      labels: verdictLabels,
      order: ['true', 'mostly-true', 'half-true', 'mostly-false', 'false'],
      offScale: ['undecidable'],
      unrated: 'unrated',
      colors: {},
    },
    claims: [claim],
    unattached: [],
    corrections: [
      {
        id: 'k',
        claimId: 'c1',
        original: HOSTILE,
        replacement: '<svg onload=alert(8)>',
        explanation: HOSTILE,
        state: 'applied',
        proposedBy: '',
        proposed: '',
        appliedBy: '',
        applied: '2025-01-03T00:00:00Z',
      },
    ],
    tags: new Map(),
    exported: '2025-01-04T00:00:00Z',
  }
  return renderHtml(data)
}

/** What a parsed page holds that could run: script elements, on* attributes, javascript:/data: links. */
async function activeContent(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')]
    return {
      scripts: document.querySelectorAll('script').length,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}@${a.name}`),
      ),
      badHrefs: all
        .flatMap((el) =>
          ['href', 'src', 'action', 'formaction', 'xlink:href']
            .map((n) => el.getAttribute(n))
            .filter((v): v is string => v !== null),
        )
        .filter((v) => !/^(https?:|#)/i.test(v.trim())),
      embeds: document.querySelectorAll('iframe, object, embed, form, svg, img, base, meta[http-equiv="refresh"]')
        .length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
      text: document.body.innerText,
    }
  })
}

test.describe('exports for republication', () => {
  test('hostile notes, titles and URLs in the HTML export stay inert text when Chromium parses it', async ({
    page,
  }) => {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const html = hostileExport()
    await page.setContent(html, { waitUntil: 'load' })
    const found = await activeContent(page)
    expect(found.scripts).toBe(0)
    expect(found.handlers).toEqual([])
    expect(found.badHrefs).toEqual([])
    expect(found.embeds).toBe(0)
    expect(found.pwned).toBe(0)
    expect(dialogs).toEqual([])
    // The hostile text is shown as text, and the safe link is still a link.
    expect(found.text).toContain("<script>window.__pwned = 1; alert('script')</script>")
    expect(found.text).toContain('javascript:alert(4)')
    // The one http(s) source (and its archive copy) and the fact-check page stay links.
    await expect(page.locator('a[href^="https://example.com/"]')).toHaveCount(3)
    await expect(page.locator('mark[data-verdict="false"]')).toHaveCount(1)
    // Even with JavaScript on, the page's own policy forbids scripts.
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`,
    )
  })

  test('the PDF is printed by headless Chromium and holds text', async () => {
    const chromium = findChromium()
    test.skip(
      !chromium,
      'No Chromium here (/usr/bin/chromium, CHROME_PATH or Playwright’s): PDF export from the CLI needs it.',
    )
    const pdf = await chromiumPdfRenderer({ executable: chromium })(hostileExport())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // Text-showing operators inside the page content streams (compressed with Flate).
    const raw = pdf.toString('latin1')
    let shown = 0
    for (const m of raw.matchAll(/stream\r?\n/g)) {
      const start = (m.index ?? 0) + m[0].length
      const end = raw.indexOf('endstream', start)
      try {
        shown += (
          inflateSync(pdf.subarray(start, end))
            .toString('latin1')
            .match(/\bT[jJ]\b/g) ?? []
        ).length
      } catch {
        // Not a Flate stream (an image or a font program).
      }
    }
    expect(shown).toBeGreaterThan(10)
    expect(raw).toMatch(/\/Type\s*\/Font/)
  })

  test('Export menu: a preview before saving HTML and Markdown, a summary for PDF, the settings dialog', async ({
    desk,
    workDir,
  }) => {
    // A rated claim with a note and a source, and a claim nobody has rated yet: readers do not see
    // it unless the export asks for it.
    await seedClaims(desk, [
      {
        start: '챗GPT 유료 가입자 수 2위',
        verdict: 'mostly-false',
        note: '통계 <확인> 필요',
        source: { url: 'https://example.com/stats', title: '통계청' },
      },
      { start: '오픈AI가 서울을 선택한 것은' },
    ])

    // HTML: a sandboxed preview, the counts, then Save writes the file.
    await desk.getByRole('button', { name: 'Export', exact: true }).click()
    await desk.getByRole('menuitem', { name: 'Web page for print (.html)…' }).click()
    const dialog = desk.getByRole('dialog', { name: 'Export: HTML' })
    await expect(dialog).toBeVisible()
    const preview = dialog.locator('iframe[title="Preview"]')
    await expect(preview).toHaveAttribute('sandbox', '')
    await expect(preview.contentFrame().locator('mark[data-verdict="mostly-false"]')).toHaveText(
      '챗GPT 유료 가입자 수 2위',
    )
    const count = (term: RegExp) =>
      dialog.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd')
    await expect(count(/^Claims$/)).toHaveText('1')
    await expect(count(/^Left out: no verdict yet$/)).toHaveText('1')
    await expect(preview.contentFrame().locator('mark[data-verdict="unrated"]')).toHaveCount(0)
    // Asked for, the unrated claim is in the page, labelled unchecked; unticked, it is out again.
    const include = dialog.getByRole('checkbox', { name: 'Include claims without a verdict (labelled unchecked)' })
    await include.check()
    await expect(count(/^Claims$/)).toHaveText('2')
    await expect(count(/^Left out: no verdict yet$/)).toHaveCount(0)
    await expect(preview.contentFrame().locator('li.claim[data-verdict="unrated"] .unchecked')).toHaveText(
      '미검증 — 아직 판정 전',
    )
    await include.uncheck()
    await expect(count(/^Claims$/)).toHaveText('1')
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('서울, 오픈AI의 전략적 거점이 되다.html')
    const saved = join(workDir, 'essay.html')
    await download.saveAs(saved)
    expect(readFileSync(saved, 'utf8')).toContain('통계 &lt;확인&gt; 필요')
    await expect(dialog).toBeHidden()

    // Markdown with notes: the text itself is previewed; Cancel writes nothing.
    await desk.getByRole('button', { name: 'Export', exact: true }).click()
    await desk.getByRole('menuitem', { name: 'Markdown with fact-check notes (.md)…' }).click()
    const md = desk.getByRole('dialog', { name: 'Export: Markdown with fact-check notes' })
    await expect(md.getByLabel('Preview')).toContainText('[^1]: **판정: 대체로 사실 아님**')
    await md.getByRole('button', { name: 'Cancel' }).click()
    await expect(md).toBeHidden()

    // ClaimReview without a fact-check page: the reason, and the way to the settings.
    await desk.getByRole('button', { name: 'Export', exact: true }).click()
    await desk.getByRole('menuitem', { name: 'ClaimReview for fact-check search (.jsonld)…' }).click()
    const cr = desk.getByRole('dialog', { name: 'Export: ClaimReview' })
    await expect(cr.getByRole('alert')).toContainText('Republication settings')
    await cr.getByRole('button', { name: 'Republication settings…' }).click()
    const settings = desk.getByRole('dialog', { name: 'Republication settings' })
    await settings.getByLabel('Fact-check page address').fill('javascript:alert(1)')
    await expect(settings.getByText('Only an http:// or https:// address.')).toBeVisible()
    await expect(settings.getByRole('button', { name: 'Save' })).toBeDisabled()
    await settings.getByLabel('Fact-check page address').fill('https://factcheck.example.kr/seoul')
    await settings.getByLabel('Fact-checking organisation').fill('SNU팩트체크')
    await expect(settings.getByLabel('Author of the essay')).toHaveValue('버지니아대학교 이현우 교수')
    await settings.getByRole('button', { name: 'Save' }).click()
    await expect(settings).toBeHidden()
    await cr.getByRole('button', { name: 'Close' }).click()
    expect(await desk.evaluate(() => window.factdesk.call('settings-get', {}))).toMatchObject({
      ok: true,
      value: { factcheckUrl: 'https://factcheck.example.kr/seoul', organisationName: 'SNU팩트체크' },
    })

    // PDF: progress while Chromium prints, then the summary.
    test.skip(!findChromium(), 'No Chromium for the harness to print a PDF with.')
    await desk.getByRole('button', { name: 'Export', exact: true }).click()
    await desk.getByRole('menuitem', { name: 'PDF…' }).click()
    const pdf = desk.getByRole('dialog', { name: 'Export: PDF' })
    await expect(pdf.getByRole('button', { name: 'Save' })).toBeVisible({ timeout: 60_000 })
    const [pdfDownload] = await Promise.all([
      desk.waitForEvent('download'),
      pdf.getByRole('button', { name: 'Save' }).click(),
    ])
    const pdfPath = join(workDir, 'essay.pdf')
    await pdfDownload.saveAs(pdfPath)
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})

test.describe('in Korean', () => {
  test.use({ harnessLang: 'ko' })
  test('the export items and the settings dialog have Korean names', async ({ desk }) => {
    await desk.getByRole('button', { name: '내보내기', exact: true }).click()
    await expect(desk.getByRole('menuitem', { name: '메모 달린 워드 문서 (.docx)…' })).toBeVisible()
    await desk.getByRole('menuitem', { name: '재발행 설정…' }).click()
    const settings = desk.getByRole('dialog', { name: '재발행 설정' })
    await expect(settings.getByLabel('팩트체크 페이지 주소')).toBeVisible()
    await expect(settings.getByLabel('글쓴이')).toHaveValue('버지니아대학교 이현우 교수')
    await settings.getByRole('button', { name: '취소' }).click()
    await expect(settings).toBeHidden()
  })
})

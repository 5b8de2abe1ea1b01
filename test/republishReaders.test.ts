import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { ReviewStore } from '../src/core/review/store'
import { exportRepublication } from '../src/core/republish'
import { exportW3c } from '../src/core/exchange/w3cExport'
import { CORRECTED_TO, elevenClaimReview } from './helpers/elevenClaims'
import { bundledEssay, tempDir } from './helpers/essay'
import { claimOn, htmlDecode } from './helpers/republish'
import { openReview } from '../src/core/review/open'
import { readDocument } from '../src/core/document/queries'

let store: ReviewStore
beforeEach(() => {
  store = elevenClaimReview()
})
afterEach(() => store.close())

const html = async (includeUnrated = false): Promise<string> =>
  (await exportRepublication(store, 'html', { includeUnrated })).data

/** The text a DOM holds inside the essay's element: every text node, markup and markers dropped. */
function essayDomText(page: string): string {
  const m = /<article class="essay"[^>]*>([\s\S]*?)<\/article>/.exec(page)
  if (!m) throw new Error('no essay element')
  return htmlDecode(m[1].replace(/<[^>]+>/g, ''))
}

describe('HTML export text', () => {
  it('the essay element holds exactly the text the W3C selectors count, markers and block breaks included', async () => {
    const page = await html(true)
    expect(essayDomText(page)).toBe(readDocument(store).text)
    // The footnote numbers are drawn by CSS, not written in the text.
    expect(page).toMatch(/<a class="ref" href="#claim-1" data-n="1" aria-label="[^"]+"><\/a>/)
    expect(page).toContain('a.ref::after { content: attr(data-n)')
    expect(page).not.toContain('<sup')
  })

  it('every exported selector quotes the essay text of the page at its position', async () => {
    const text = [...essayDomText(await html())]
    const annotations = (
      exportW3c(store) as {
        first: { items: { motivation: string; target: { selector: Record<string, unknown>[] } }[] }
      }
    ).first.items
    const claims = annotations.filter((a) => a.motivation === 'assessing')
    expect(claims).toHaveLength(11)
    for (const a of claims) {
      const [q, p] = a.target.selector as [
        { exact: string; prefix: string; suffix: string },
        { start: number; end: number },
      ]
      expect(text.slice(p.start, p.end).join('')).toBe(q.exact)
      expect(text.slice(Math.max(0, p.start - [...q.prefix].length), p.start).join('')).toBe(q.prefix)
      expect(text.slice(p.end, p.end + [...q.suffix].length).join('')).toBe(q.suffix)
    }
    expect(claims.some((a) => (a.target.selector[0] as { exact: string }).exact === CORRECTED_TO)).toBe(true)
  })
})

describe('reader-facing exports and unrated claims', () => {
  it('HTML shows only claims with a verdict by default, and counts the ones left out', async () => {
    const file = await exportRepublication(store, 'html')
    expect(file.counts).toMatchObject({ claims: 10, rated: 10, unratedLeftOut: 1 })
    expect(file.data).not.toMatch(/<(mark|li)\b[^>]*data-verdict="unrated"/)
    expect(file.data).not.toContain('id="claim-11"')
    expect(file.data).not.toMatch(/Unchecked|미검증/)
  })

  it('with includeUnrated the unrated claim is shown, labelled unchecked', async () => {
    const file = await exportRepublication(store, 'html', { includeUnrated: true })
    expect(file.counts).toMatchObject({ claims: 11, rated: 10 })
    expect(file.counts?.unratedLeftOut).toBeUndefined()
    const entry = /<li class="claim" id="claim-\d+" data-verdict="unrated">[\s\S]*?<\/li>/.exec(file.data)
    expect(entry?.[0]).toContain('<p class="unchecked">미검증 — 아직 판정 전</p>')
    expect(file.data.match(/<p class="unchecked">/g)).toHaveLength(1)
  })

  it('Word leaves unrated claims out by default; the table for editors keeps them all', async () => {
    expect((await exportRepublication(store, 'docx')).counts).toMatchObject({ claims: 10, unratedLeftOut: 1 })
    expect((await exportRepublication(store, 'docx', { includeUnrated: true })).counts).toMatchObject({ claims: 11 })
    expect((await exportRepublication(store, 'csv')).counts).toMatchObject({ claims: 11 })
    expect((await exportRepublication(store, 'csv')).counts?.unratedLeftOut).toBeUndefined()
  })
})

describe('factdesk export --include-unrated', () => {
  it('adds the unrated claims to html, pdf and docx only', async () => {
    const dir = tempDir('factdesk-readers-')
    try {
      const review = dir.file('desk.factdesk')
      const s = openReview(review, bundledEssay())
      claimOn(s, '챗GPT 유료 가입자 수 2위', { verdict: 'mostly-false' })
      claimOn(s, '오픈AI가 서울을 선택한 것은', { verdict: 'unrated' })
      s.close()
      let stderr = ''
      const cli = (...argv: string[]) =>
        runCli(argv, { stdout: () => undefined, stderr: (t) => (stderr += t), env: {} })
      const out = dir.file('essay.html')
      expect(await cli('export', '--review', review, '--format', 'html', '--out', out)).toBe(0)
      expect(readFileSync(out, 'utf8').match(/<li class="claim"/g)).toHaveLength(1)
      expect(await cli('export', '--review', review, '--format', 'html', '--include-unrated', '--out', out)).toBe(0)
      expect(readFileSync(out, 'utf8').match(/<li class="claim"/g)).toHaveLength(2)
      expect(
        await cli('export', '--review', review, '--format', 'csv', '--include-unrated', '--out', dir.file('x.csv')),
      ).toBe(2)
      expect(stderr).toContain('--include-unrated applies to --format html, pdf and docx only.')
    } finally {
      dir.remove()
    }
  })
})

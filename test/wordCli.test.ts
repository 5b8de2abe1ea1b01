/** `factdesk export --format docx --for-review` and `factdesk import reviewed.docx`, as a newsroom scripts them. */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'
import { errorText } from '../src/shared/errors'
import { claimMarker } from '../src/shared/wordReview'
import { bundledEssay, sha256, tempDir, type TempDir } from './helpers/essay'
import { claimOn } from './helpers/republish'
import { WordDoc } from './helpers/wordEdits'
import { openReview } from '../src/core/review/open'
import { listClaims } from '../src/core/claims/queries'

let dir: TempDir
let review: string
let open: { id: string }
let rated: { id: string }
beforeEach(() => {
  dir = tempDir('factdesk-word-cli-')
  review = dir.file('desk.factdesk')
  const store = openReview(review, bundledEssay())
  try {
    rated = claimOn(store, '현지화된 챗GPT 개발', { verdict: 'half-true' })
    open = claimOn(store, '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다')
  } finally {
    store.close()
  }
})
afterEach(() => dir.remove())

const claims = () => {
  const store = openReview(review)
  try {
    return listClaims(store)
  } finally {
    store.close()
  }
}

describe('factdesk and Word', () => {
  it('exports for review (every claim, unrated too), imports the reviewed copy with --accept-resolved, and a second import adds nothing', async () => {
    const out = dir.file('essay.review.docx')
    const exported = await cli('export', '--review', review, '--format', 'docx', '--for-review', '--out', out, '--json')
    expect(exported.code, exported.stderr).toBe(0)
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, format: 'docx', claims: 2 })
    const doc = new WordDoc(new Uint8Array(readFileSync(out)))
    expect(doc.parts['word/comments.xml']).toContain(claimMarker(open.id))
    doc.reply(claimMarker(rated.id), '정편집', '2026-11-20T09:30:00Z', '목록의 셋째 항목입니다.')
    doc.resolve(claimMarker(rated.id))
    doc.comment('오픈AI가 서울을 선택한 것은', '최독자', '2026-11-20T09:40:00Z', '근거?')
    const reviewed = dir.file('reviewed.docx')
    writeFileSync(reviewed, doc.bytes())

    const first = await cli('import', reviewed, '--review', review, '--accept-resolved', '--json')
    expect(first.code, first.stderr).toBe(0)
    const summary = JSON.parse(first.stdout).imported[0]
    expect(summary.format).toBe('docx')
    expect(summary.word).toMatchObject({
      repliesAdded: 1,
      claimsAdded: 1,
      correctionsProposed: 0,
      resolved: 1,
      notFound: 0,
    })
    expect(claims().find((c) => c.id === rated.id)?.status).toBe('checked')

    const again = await cli('import', reviewed, '--review', review)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(
      'from Word: 0 replies added, 0 claims added, 0 corrections proposed, 0 resolved, 0 not found',
    )
    expect(claims()).toHaveLength(3)
  })

  it('without --accept-resolved, lists the resolved claim and leaves its status', async () => {
    const out = dir.file('essay.review.docx')
    expect((await cli('export', '--review', review, '--format', 'docx', '--for-review', '--out', out)).code).toBe(0)
    const doc = new WordDoc(new Uint8Array(readFileSync(out)))
    doc.resolve(claimMarker(rated.id))
    writeFileSync(dir.file('reviewed.docx'), doc.bytes())
    const r = await cli('import', dir.file('reviewed.docx'), '--review', review)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('resolved in Word, status unchanged')
    expect(r.stdout).toContain('"현지화된 챗GPT 개발"')
    expect(claims().find((c) => c.id === rated.id)?.status).toBe('open')
  })

  it('refuses a .docx that is not a Word document, as a code the desk says in Korean, review untouched; --for-review is docx only', async () => {
    writeFileSync(dir.file('fake.docx'), 'not a zip')
    const hash = sha256(review)
    const r = await cli('import', dir.file('fake.docx'), '--review', review, '--json')
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout)
    expect(json.error.message).toMatch(/fake\.docx: this is not a Word document/)
    expect(json.error).toMatchObject({ code: 'word-not-docx', params: { file: expect.stringMatching(/fake\.docx$/) } })
    expect(errorText('ko', json.error)).toMatch(/워드 문서\(\.docx\)가 아닙니다/)
    expect(sha256(review)).toBe(hash)
    const usage = await cli(
      'export',
      '--review',
      review,
      '--format',
      'html',
      '--for-review',
      '--out',
      dir.file('x.html'),
    )
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--for-review applies to --format docx only')
  })
})

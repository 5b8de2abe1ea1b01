/**
 * The Word round trip: a for-review export, edited as Word writes its edits (a reply, a new comment, a
 * resolved thread, a tracked change inside a claim, a change typed without tracking), imported back;
 * then the same edited document after a LibreOffice round trip.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../src/core/exchange/files'
import { contentTables, stateHash, undoImport } from '../src/core/exchange/importUndo'
import { exportRepublication } from '../src/core/republish/index'
import type { ReviewStore } from '../src/core/review/store'
import { addReply } from '../src/core/thread/thread'
import type { Claim } from '../src/shared/domain'
import type { ImportSummary } from '../src/shared/exchange'
import { claimMarker } from '../src/shared/wordReview'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { claimOn, openEssay } from './helpers/republish'
import { WordDoc } from './helpers/wordEdits'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'

let store: ReviewStore
let dir: TempDir
let A: Claim, B: Claim, C: Claim

const A_TEXT = '오픈AI가 공식적으로 서울에 지사를 설립했다고 발표한 것이다'
const B_TEXT = '현지화된 챗GPT 개발'
const C_TEXT = '한국은 미국에 이어 챗GPT 유료 가입자 수 2위를 기록하며'
const NEW_TEXT = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'

beforeEach(() => {
  store = openEssay(bundledEssay())
  dir = tempDir('factdesk-word-')
  A = claimOn(store, A_TEXT, { verdict: 'true', note: '보도자료 확인' })
  addReply(store, A.id, '발표일도 확인했습니다.', '박확인')
  B = claimOn(store, B_TEXT, { verdict: 'half-true', note: '목록 안' })
  C = claimOn(store, C_TEXT, { verdict: 'mostly-true' })
})
afterEach(() => {
  store.close()
  dir.remove()
})

async function forReview(): Promise<WordDoc> {
  const file = await exportRepublication(store, 'docx', { forReview: true })
  expect(file.fileName).toMatch(/\.review\.docx$/)
  return new WordDoc(new Uint8Array(Buffer.from(file.data, 'base64')))
}

/** The edits of one reviewer in Word. */
function reviewInWord(doc: WordDoc): void {
  doc.reply(claimMarker(A.id), '정편집', '2026-11-20T09:30:00Z', '날짜가 5월 26일인지 확인 바랍니다.')
  doc.comment(NEW_TEXT, '최독자', '2026-11-20T09:40:00Z', '근거가 필요합니다.')
  doc.resolve(claimMarker(B.id))
  doc.trackedReplace('2위', '3위', '이교열', '2026-11-20T09:50:00Z')
  doc.untrackedReplace('하이닉스', 'SK하이닉스')
  doc.comment('SK하이닉스', '최독자', '2026-11-20T09:45:00Z', '정식 명칭')
}

const essay = () => readDocument(store).text
const dumpAll = () =>
  Object.fromEntries(contentTables(store.db).map((t) => [t.name, store.db.prepare(`SELECT * FROM "${t.name}"`).all()]))

describe('a reviewed Word document comes back', () => {
  it('the for-review export names the review, marks every comment and writes only the essay', async () => {
    const doc = await forReview()
    expect(doc.parts['docProps/custom.xml']).toContain(`<vt:lpwstr>${readDocument(store).id}</vt:lpwstr>`)
    expect(doc.parts['word/comments.xml']).toContain(`w:initials="${claimMarker(A.id)}"`)
    expect(doc.parts['word/commentsExtended.xml']).toMatch(/w15:paraIdParent=/)
  })

  it('replies, new claims, resolved threads and tracked changes land as the issue asks; the text never changes', async () => {
    const doc = await forReview()
    reviewInWord(doc)
    const before = essay()
    const summary = await importFile(store, 'reviewed.docx', doc.bytes(), '검토자')
    expectWordEffects(summary, before)
    // Resolved in Word is only listed: the claim's status waits for the reviewer.
    expect(getClaim(store, B.id).status).toBe('open')
  })

  it('importing the same document twice changes nothing', async () => {
    const doc = await forReview()
    reviewInWord(doc)
    await importFile(store, 'reviewed.docx', doc.bytes(), '검토자')
    const hash = stateHash(store.db)
    const snap = dumpAll()
    const again = await importFile(store, 'reviewed.docx', doc.bytes(), '검토자')
    expect(dumpAll()).toEqual(snap)
    expect(stateHash(store.db)).toBe(hash)
    expect(again.word).toMatchObject({ repliesAdded: 0, claimsAdded: 0, correctionsProposed: 0 })
    expect(again.added + again.updated).toBe(0)
  })

  it('--accept-resolved makes the resolved claim checked; Undo import puts the review back exactly', async () => {
    const doc = await forReview()
    reviewInWord(doc)
    const hash = stateHash(store.db)
    const summary = await importFile(store, 'reviewed.docx', doc.bytes(), '검토자', undefined, { acceptResolved: true })
    expect(summary.word!.resolvedClaims).toEqual([{ claimId: B.id, exact: B_TEXT, author: B.author, accepted: true }])
    expect(getClaim(store, B.id).status).toBe('checked')
    expect(getClaim(store, B.id).verdict).toBe('half-true')
    // Once checked, the same document has nothing left to resolve.
    const again = await importFile(store, 'reviewed.docx', doc.bytes(), '검토자', undefined, { acceptResolved: true })
    expect(again.word!.resolved).toBe(0)
    undoImport(store.db, again.importId, '검토자')
    undoImport(store.db, summary.importId, '검토자')
    expect(stateHash(store.db)).toBe(hash)
    expect(getClaim(store, B.id).status).toBe('open')
  })
})

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p))

describe('tracked changes', () => {
  it('an insertion inside a claim and a replacement outside every claim: proposed corrections, a new claim for the second', async () => {
    const doc = await forReview()
    // Inside claim A: a word inserted (w:ins only). Outside every claim: "단단히" replaced by "튼튼히".
    doc.aroundText(
      '서울에 지사를',
      (run) =>
        `${run}<w:ins w:id="900" w:author="이교열" w:date="2026-11-20T10:00:00Z"><w:r><w:t xml:space="preserve"> 정식</w:t></w:r></w:ins>`,
    )
    doc.trackedReplace('단단히', '튼튼히', '이교열', '2026-11-20T10:05:00Z')
    const before = essay()
    const summary = await importFile(store, 'tracked.docx', doc.bytes(), '검토자')
    expect(essay()).toBe(before)
    expect(summary.word).toMatchObject({ correctionsProposed: 2, claimsAdded: 1 })
    expect(getClaim(store, A.id).corrections.map((k) => k.replacement)).toEqual([
      A_TEXT.replace('서울에 지사를', '서울에 지사를 정식'),
    ])
    const added = listClaims(store).find((c) => c.exact === '단단히')!
    expect(added).toMatchObject({ author: '이교열', verdict: 'unrated', note: 'Word: “단단히” → “튼튼히”' })
    expect(added.corrections).toMatchObject([{ state: 'proposed', original: '단단히', replacement: '튼튼히' }])
  })
})

describe('the same edits after LibreOffice', () => {
  it.skipIf(!soffice)(
    'still import after a LibreOffice round trip (soffice --convert-to docx; skipped where soffice is not installed: apt-get install libreoffice-writer)',
    async () => {
      const doc = await forReview()
      reviewInWord(doc)
      writeFileSync(dir.file('edited.docx'), doc.bytes())
      execFileSync(
        soffice as string,
        [
          '--headless',
          `-env:UserInstallation=file://${dir.path}/profile`,
          '--convert-to',
          'docx',
          '--outdir',
          dir.file('lo'),
          dir.file('edited.docx'),
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      )
      const roundTripped = readFileSync(dir.file('lo/edited.docx'))
      const before = essay()
      const summary = await importFile(store, 'edited.docx', new Uint8Array(roundTripped), '검토자')
      expectWordEffects(summary, before)
    },
    180_000,
  )
})

function expectWordEffects(summary: ImportSummary, before: string): void {
  const w = summary.word!
  expect(summary.format).toBe('docx')
  expect(w).toMatchObject({
    repliesAdded: 1,
    claimsAdded: 1,
    correctionsProposed: 1,
    resolved: 1,
    notFound: 1,
    ownExport: true,
  })
  expect(essay()).toBe(before)
  // The reply, with its Word author and date, under the claim it answers; the old reply is not doubled.
  const replies = getClaim(store, A.id).replies
  expect(replies.map((r) => [r.author, r.body]).sort()).toEqual([
    ['박확인', '발표일도 확인했습니다.'],
    ['정편집', '날짜가 5월 26일인지 확인 바랍니다.'],
  ])
  expect(replies.find((r) => r.author === '정편집')!.created).toBe('2026-11-20T09:30:00.000Z')
  // The new comment: a new claim on its words, not yet rated, the comment its note, Word's author its author.
  const added = listClaims(store).find((c) => c.exact === NEW_TEXT)!
  expect(added).toMatchObject({
    verdict: 'unrated',
    status: 'open',
    note: '근거가 필요합니다.',
    author: '최독자',
    anchored: true,
  })
  expect(before.slice(added.start, added.end)).toBe(NEW_TEXT)
  expect(listClaims(store)).toHaveLength(4)
  // The resolved thread is listed for the reviewer to confirm.
  expect(w.resolvedClaims).toEqual([{ claimId: B.id, exact: B_TEXT, author: B.author, accepted: false }])
  // The tracked change: a proposed correction of the claim it lies in, by the change's author.
  const corrections = getClaim(store, C.id).corrections
  expect(corrections).toHaveLength(1)
  expect(corrections[0]).toMatchObject({
    state: 'proposed',
    original: C_TEXT,
    replacement: C_TEXT.replace('2위', '3위'),
    proposedBy: '이교열',
  })
  // The untracked change: listed with both wordings, not applied.
  expect(w.textDiffers).toEqual([{ essay: '하이닉스', document: 'SK하이닉스' }])
  // A comment on words the essay does not have: listed, never attached elsewhere.
  expect(w.notFoundComments).toEqual([
    { author: '최독자', comment: '정식 명칭', quote: 'SK하이닉스', reason: 'text-not-found' },
  ])
}

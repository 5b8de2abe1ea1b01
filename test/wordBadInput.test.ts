/**
 * Word documents that are not what they claim: each is refused (or, for one comment, skipped) with a
 * message (a code with its English and Korean text) naming the file, and a refused file leaves the review unchanged.
 */
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../src/core/exchange/files'
import { stateHash } from '../src/core/exchange/importUndo'
import { ZIP_LIMITS } from '../src/core/exchange/word/zip'
import { exportRepublication } from '../src/core/republish/index'
import type { ReviewStore } from '../src/core/review/store'
import { errorText, FactdeskError } from '../src/shared/errors'
import { noteText } from '../src/shared/exchange'
import { claimMarker } from '../src/shared/wordReview'
import { bundledEssay } from './helpers/essay'
import { claimOn, openEssay } from './helpers/republish'
import { WordDoc } from './helpers/wordEdits'
import { getClaim, listClaims } from '../src/core/claims/queries'

let store: ReviewStore
beforeEach(() => {
  store = openEssay(bundledEssay())
  claimOn(store, '현지화된 챗GPT 개발', { verdict: 'half-true' })
})
afterEach(() => store.close())

const logged = () => store.db.prepare(`SELECT COUNT(*) FROM import_log`).pluck().get()

/** Imports `bytes` as `name`, expecting a refusal that names the file in both languages and changes nothing. */
async function refused(name: string, bytes: Uint8Array, en: RegExp, ko: RegExp): Promise<void> {
  const hash = stateHash(store.db)
  const log = logged()
  const err = await importFile(store, name, bytes, '검토자').then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(FactdeskError)
  const english = (err as FactdeskError).message
  const korean = errorText('ko', err as FactdeskError)
  expect(english).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `))
  expect(english).toMatch(en)
  expect(english).toMatch(/the review is unchanged/)
  expect(korean).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `))
  expect(korean).toMatch(ko)
  expect(stateHash(store.db)).toBe(hash)
  expect(logged()).toBe(log)
}

const minimalDocx = (documentXml: string, extra: Record<string, string> = {}): Uint8Array =>
  zipSync(
    Object.fromEntries(Object.entries({ 'word/document.xml': documentXml, ...extra }).map(([k, v]) => [k, strToU8(v)])),
  )

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const body = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${inner}</w:body></w:document>`

/** Sets the uncompressed size of every entry in the central directory (and local headers) to `size`. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true)
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true)
  }
  return out
}

describe('bad Word documents', () => {
  it('a .docx that is not a ZIP archive', async () => {
    await refused('notes.docx', strToU8('{"not": "a zip"}'), /not a Word document/, /워드 문서\(\.docx\)가 아닙니다/)
  })

  it('a ZIP with too many entries (counted from the central directory)', async () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(body('')) }
    for (let i = 0; i <= ZIP_LIMITS.entries; i++) files[`x/${i}`] = new Uint8Array(0)
    await refused('many.docx', zipSync(files), /entries/, /항목이/)
  })

  it('a ZIP that would unpack to more than the limit, refused before inflating', async () => {
    const zip = zipSync({
      'word/document.xml': strToU8(body('')),
      'a.bin': new Uint8Array(10),
      'b.bin': new Uint8Array(10),
    })
    await refused(
      'bomb.docx',
      claimSize(zip, 150 * 1024 * 1024),
      /would unpack to more than 200 MB/,
      /200 MB를 넘습니다/,
    )
  })

  it('an entry that inflates past the size it declares is stopped', async () => {
    const zip = zipSync({
      'word/document.xml': strToU8(body('<w:p><w:r><w:t>' + 'ㄱ'.repeat(100_000) + '</w:t></w:r></w:p>')),
    })
    await refused('liar.docx', claimSize(zip, 1000), /unpacks to more than the archive says/, /크게 풀립니다/)
  })

  it('a document.xml of 100 MB', async () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x20)
    big.set(strToU8(`<w:document ${W}><w:body>`))
    const zip = zipSync({ 'word/document.xml': big }, { level: 1 })
    await refused('huge.docx', zip, /word\/document\.xml is 100 MB unpacked/, /100 MB입니다/)
  }, 60_000)

  it('XML with a DOCTYPE and external entities is refused, never resolved', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`
    await refused('xxe.docx', minimalDocx(xxe), /DOCTYPE/, /DOCTYPE/)
    const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:comments ${W}/>`
    await refused(
      'lol.docx',
      minimalDocx(body(''), { 'word/comments.xml': lol }),
      /word\/comments\.xml declares a DOCTYPE/,
      /엔터티/,
    )
  })

  it('XML that is not well formed', async () => {
    await refused(
      'broken.docx',
      minimalDocx(`<w:document ${W}><w:body><w:p></w:body>`),
      /not well-formed XML/,
      /올바른 XML이 아닙니다/,
    )
  })

  it('a ZIP without word/document.xml', async () => {
    await refused(
      'other.docx',
      zipSync({ 'hello.txt': strToU8('hi') }),
      /no word\/document\.xml/,
      /word\/document\.xml이 없습니다/,
    )
  })

  it('comments that point at missing ranges are skipped, named, and the rest comes in', async () => {
    const file = await exportRepublication(store, 'docx', { forReview: true })
    const doc = new WordDoc(new Uint8Array(Buffer.from(file.data, 'base64')))
    doc.comment('이로써 한국은', '최독자', '2026-11-20T09:40:00Z', '출처?')
    // A comment with no range or reference in the document at all.
    doc.parts['word/comments.xml'] = doc.parts['word/comments.xml'].replace(
      '</w:comments>',
      '<w:comment w:id="999" w:author="유령" w:date="2026-11-20T09:00:00Z" w:initials=""><w:p><w:r><w:t>어디에?</w:t></w:r></w:p></w:comment></w:comments>',
    )
    const summary = await importFile(store, 'ranges.docx', doc.bytes(), '검토자')
    expect(summary.word).toMatchObject({ claimsAdded: 1, notFound: 1 })
    expect(summary.word!.notFoundComments).toEqual([
      { author: '유령', comment: '어디에?', quote: '', reason: 'no-range' },
    ])
    expect(
      summary.notes.some(
        (n) =>
          /^ranges\.docx: a comment by 유령 points at no text/.test(noteText('en', n)) &&
          /^ranges\.docx: 유령의 메모가/.test(noteText('ko', n)),
      ),
    ).toBe(true)
  })
})

describe('documents from elsewhere', () => {
  it('a comment whose marker is gone (as Google Docs writes it) finds its claim by its words; one whose words are gone is not found', async () => {
    const B = listClaims(store)[0]
    const gone = claimOn(store, '오픈AI가 서울을 선택한 것은', { verdict: 'true' })
    const file = await exportRepublication(store, 'docx', { forReview: true })
    const doc = new WordDoc(new Uint8Array(Buffer.from(file.data, 'base64')))
    doc.resolve(claimMarker(B.id))
    doc.untrackedReplace('오픈AI가 서울을 선택한 것은', '오픈AI가 서울을 고른 것은')
    doc.parts['word/comments.xml'] = doc.parts['word/comments.xml'].replace(/w:initials="[^"]*"/g, 'w:initials=""')
    const summary = await importFile(store, 'gdocs.docx', doc.bytes(), '검토자')
    expect(summary.word!.resolvedClaims.map((r) => r.claimId)).toEqual([B.id])
    expect(summary.word).toMatchObject({ claimsAdded: 0, repliesAdded: 0, notFound: 1 })
    expect(summary.word!.notFoundComments[0]).toMatchObject({
      reason: 'marker-gone',
      quote: '오픈AI가 서울을 고른 것은',
    })
    expect(
      listClaims(store)
        .map((c) => c.id)
        .sort(),
    ).toEqual([B.id, gone.id].sort())
  })

  it('a round trip that drops the review property, the markers and the threads still doubles nothing', async () => {
    const B = listClaims(store)[0]
    const file = await exportRepublication(store, 'docx', { forReview: true })
    const doc = new WordDoc(new Uint8Array(Buffer.from(file.data, 'base64')))
    doc.reply(claimMarker(B.id), '정편집', '2026-11-20T09:30:00Z', '셋째 항목입니다.')
    delete doc.parts['docProps/custom.xml']
    doc.parts['word/comments.xml'] = doc.parts['word/comments.xml'].replace(/w:initials="[^"]*"/g, 'w:initials=""')
    doc.parts['word/commentsExtended.xml'] = doc.parts['word/commentsExtended.xml'].replace(
      / w15:paraIdParent="[^"]*"/g,
      '',
    )
    const summary = await importFile(store, 'flattened.docx', doc.bytes(), '검토자')
    expect(summary.word).toMatchObject({ ownExport: false, claimsAdded: 0, repliesAdded: 1, notFound: 0 })
    expect(listClaims(store)).toHaveLength(1)
    expect(getClaim(store, B.id).replies.map((r) => r.body)).toEqual(['셋째 항목입니다.'])
  })

  it("another review's export brings its comments as new claims where their words are in this essay", async () => {
    const other = openEssay(bundledEssay())
    claimOn(other, '오픈AI가 서울을 선택한 것은', { verdict: 'true', note: '다른 검토', author: '남검토' })
    const file = await exportRepublication(other, 'docx', { forReview: true })
    other.close()
    const summary = await importFile(store, 'other.docx', new Uint8Array(Buffer.from(file.data, 'base64')), '검토자')
    expect(summary.word).toMatchObject({ ownExport: false, claimsAdded: 1 })
    const added = listClaims(store).find((c) => c.exact === '오픈AI가 서울을 선택한 것은')!
    expect(added).toMatchObject({ author: '남검토', verdict: 'unrated' })
    expect(added.note).toContain('다른 검토')
  })
})

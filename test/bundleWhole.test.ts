import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { applyCorrection, proposeCorrection, updateCorrection } from '../src/core/document/corrections'
import { exportBundle, type ReviewBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { exportRepublication } from '../src/core/republish'
import { writeSettings } from '../src/core/republish/settings'
import { activeScale, setScale } from '../src/core/scales/scales'
import { dismissSuggestion, listSuggestions } from '../src/core/spotting/spotting'
import { ReviewSession } from '../src/core/review/session'
import { ReviewStore } from '../src/core/review/store'
import { addReply, addTag, deleteReply, setTagColor } from '../src/core/thread/thread'
import type { Block } from '../src/shared/essay'
import { noteText, type ImportSummary } from '../src/shared/exchange'
import { FactdeskError } from '../src/shared/errors'
import { POLITIFACT_SCALE, SNU_SCALE, type VerdictScale } from '../src/shared/scales'
import { editRegion, mapRange } from '../src/shared/textDiff'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, bytesOf, editEssay, blockWith, Reviewer, sourceFields } from './helpers/exchange'
import { addSource, createClaim, deleteClaim, deleteSource, updateClaim } from '../src/core/claims/commands'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

let dir: TempDir
const open: ReviewStore[] = []
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => {
  for (const s of open.splice(0)) s.close()
  dir.remove()
})
const opened = (path: string) => {
  const s = openReview(path)
  open.push(s)
  return s
}

async function cli(...argv: string[]): Promise<{ code: number; json: Record<string, unknown>; out: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { USER: 'tester' } })
  expect(err).toBe('')
  return { code, out, json: argv.includes('--json') ? (JSON.parse(out) as Record<string, unknown>) : {} }
}

/** Applies a correction the way the editor does: the blocks with the new words, every claim's range moved. */
function applyInEssay(store: ReviewStore, correctionId: string, from: string, to: string, actor: string): void {
  const before = readDocument(store).text
  const blocks: Block[] = readDocument(store).blocks.map((b) =>
    b.inlines.some((r) => r.text.includes(from))
      ? { ...b, inlines: b.inlines.map((r) => ({ ...r, text: r.text.replace(from, to) })) }
      : b,
  )
  const after = blocks.map((b) => b.inlines.map((r) => r.text).join('')).join('\n')
  const edit = editRegion(before, after)
  const ranges = listClaims(store).flatMap((c) => {
    const r = c.exact === from ? { start: c.start, end: c.start + [...to].length } : mapRange(c, edit)
    return r ? [{ id: c.id, ...r }] : []
  })
  applyCorrection(store, correctionId, blocks, ranges, actor)
}

/** A custom scale: three levels on the scale and one off it. */
const HOUSE_SCALE: VerdictScale = {
  id: 'house',
  name: { ko: '우리 척도', en: 'House scale' },
  levels: [
    { id: 'right', ko: '맞음', en: 'Right', color: '#1b7f3b', position: 1 },
    { id: 'partly', ko: '일부 맞음', en: 'Partly right', color: '#c28a00', position: 2 },
    { id: 'wrong', ko: '틀림', en: 'Wrong', color: '#b3261e', position: 3 },
    { id: 'cannot-tell', ko: '판단 불가', en: 'Cannot tell', color: '#666666', position: null },
  ],
}

/**
 * A review that uses everything a review holds: a custom scale with every level in use, every status,
 * notes, sources (one removed), an applied and a proposed correction, replies (one removed), tags and a
 * tag colour, history, republication settings, a dismissed suggestion, an unanchored and a deleted claim.
 */
async function everyFeature(path: string): Promise<ReviewStore> {
  const s = openReview(path, bundledEssay())
  open.push(s)
  setScale(s, HOUSE_SCALE, '김기자')
  const hynix = createClaim(s, anchorOf(s, '하이닉스'), '김기자')
  updateClaim(s, hynix.id, { verdict: 'partly', status: 'checked', note: '회사 이름은 SK하이닉스' }, '김기자')
  const fix = proposeCorrection(s, hynix.id, 'SK하이닉스', '회사 이름을 바로잡았습니다.', '박편집')
  applyInEssay(s, fix.id, '하이닉스', 'SK하이닉스', '최데스크')
  const rank = createClaim(s, anchorOf(s, '챗GPT 유료 가입자 수 2위'), '김기자')
  updateClaim(s, rank.id, { verdict: 'right', status: 'in-review', note: '통계 확인 😀 <b>굵게</b>' }, '김기자')
  proposeCorrection(s, rank.id, '챗GPT 유료 가입자 수 상위권', '순위 근거를 더 찾는 중', '박편집')
  addSource(s, rank.id, sourceFields('https://openai.com/ko'), '김기자')
  deleteSource(s, addSource(s, rank.id, sourceFields('https://example.org/old', '옛 출처'), '김기자').id, '김기자')
  addReply(s, rank.id, '출처를 하나 더 찾아 주세요.', '박편집')
  deleteReply(s, addReply(s, rank.id, '지울 답글', '김기자').id, '김기자')
  addTag(s, rank.id, '통계', '김기자')
  addTag(s, hynix.id, '기업', '박편집')
  setTagColor(s, '통계', '#3366cc')
  const wrong = createClaim(s, anchorOf(s, '2025년 5월'), '이팩트')
  updateClaim(s, wrong.id, { verdict: 'wrong' }, '이팩트')
  const undecided = createClaim(s, anchorOf(s, '오픈AI가 서울을 선택한 것'), '이팩트')
  updateClaim(s, undecided.id, { verdict: 'cannot-tell', status: 'checked' }, '이팩트')
  deleteClaim(s, createClaim(s, anchorOf(s, '오픈AI가 한국에 지사를'), '김기자').id, '김기자')
  writeSettings(s, {
    organisationName: 'SNU팩트체크',
    organisationUrl: 'https://factcheck.snu.ac.kr',
    factcheckUrl: 'https://factcheck.example.kr/seoul-openai',
  })
  dismissSuggestion(s, listSuggestions(s)[0].key, '김기자')

  // An unanchored claim: made on another copy of the essay and imported.
  const ONLY = '이 문장은 다른 판본에만 있는 문장이다.'
  const other = new Reviewer(
    '박검증',
    editEssay(bundledEssay(), (blocks) =>
      blocks[blockWith(blocks, '오픈AI가 서울을 선택한 것')].inlines.push({ text: ' ' + ONLY }),
    ),
  )
  setScale(other.store, HOUSE_SCALE, '박검증')
  createClaim(other.store, anchorOf(other.store, ONLY), '박검증')
  const summary = await importFile(s, '박검증.factdesk.json', other.file(), '김기자')
  other.close()
  expect(summary.unanchored.map((u) => u.exact)).toEqual([ONLY])
  return s
}

/** Only what an import adds to a review may differ: its log rows (the 'merged' history entries naming the file), the new review's document id, the export's time. */
function normalised(b: ReviewBundle, importedFile: string): ReviewBundle {
  return {
    ...b,
    exported: '',
    document: { ...b.document, id: '' },
    events: b.events.filter((e) => !(e.kind === 'merged' && e.detail.file === importedFile)),
  }
}

describe('a new review made from a file takes its essay', () => {
  it('a corrected review’s bundle imported into a new review puts every claim on the same words and offsets', async () => {
    const source = openReview(dir.file('src.factdesk'), bundledEssay())
    open.push(source)
    const hynix = createClaim(source, anchorOf(source, '하이닉스'), '김기자')
    const later = createClaim(source, anchorOf(source, '오픈AI가 서울을 선택한 것'), '김기자')
    const fix = proposeCorrection(source, hynix.id, 'SK하이닉스', '회사 이름', '박편집')
    applyInEssay(source, fix.id, '하이닉스', 'SK하이닉스', '박편집')
    expect(getClaim(source, hynix.id).exact).toBe('SK하이닉스')
    const where = (s: ReviewStore) => listClaims(s).map((c) => [c.id, c.exact, c.start, c.end, c.anchored])
    writeFileSync(dir.file('b.factdesk.json'), bytesOf(exportBundle(source, '김기자')))

    for (const [command, target] of [
      ['import', '--review'],
      ['merge', '--out'],
    ] as const) {
      const path = dir.file(`${command}.factdesk`)
      const r = await cli(command, dir.file('b.factdesk.json'), target, path, '--json')
      expect(r.code).toBe(0)
      expect(r.json.created).toBe(true)
      const [summary] = r.json.imported as ImportSummary[]
      expect(summary).toMatchObject({ added: 2, documentDiffers: false, unanchored: [] })
      const made = opened(path)
      expect(readDocument(made).text).toBe(readDocument(source).text)
      expect(readDocument(made).title).toBe(readDocument(source).title)
      expect(where(made)).toEqual(where(source))
      expect(getClaim(made, later.id).exact).toBe('오픈AI가 서울을 선택한 것')
      expect(getClaim(made, hynix.id).corrections).toMatchObject([
        { state: 'applied', original: '하이닉스', replacement: 'SK하이닉스' },
      ])
    }
  })

  it('a review file imported into a new review brings its essay too; W3C annotations still start from the bundled essay', async () => {
    const source = await everyFeature(dir.file('src.factdesk'))
    source.close()
    open.splice(open.indexOf(source), 1)
    const r = await cli('import', dir.file('src.factdesk'), '--review', dir.file('copy.factdesk'))
    expect(r.code).toBe(0)
    expect(r.out).toMatch(
      /corrections: 2 added or changed; republication settings: 3 taken; dismissed suggestions: 1 added/,
    )
    expect(r.out).toMatch(/note: This review now rates on the file's verdict scale, “House scale”/)
    const copy = opened(dir.file('copy.factdesk'))
    const original = opened(dir.file('src.factdesk'))
    expect(readDocument(copy).text).toBe(readDocument(original).text)
    expect(readDocument(copy).text).toContain('SK하이닉스')
    // The review file carries the whole review the same way a bundle does.
    expect(normalised(exportBundle(copy, 'x'), 'src.factdesk')).toEqual(
      normalised(exportBundle(original, 'x'), 'src.factdesk'),
    )
    const w3c = await cli(
      'export',
      '--review',
      dir.file('src.factdesk'),
      '--format',
      'w3c',
      '--out',
      dir.file('a.jsonld'),
    )
    expect(w3c.code).toBe(0)
    expect((await cli('import', dir.file('a.jsonld'), '--review', dir.file('w3c.factdesk'))).code).toBe(0)
    expect(readDocument(opened(dir.file('w3c.factdesk'))).text).toBe(
      readDocument(openReview(':memory:', bundledEssay())).text,
    )
  })
})

describe('File > New review from a review file or bundle', () => {
  it('takes the file’s essay and scale, not the reviewer’s default; refuses W3C before changing anything', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const bundle = bytesOf(exportBundle(review, '김기자'))
    const session = new ReviewSession(openReview(dir.file('current.factdesk'), bundledEssay()), () => POLITIFACT_SCALE)
    try {
      const w3c = Buffer.from(
        JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: 'x' }),
      )
      const refused = await session
        .createFromFile(dir.file('n.factdesk'), 'a.jsonld', w3c, '이팩트')
        .catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(FactdeskError)
      expect((refused as FactdeskError).message).toMatch(/a\.jsonld: .*W3C annotations carry no essay/)
      expect(session.store.path).toBe(dir.file('current.factdesk'))

      const summary = await session.createFromFile(dir.file('new.factdesk'), 'a.factdesk.json', bundle, '이팩트')
      expect(session.store.path).toBe(dir.file('new.factdesk'))
      expect(summary).toMatchObject({
        documentDiffers: false,
        unanchored: [listClaims(review).find((c) => !c.anchored)].map((c) => ({ id: c!.id, exact: c!.exact })),
      })
      expect(readDocument(session.store).text).toBe(readDocument(review).text)
      expect(activeScale(session.store)).toEqual(HOUSE_SCALE)
      const where = (s: ReviewStore) => listClaims(s).map((c) => [c.id, c.exact, c.start, c.end, c.verdict])
      expect(where(session.store)).toEqual(where(review))
    } finally {
      session.close()
    }
  })
})

describe('a bundle carries the whole review', () => {
  it('review -> bundle -> new review -> bundle gives the same content, every feature in use', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const first = exportBundle(review, '김기자')
    expect(first.version).toBe(3)
    expect(first.corrections.map((c) => c.state).sort()).toEqual(['applied', 'proposed'])
    expect(first.verdictScale).toEqual(HOUSE_SCALE)
    expect(first.republish).toMatchObject({ factcheckUrl: 'https://factcheck.example.kr/seoul-openai' })
    expect(first.dismissedSuggestions).toHaveLength(1)
    const verdicts = new Set(first.claims.filter((c) => !c.deleted).map((c) => c.verdict))
    expect([...verdicts].sort()).toEqual(['cannot-tell', 'partly', 'right', 'unrated', 'wrong'])
    expect(new Set(first.claims.map((c) => c.status))).toEqual(new Set(['open', 'in-review', 'checked']))
    expect(first.claims.some((c) => c.deleted) && first.claims.some((c) => !c.anchored)).toBe(true)
    expect(first.replies.some((r) => r.deleted) && first.sources.some((s) => s.deleted)).toBe(true)
    expect(first.tagStyles).toContainEqual({ name: '통계', color: '#3366cc' })
    // The published JSON Schema accepts every part of it.
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormats(ajv)
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(ROOT, 'docs/review-bundle.schema.json'), 'utf8')) as object,
    )
    expect(validate(JSON.parse(JSON.stringify(first))), ajv.errorsText(validate.errors)).toBe(true)

    writeFileSync(dir.file('a.factdesk.json'), bytesOf(first))
    const r = await cli(
      'import',
      dir.file('a.factdesk.json'),
      '--review',
      dir.file('b.factdesk'),
      '--as',
      '김기자',
      '--json',
    )
    expect(r.code).toBe(0)
    const copy = opened(dir.file('b.factdesk'))
    const second = exportBundle(copy, '김기자')
    expect(normalised(second, 'a.factdesk.json')).toEqual(normalised(first, 'a.factdesk.json'))
    expect(activeScale(copy)).toEqual(HOUSE_SCALE)
    expect(listSuggestions(copy)).toEqual(listSuggestions(review))
  })

  it('a version 1 bundle (without the new parts) still imports', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const {
      corrections: _c,
      republish: _r,
      verdictScale: _v,
      dismissedSuggestions: _d,
      ...rest
    } = exportBundle(review, '김기자')
    const v1 = { ...rest, version: 1, document: { ...rest.document, sourceUrl: undefined, language: undefined } }
    const fresh = openReview(':memory:', { blocks: readDocument(review).blocks, meta: {} })
    open.push(fresh)
    setScale(fresh, HOUSE_SCALE, 'x')
    const summary = await importFile(fresh, 'old.factdesk.json', bytesOf(v1), '이팩트')
    expect(summary).toMatchObject({ added: 5, conflicts: 0, correctionsChanged: 0 })
  })

  it('bundle -> merge into a fresh review of the same essay keeps the corrections section and ClaimReview works', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const bundle = exportBundle(review, '김기자')
    // A fresh review of the same (corrected) essay, made with the reviewer's default scale.
    const fresh = openReview(
      dir.file('fresh.factdesk'),
      { blocks: readDocument(review).blocks, meta: {} },
      { scale: SNU_SCALE },
    )
    open.push(fresh)
    const summary = await importFile(fresh, 'a.factdesk.json', bytesOf(bundle), '이팩트')
    expect(summary).toMatchObject({
      conflicts: 0,
      correctionsChanged: 2,
      settingsTaken: 3,
      dismissedAdded: 1,
      documentDiffers: false,
    })
    expect(activeScale(fresh)).toEqual(HOUSE_SCALE)
    for (const format of ['markdown', 'html'] as const) {
      const file = await exportRepublication(fresh, format)
      expect(file.data).toMatch(/정정|Corrections/)
      expect(file.data).toContain('SK하이닉스')
      expect(file.data).toBe((await exportRepublication(review, format)).data)
    }
    const claimReview = await exportRepublication(fresh, 'claimreview')
    expect(claimReview.data).toContain('https://factcheck.example.kr/seoul-openai')
  })

  it('says when a correction applied in the file is not applied in this copy of the essay', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const uncorrected = openReview(':memory:', bundledEssay())
    open.push(uncorrected)
    const summary = await importFile(uncorrected, 'a.factdesk.json', bytesOf(exportBundle(review, '김기자')), '이팩트')
    expect(summary.documentDiffers).toBe(true)
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toMatch(
      /1 correction was applied in the file but this essay does not read the corrected words \(“SK하이닉스”\)/,
    )
    // On the same essay there is nothing to say.
    const same = openReview(':memory:', { blocks: readDocument(review).blocks, meta: {} })
    open.push(same)
    const quiet = await importFile(same, 'a.factdesk.json', bytesOf(exportBundle(review, '김기자')), '이팩트')
    expect(quiet.notes.map((n) => noteText('en', n)).join(' ')).not.toMatch(/corrected words/)
  })

  it('a correction changed on both sides: the applied one stays, the same in both files', async () => {
    const A = new Reviewer('김기자', bundledEssay(), dir.file('a.factdesk'))
    const B = new Reviewer('이팩트', bundledEssay(), dir.file('b.factdesk'))
    try {
      const claim = createClaim(A.store, anchorOf(A.store, '하이닉스'), A.name)
      const fix = proposeCorrection(A.store, claim.id, 'SK하이닉스', '회사 이름', A.name)
      await B.receive(A)
      applyInEssay(A.store, fix.id, '하이닉스', 'SK하이닉스', A.name)
      await new Promise((r) => setTimeout(r, 5))
      updateCorrection(B.store, fix.id, 'SK하이닉스', '회사 이름을 바로잡음 (나중에 고침)')
      const row = (r: Reviewer) =>
        r.store.db.prepare(`SELECT state, explanation, version FROM correction WHERE id = ?`).get(fix.id)
      expect((await A.receive(B)).correctionsChanged).toBe(0)
      expect(row(A)).toMatchObject({ state: 'applied', explanation: '회사 이름' })
      const back = await B.receive(A)
      expect(back.correctionsChanged).toBe(1)
      expect(row(B)).toEqual(row(A))
      // B's copy of the essay still reads the old words: the summary says so.
      expect(back.notes.map((n) => noteText('en', n)).join(' ')).toMatch(/does not read the corrected words/)
    } finally {
      A.close()
      B.close()
    }
  })

  it('an import keeps the receiving review’s settings and, once it has rated claims, its scale', async () => {
    const review = await everyFeature(dir.file('a.factdesk'))
    const mine = openReview(':memory:', { blocks: readDocument(review).blocks, meta: {} })
    open.push(mine)
    writeSettings(mine, { organisationName: '우리 데스크' })
    updateClaim(mine, createClaim(mine, anchorOf(mine, '2025년 5월'), '나').id, { verdict: 'true' }, '나')
    const summary = await importFile(mine, 'a.factdesk.json', bytesOf(exportBundle(review, '김기자')), '나')
    expect(activeScale(mine).id).toBe('snu')
    expect(summary.notes.map((n) => noteText('en', n)).join(' ')).toMatch(/House scale.*keeps its own/)
    expect(summary.settingsTaken).toBe(2)
    expect(writeSettings(mine, {}).organisationName).toBe('우리 데스크')
    expect(listClaims(mine).filter((c) => c.note.includes('Original verdict')).length).toBeGreaterThan(0)
  })
})

/** Helpers for the exchange tests: simulated reviewers, file bytes, and table dumps to compare. */
import { afterEach, expect } from 'vitest'
import { exportBundle, type ReviewBundle } from '../../src/core/exchange/bundle'
import { importFile } from '../../src/core/exchange/files'
import { contentTables } from '../../src/core/exchange/importUndo'
import type { ParsedEssay } from '../../src/core/document/essayFormat'
import { ReviewStore } from '../../src/core/review/store'
import type { Block } from '../../src/shared/essay'
import type { SourceFields } from '../../src/shared/domain'
import { FactdeskError } from '../../src/shared/errors'
import type { ImportSummary } from '../../src/shared/exchange'
import { codePointLength, describeRange, type Anchor } from '../../src/shared/text'
import { bundledEssay } from './essay'
import { addSource, createClaim, deleteClaim, deleteSource, updateClaim } from '../../src/core/claims/commands'
import { getClaim } from '../../src/core/claims/queries'
import { openReview } from '../../src/core/review/open'
import { readDocument } from '../../src/core/document/queries'

export const bytesOf = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))

/** Another reviewer's bundle of `claims` rated claims with notes on the bundled essay, as file bytes. */
export function ratedClaimsBundle(claims: number): Buffer {
  const other = openReview(':memory:', bundledEssay())
  const text = readDocument(other).text
  for (let i = 0; i < claims; i++) {
    const c = createClaim(other, anchorOf(other, text.slice(100 + i * 7, 112 + i * 7)), '박검증')
    updateClaim(other, c.id, { verdict: 'true', note: `메모 ${i}` }, '박검증')
  }
  const bytes = bytesOf(exportBundle(other, '박검증'))
  other.close()
  return bytes
}

export function sourceFields(url: string, title = '보도자료'): SourceFields {
  return {
    url,
    title,
    publisher: '오픈AI',
    published: '2025-05-26',
    accessed: '2025-06-01',
    excerpt: '서울 지사',
    archiveUrl: '',
  }
}

/** The range of the `nth` (0-based) occurrence of `needle` in the store's text, in code points. */
export function anchorIn(text: string, needle: string, nth = 0): Anchor {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`)
  }
  const start = codePointLength(text.slice(0, at))
  return describeRange(text, start, start + codePointLength(needle))
}

export const anchorOf = (store: ReviewStore, needle: string, nth = 0): Anchor =>
  anchorIn(readDocument(store).text, needle, nth)

/** Every row of `tables`, sorted, so two stores (or one store at two times) can be compared. */
export function dump(
  store: ReviewStore,
  tables: readonly string[] = ['document', 'claim', 'source', 'version_seen', 'conflict', 'import_log', 'meta'],
  omit: Record<string, readonly string[]> = {},
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const t of tables) {
    const rows = store.db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]
    out[t] = rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(omit[t] ?? []).includes(k))))
      .map((r) => JSON.stringify(r))
      .sort()
      .map((s) => JSON.parse(s) as unknown)
  }
  return out
}

/** The claim content tables that a merge writes (not the import log). */
export const CONTENT_TABLES = ['claim', 'source', 'version_seen', 'conflict'] as const

/** Claim and source state that two reviewers' files share (document ids differ between files). */
export function sharedState(store: ReviewStore): Record<string, unknown[]> {
  return dump(store, ['claim', 'source', 'version_seen'], { claim: ['document_id'] })
}

/** One reviewer with their own review file of `essay`. */
export class Reviewer {
  readonly store: ReviewStore
  constructor(
    readonly name: string,
    essay: ParsedEssay,
    path = ':memory:',
  ) {
    this.store = openReview(path, essay)
  }
  bundle(): ReviewBundle {
    return exportBundle(this.store, this.name)
  }
  file(): Buffer {
    return bytesOf(this.bundle())
  }
  /** Imports `from`'s current bundle (or the given file bytes). */
  receive(from: Reviewer | Buffer, fileName?: string): Promise<ImportSummary> {
    const data = from instanceof Reviewer ? from.file() : from
    const name = fileName ?? (from instanceof Reviewer ? `${from.name}.factdesk.json` : 'file.factdesk.json')
    return importFile(this.store, name, data, this.name)
  }
  claim(id: string) {
    return getClaim(this.store, id)
  }
  row(id: string): Record<string, unknown> {
    return this.store.db.prepare(`SELECT * FROM claim WHERE id = ?`).get(id) as Record<string, unknown>
  }
  close(): void {
    this.store.close()
  }
}

/** Expects `run` to be refused as a file (an import-… or review-file-… code, or `code`) and returns its English message. */
export async function refused(run: () => Promise<unknown>, code?: string): Promise<string> {
  let error: unknown
  try {
    await run()
  } catch (err) {
    error = err
  }
  expect(error, 'the import should have been refused').toBeInstanceOf(FactdeskError)
  if (code) expect((error as FactdeskError).code).toBe(code)
  else expect((error as FactdeskError).code).toMatch(/^(import-|review-file-|not-a-review-file|database-not-review)/)
  return (error as FactdeskError).message
}

/** The refusal `run` throws synchronously (it must throw a FactdeskError). */
export function refusal(run: () => unknown): FactdeskError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(FactdeskError)
    return err as FactdeskError
  }
  throw new Error('expected a refusal')
}

/** Every content table's rows: what "exactly as before the import" means (not the import log or undo rows). */
export const contentDump = (store: ReviewStore): Record<string, unknown[]> =>
  dump(
    store,
    contentTables(store.db).map((t) => t.name),
  )

/** A copy of `essay` whose blocks `edit` may change. */
export function editEssay(essay: ParsedEssay, edit: (blocks: Block[]) => void): ParsedEssay {
  const copy = structuredClone(essay)
  edit(copy.blocks)
  return copy
}

/** Index of the first block whose text contains `needle`. */
export function blockWith(blocks: Block[], needle: string): number {
  const i = blocks.findIndex((b) =>
    b.inlines
      .map((r) => r.text)
      .join('')
      .includes(needle),
  )
  if (i < 0) throw new Error(`no block contains "${needle}"`)
  return i
}

export const ONLY_IN_OTHER_COPY = '이 문장은 다른 판본에만 있는 문장이다.'

/** The two claims most exchange tests start from, marked by `r`: the subscriber ranking and the date. */
export function markTwoClaims(r: Reviewer): [x: string, y: string] {
  return [
    createClaim(r.store, anchorOf(r.store, '챗GPT 유료 가입자 수 2위'), r.name).id,
    createClaim(r.store, anchorOf(r.store, '2025년 5월'), r.name).id,
  ]
}

/**
 * A review with everything a bundle carries: edited claims, a tombstone, a claim by another reviewer,
 * live and deleted sources, notes with markup and astral characters, and an unanchored claim (made on
 * another copy of the essay and imported).
 */
export async function richReview(name = '김기자', path = ':memory:'): Promise<Reviewer> {
  const essay = bundledEssay()
  const r = new Reviewer(name, essay, path)
  const s = r.store
  const a = createClaim(s, anchorOf(s, '챗GPT 유료 가입자 수 2위'), name)
  updateClaim(s, a.id, { verdict: 'mostly-true', status: 'checked', note: '통계 확인 😀 <b>굵게</b>' }, name)
  addSource(s, a.id, sourceFields('https://openai.com/ko'), name)
  const gone = addSource(s, a.id, sourceFields('https://example.org/old', '옛 출처'), name)
  deleteSource(s, gone.id, name)
  deleteClaim(s, createClaim(s, anchorOf(s, '2025년 5월'), name).id, name)
  const c = createClaim(s, anchorOf(s, '삼성전자, 하이닉스 등 글로벌 반도체 강자'), '이팩트')
  updateClaim(s, c.id, { verdict: 'true' }, '이팩트')
  const other = new Reviewer(
    '박검증',
    editEssay(essay, (blocks) => {
      const i = blockWith(blocks, '오픈AI가 서울을 선택한 것')
      blocks[i].inlines.push({ text: ' ' + ONLY_IN_OTHER_COPY })
    }),
  )
  createClaim(other.store, anchorOf(other.store, ONLY_IN_OTHER_COPY), other.name)
  const summary = await r.receive(other)
  other.close()
  expect(summary.unanchored.map((u) => u.exact)).toEqual([ONLY_IN_OTHER_COPY])
  return r
}

/** Reviews of the bundled essay in memory, each closed after its test: `const fresh = freshReviews()`. */
export function freshReviews(): () => ReviewStore {
  let stores: ReviewStore[] = []
  afterEach(() => {
    for (const s of stores) s.close()
    stores = []
  })
  return () => {
    const s = openReview(':memory:', bundledEssay())
    stores.push(s)
    return s
  }
}

import Database from 'better-sqlite3'
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBundle, validateBundle, type ReviewBundle } from '../src/core/exchange/bundle'
import { exportReview, importFile } from '../src/core/exchange/files'
import { FactdeskError } from '../src/shared/errors'
import { cpSlice } from '../src/shared/text'
import { bundledEssay, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump, Reviewer, richReview } from './helpers/exchange'
import { listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'
import { createClaim, updateClaim } from '../src/core/claims/commands'

/**
 * Malformed bundles, made by mutating a valid exported one, imported into a review that has claims of
 * its own: each is refused with a FactdeskError and leaves the review as it was, or is accepted and
 * leaves the review consistent. Nothing else (no TypeError, no SqliteError, no crash) may come out.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]
type ObjectOp = (b: Json) => void
type Mutation =
  | { kind: 'json'; ops: ObjectOp[]; inject?: { at: number; key: string }; cut?: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'flip'; flips: [number, number][] }

let base: ReviewBundle
let baseText: string
let paths: { all: Path[]; numbers: Path[]; strings: Path[]; arrays: Path[] }
let target: Reviewer

function enumerate(
  value: Json,
  path: Path = [],
  out = { all: [] as Path[], numbers: [] as Path[], strings: [] as Path[], arrays: [] as Path[] },
) {
  if (path.length > 0) out.all.push(path)
  if (typeof value === 'number') out.numbers.push(path)
  else if (typeof value === 'string') out.strings.push(path)
  else if (Array.isArray(value)) {
    out.arrays.push(path)
    value.forEach((v, i) => enumerate(v, [...path, i], out))
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) enumerate(v, [...path, k], out)
  return out
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | null {
  let node: Json = root
  for (const k of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null
    node = (node as Record<string, Json>)[k]
  }
  return node !== null && typeof node === 'object' ? { parent: node, key: path[path.length - 1] } : null
}

const set =
  (path: Path, value: Json): ObjectOp =>
  (root) => {
    const at = parentOf(root, path)
    if (at) (at.parent as Record<string, Json>)[at.key] = structuredClone(value)
  }
const remove =
  (path: Path): ObjectOp =>
  (root) => {
    const at = parentOf(root, path)
    if (!at) return
    if (Array.isArray(at.parent) && typeof at.key === 'number') at.parent.splice(at.key, 1)
    else delete (at.parent as Record<string, Json>)[at.key]
  }
const duplicate =
  (path: Path, index: number): ObjectOp =>
  (root) => {
    const at = parentOf(root, [...path, 0])
    if (at && Array.isArray(at.parent) && at.parent.length > 0)
      at.parent.push(structuredClone(at.parent[index % at.parent.length]))
  }

const weirdNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-1, 0, 1, 0.5, -0, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
)
const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'http://',
    'https://example.org',
    '2025-13-45',
    '2025-06-01T00:00:00',
    'sha256:00',
    'x'.repeat(70_000),
  ),
)

function objectOp(): fc.Arbitrary<ObjectOp> {
  // The document's blocks hold most paths; claims and sources are where the merge looks, so favour them.
  const favoured = (list: Path[]) => {
    const entities = list.filter((p) => p[0] === 'claims' || p[0] === 'sources' || p.length === 1)
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...entities) },
      { weight: 1, arbitrary: fc.constantFrom(...list) },
    )
  }
  const anyPath = favoured(paths.all)
  return fc.oneof(
    anyPath.map(remove),
    fc.tuple(anyPath, fc.jsonValue({ maxDepth: 3 })).map(([p, v]) => set(p, v as Json)),
    fc.tuple(favoured(paths.numbers), weirdNumber).map(([p, v]) => set(p, v)),
    fc.tuple(favoured(paths.strings), weirdString).map(([p, v]) => set(p, v)),
    fc.tuple(fc.constantFrom(...paths.arrays), fc.nat()).map(([p, i]) => duplicate(p, i)),
    // Duplicated ids: a copy of a claim or source, as is or with other content.
    fc
      .tuple(fc.constantFrom('claims', 'sources'), fc.nat(), fc.constantFrom('note', 'title', 'version'))
      .map(([list, i, key]) => (root: Json) => {
        duplicate([list], i)(root)
        const items = (root as Record<string, Json>)[list]
        const copy = Array.isArray(items) ? items[items.length - 1] : null
        if (copy && typeof copy === 'object' && key in copy)
          (copy as Record<string, Json>)[key] = `${String((copy as Record<string, Json>)[key])}-copy`
      }),
    // Offsets: swapped, negative, beyond the text, or pointing at other text.
    fc
      .tuple(fc.nat({ max: base.claims.length - 1 }), weirdNumber, weirdNumber)
      .map(([i, start, end]) => (root: Json) => {
        set(['claims', i, 'start'], start)(root)
        set(['claims', i, 'end'], end)(root)
      }),
  )
}

function mutation(): fc.Arbitrary<Mutation> {
  const length = baseText.length
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(objectOp(), { minLength: 1, maxLength: 3 }).map((ops) => ({ kind: 'json' as const, ops })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: length }), fc.constantFrom('__proto__', 'constructor', 'prototype'))
        .map(([at, key]) => ({ kind: 'json' as const, ops: [], inject: { at, key } })),
    },
    { weight: 1, arbitrary: fc.nat({ max: length - 1 }).map((cut) => ({ kind: 'json' as const, ops: [], cut })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
        .map((flips) => ({ kind: 'flip' as const, flips })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 3000 })).map(([sqlite, tail]) => ({
        kind: 'bytes' as const,
        bytes: sqlite ? Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), tail]) : tail,
      })),
    },
  )
}

function render(m: Mutation): Uint8Array {
  if (m.kind === 'bytes') return m.bytes
  if (m.kind === 'flip') {
    const bytes = Buffer.from(baseText)
    for (const [at, value] of m.flips) bytes[at % bytes.length] = value
    return bytes
  }
  const value = structuredClone(base) as unknown as Json
  for (const op of m.ops) op(value)
  let text = JSON.stringify(value)
  if (m.inject) {
    // After an opening brace of an object: `{"key": ..., ` keeps the JSON well-formed.
    const at = text.indexOf('{', m.inject.at % text.length)
    const i = at < 0 ? 0 : at
    text = `${text.slice(0, i + 1)}"${m.inject.key}":{"polluted":true},${text.slice(i + 1)}`
  }
  if (m.cut !== undefined) text = text.slice(0, m.cut)
  return Buffer.from(text)
}

function freshTarget(): Reviewer {
  const r = new Reviewer('이팩트', bundledEssay())
  const c = createClaim(r.store, anchorOf(r.store, '챗GPT 유료 가입자 수 2위'), r.name)
  updateClaim(r.store, c.id, { note: '이팩트의 메모' }, r.name)
  createClaim(r.store, anchorOf(r.store, '풀스택 AI 생태계'), r.name)
  return r
}

/** Imports `bytes`; returns whether it was refused, after checking what each outcome must leave. */
async function importChecked(name: string, bytes: Uint8Array): Promise<boolean> {
  const before = dump(target.store)
  try {
    await importFile(target.store, name, bytes, target.name)
  } catch (err) {
    if (!(err instanceof FactdeskError)) throw err
    // A refusal of the file (import-…, review-file-…), naming it in its parameters and its message.
    expect(err.code).toMatch(/^(import-|review-file-|not-a-review-file|database-not-review)/)
    expect(err.params.file).toBe(name)
    expect(err.message).toContain(name)
    expect(dump(target.store)).toEqual(before)
    return true
  }
  // Accepted: the review must still be consistent (it exports a bundle that passes every import check:
  // quotes match, URLs are http(s), values are in range). Then start again from a clean review.
  expect(() => validateBundle('re-export', exportBundle(target.store, target.name))).not.toThrow()
  const text = readDocument(target.store).text
  for (const c of listClaims(target.store).filter((c) => c.anchored))
    expect(cpSlice(text, c.start, c.end)).toBe(c.exact)
  expect(target.store.db.pragma('foreign_key_check')).toEqual([])
  target.close()
  target = freshTarget()
  return false
}

/** Columns a tool could change in a review file (values the column's type refuses are skipped). */
const TAMPER: [string, string][] = [
  ...[
    'exact',
    'prefix',
    'start',
    'end',
    'verdict',
    'status',
    'note',
    'author',
    'created',
    'revision',
    'version',
    'anchored',
  ].map((c): [string, string] => ['claim', c]),
  ...['url', 'archive_url', 'published', 'modified', 'claim_id', 'version'].map((c): [string, string] => ['source', c]),
  ...['text', 'blocks_json', 'content_hash'].map((c): [string, string] => ['document', c]),
]

let dir: TempDir
let goodReviewFile: Buffer

beforeAll(async () => {
  dir = tempDir()
  const source = await richReview()
  base = exportBundle(source.store, source.name)
  goodReviewFile = Buffer.from((await exportReview(source.store, 'sqlite', source.name)).data, 'base64')
  source.close()
  baseText = JSON.stringify(base)
  paths = enumerate(base as unknown as Json)
  target = freshTarget()
})
afterAll(() => {
  target.close()
  dir.remove()
})

describe('importing malformed files', () => {
  it(`refuses or safely merges ${RUNS} mutations of a valid bundle, and never throws anything else`, async () => {
    let refused = 0
    await fc.assert(
      fc.asyncProperty(mutation(), async (m) => {
        if (await importChecked('fuzz.factdesk.json', render(m))) refused++
      }),
      { numRuns: RUNS },
    )
    expect(refused).toBeGreaterThan(RUNS * 0.6)
  }, 60_000)

  it("refuses or safely merges review files changed behind Factdesk's back", async () => {
    const change = fc.tuple(fc.constantFrom(...TAMPER), fc.oneof(weirdString, weirdNumber), fc.nat({ max: 5 }))
    let refused = 0
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const path = dir.file('tampered.factdesk')
        writeFileSync(path, goodReviewFile)
        const db = new Database(path)
        for (const [[table, column], value, row] of changes) {
          try {
            db.prepare(
              `UPDATE ${table} SET ${column} = ? WHERE rowid = (SELECT rowid FROM ${table} ORDER BY rowid LIMIT 1 OFFSET ?)`,
            ).run(value, row)
          } catch {
            // The column's type or a constraint refuses the value: SQLite would not store it either.
          }
        }
        db.close()
        if (await importChecked('tampered.factdesk', readFileSync(path))) refused++
      }),
      { numRuns: Math.max(50, Math.round(RUNS / 8)) },
    )
    expect(refused).toBeGreaterThan(0)
  }, 60_000)

  it('accepts the unmutated files (so the mutations are what is refused)', async () => {
    expect(await importFile(target.store, 'ok.factdesk.json', Buffer.from(baseText), target.name)).toMatchObject({
      added: 3,
      unchanged: 1,
      conflicts: 0,
    })
    expect(await importChecked('ok.factdesk', goodReviewFile)).toBe(false)
  })
})

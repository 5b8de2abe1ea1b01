import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bundleSchema, exportBundle, type ReviewBundle } from '../src/core/exchange/bundle'
import { exportReview, importFile } from '../src/core/exchange/files'
import { ReviewStore } from '../src/core/review/store'
import { bundledEssay, ROOT, tempDir, type TempDir } from './helpers/essay'
import { badBundles, badReviewFiles, type BadFile } from './helpers/badFiles'
import { bytesOf, dump, richReview, type Reviewer } from './helpers/exchange'
import { FactdeskError } from '../src/shared/errors'
import { readDocument } from '../src/core/document/queries'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'

type Json = Record<string, unknown>
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/review-bundle.schema.json'), 'utf8')) as Json
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const validate = ajv.compile(schema)

let dir: TempDir
let review: Reviewer
const stores: ReviewStore[] = []
const fresh = (name: string) => {
  const s = openReview(dir.file(name), bundledEssay())
  stores.push(s)
  return s
}

beforeEach(async () => {
  dir = tempDir()
  review = await richReview('김기자', dir.file('a.factdesk'))
})
afterEach(() => {
  review.close()
  for (const s of stores.splice(0)) s.close()
  dir.remove()
})

/** What must survive a trip: every claim and source with tombstones, versions and histories. */
function comparable(b: ReviewBundle): Json {
  // An import adds one 'merged' history entry per claim it brought; everything else must be the same.
  return {
    ...b,
    exported: '',
    document: { ...b.document, id: '' },
    events: b.events.filter((e) => e.kind !== 'merged'),
  }
}
const rows = (s: ReviewStore) => dump(s, ['claim', 'source', 'version_seen'], { claim: ['document_id'] })

describe('round trips', () => {
  it('review -> bundle -> new review file gives the same review', async () => {
    const bundle = exportBundle(review.store, '김기자')
    expect(bundle.claims.filter((c) => c.deleted)).toHaveLength(1)
    expect(bundle.claims.filter((c) => !c.anchored)).toHaveLength(1)
    expect(bundle.sources.filter((s) => s.deleted)).toHaveLength(1)
    expect(bundle.claims.every((c) => c.history.length >= 1 && c.history.includes(c.version))).toBe(true)
    expect(bundle.claims.some((c) => c.history.length >= 2)).toBe(true)

    const copy = fresh('b.factdesk')
    const summary = await importFile(copy, 'a.factdesk.json', bytesOf(bundle), '이팩트')
    expect(summary).toMatchObject({ format: 'bundle', added: 3, conflicts: 0, documentDiffers: false })
    expect(summary.unanchored).toHaveLength(1)
    expect(comparable(exportBundle(copy, '김기자'))).toEqual(comparable(bundle))
    expect(rows(copy)).toEqual(rows(review.store))
    expect(listClaims(copy)).toEqual(listClaims(review.store).map((c) => ({ ...c, documentId: readDocument(copy).id })))
  })

  it('review -> SQLite review file -> new review file gives the same review', async () => {
    const file = await exportReview(review.store, 'sqlite', '김기자')
    expect(file).toMatchObject({ encoding: 'base64', mimeType: 'application/vnd.sqlite3' })
    const copy = fresh('c.factdesk')
    const summary = await importFile(copy, file.fileName, Buffer.from(file.data, 'base64'), '이팩트')
    expect(summary).toMatchObject({ format: 'sqlite', fileName: file.fileName, conflicts: 0 })
    expect(rows(copy)).toEqual(rows(review.store))
    expect(comparable(exportBundle(copy, 'x'))).toEqual(comparable(exportBundle(review.store, 'x')))
  })

  it('exports a bundle file that validates against docs/review-bundle.schema.json', async () => {
    const file = await exportReview(review.store, 'bundle', '김기자')
    const bundle = JSON.parse(file.data) as ReviewBundle
    expect(bundleSchema.safeParse(bundle).success).toBe(true)
    expect(validate(bundle), ajv.errorsText(validate.errors)).toBe(true)
  })
})

describe('files an import refuses', () => {
  async function refuses(files: BadFile[]) {
    const before = dump(review.store)
    expect(files.length).toBeGreaterThan(0)
    for (const { name, bytes, says } of files) {
      const error = await importFile(review.store, name, bytes, '이팩트').then(
        () => null,
        (err: unknown) => err,
      )
      expect(error, name).toBeInstanceOf(FactdeskError)
      const { code, params, message } = error as FactdeskError
      expect(code, name).toMatch(/^(import-|review-file-|not-a-review-file|database-not-review)/)
      expect(params.file, name).toBe(name)
      expect(message, name).toContain(name)
      expect(message, name).toMatch(says)
      expect(dump(review.store), name).toEqual(before)
    }
  }

  it('refuses broken, hostile and inconsistent bundles, naming the file and the problem', async () => {
    await refuses(badBundles(exportBundle(review.store, '김기자')))
  })

  it('refuses SQLite files that are damaged, foreign, too new or too large', async () => {
    await refuses(await badReviewFiles(review.store, dir))
  })

  it('accepts a UTF-8 byte-order mark, and markup in notes as plain text', async () => {
    const bundle = exportBundle(review.store, '김기자')
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script> 확인 &amp; 끝'
    const claim = bundle.claims.find((c) => !c.deleted && c.anchored)!
    const edited = {
      ...bundle,
      claims: bundle.claims.map((c) =>
        c === claim ? { ...c, note: markup, version: 'v-html', history: [...c.history, 'v-html'] } : c,
      ),
    }
    const copy = fresh('bom.factdesk')
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(edited)])
    expect(await importFile(copy, 'bom.factdesk.json', withBom, '이팩트')).toMatchObject({ added: 3, conflicts: 0 })
    expect(getClaim(copy, claim.id).note).toBe(markup)
    expect(await importFile(review.store, 'bom.factdesk.json', withBom, '이팩트')).toMatchObject({
      updated: 1,
      conflicts: 0,
    })
    expect(review.claim(claim.id).note).toBe(markup)
  })
})

describe('docs/review-bundle.schema.json', () => {
  const bad: [string, (b: Json & ReviewBundle) => unknown][] = [
    ['an unknown top-level key', (b) => ({ ...b, extra: 1 })],
    ['a missing key', (b) => ({ ...b, reviewers: undefined })],
    ['another format', (b) => ({ ...b, format: 'other' })],
    ['a newer version', (b) => ({ ...b, version: 4 })],
    ['an unknown claim key', (b) => ({ ...b, claims: [{ ...b.claims[0], html: '<b>' }] })],
    ['a verdict that is no verdict id', (b) => ({ ...b, claims: [{ ...b.claims[0], verdict: 'Pants on Fire' }] })],
    ['a negative offset', (b) => ({ ...b, claims: [{ ...b.claims[0], start: -1 }] })],
    ['a fractional offset', (b) => ({ ...b, claims: [{ ...b.claims[0], end: 1.5 }] })],
    ['an empty history', (b) => ({ ...b, claims: [{ ...b.claims[0], history: [] }] })],
    ['a claim id that is not a UUID', (b) => ({ ...b, claims: [{ ...b.claims[0], id: 'claim-1' }] })],
    ['a javascript: URL', (b) => ({ ...b, sources: [{ ...b.sources[0], url: 'javascript:alert(1)' }] })],
    ['a data: archive URL', (b) => ({ ...b, sources: [{ ...b.sources[0], archiveUrl: 'data:text/html,x' }] })],
    ['a file: URL', (b) => ({ ...b, sources: [{ ...b.sources[0], url: 'file:///etc/passwd' }] })],
    ['a date that is not YYYY-MM-DD', (b) => ({ ...b, sources: [{ ...b.sources[0], published: '26/05/2025' }] })],
    ['a timestamp without a zone', (b) => ({ ...b, exported: '2025-06-01T00:00:00' })],
    ['a bad hash', (b) => ({ ...b, document: { ...b.document, hash: 'md5:00' } })],
    ['an unknown document key', (b) => ({ ...b, document: { ...b.document, html: '<p>' } })],
    [
      'an unknown block kind',
      (b) => ({ ...b, document: { ...b.document, blocks: [{ kind: 'script', inlines: [] }] } }),
    ],
  ]
  it.each(bad)('refuses %s, as the importer does', (_, mutate) => {
    const value = JSON.parse(
      JSON.stringify(mutate(exportBundle(review.store, '김기자') as Json & ReviewBundle)),
    ) as unknown
    expect(bundleSchema.safeParse(value).success).toBe(false)
    expect(validate(value)).toBe(false)
  })

  it('has the same objects, keys, limits and patterns as bundleSchema', () => {
    const fromZod = z.toJSONSchema(bundleSchema, { unrepresentable: 'any', io: 'input' }) as Json
    const expected = constraints(fromZod, fromZod)
    expect(constraints(schema, schema, expected)).toEqual(expected)
  })
})

/**
 * The constraints of a JSON Schema by path, $refs resolved; types and descriptions are left out. With
 * `only`, patterns are kept only where `only` has one (zod cannot express the URL check as a pattern).
 */
function constraints(
  node: unknown,
  root: Json,
  only?: Map<string, unknown>,
  path = '',
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  let n = node as Json
  while (typeof n.$ref === 'string') n = (root.$defs as Record<string, Json>)[n.$ref.replace('#/$defs/', '')]
  for (const key of [
    'maxLength',
    'minLength',
    'maxItems',
    'minItems',
    'minimum',
    'maximum',
    'enum',
    'const',
    'additionalProperties',
  ]) {
    if (n[key] !== undefined) out.set(`${path}:${key}`, n[key])
  }
  if (n.pattern !== undefined && (!only || only.has(`${path}:pattern`))) out.set(`${path}:pattern`, n.pattern)
  if (n.required) out.set(`${path}:required`, [...(n.required as string[])].sort())
  if (n.properties) {
    const props = n.properties as Record<string, unknown>
    out.set(`${path}:properties`, Object.keys(props).sort())
    for (const [k, v] of Object.entries(props)) constraints(v, root, only, `${path}.${k}`, out)
  }
  if (n.items) constraints(n.items, root, only, `${path}[]`, out)
  ;((n.anyOf as unknown[]) ?? []).forEach((v, i) => constraints(v, root, only, `${path}|${i}`, out))
  return out
}

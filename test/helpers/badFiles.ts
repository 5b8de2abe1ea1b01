/** Files an import must refuse, built from a valid review: each with the problem its message must name. */
import Database from 'better-sqlite3'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import type { ReviewBundle } from '../../src/core/exchange/bundle'
import { exportReview } from '../../src/core/exchange/files'
import { IMPORT_LIMITS } from '../../src/core/exchange/safeJson'
import { SCHEMA_VERSION } from '../../src/core/db/migrations'
import type { ReviewStore } from '../../src/core/review/store'
import { codePointLength } from '../../src/shared/text'
import type { TempDir } from './essay'

export interface BadFile {
  name: string
  bytes: Buffer
  /** What the refusal message must say (besides the file's name). */
  says: RegExp
}

type Bundle = ReviewBundle & Record<string, unknown>
const json = (v: unknown) => Buffer.from(JSON.stringify(v))

/** Inserts `"key": value,` as the first key of the first claim in `bundle`'s JSON text. */
function withKey(bundle: ReviewBundle, key: string, value: string): Buffer {
  const text = JSON.stringify(bundle)
  const at = text.indexOf('"claims":[{') + '"claims":[{'.length
  return Buffer.from(`${text.slice(0, at)}"${key}":${value},${text.slice(at)}`)
}

export function badBundles(bundle: ReviewBundle): BadFile[] {
  const b = bundle as Bundle
  const [c0, c1] = bundle.claims.filter((c) => c.anchored && !c.deleted)
  const s0 = bundle.sources[0]
  const length = codePointLength(bundle.document.text)
  const claim = (patch: object) =>
    json({ ...b, claims: [{ ...c0, ...patch }, ...bundle.claims.filter((c) => c !== c0)] })
  const source = (patch: object) => json({ ...b, sources: [{ ...s0, ...patch }, ...bundle.sources.slice(1)] })
  const nested = (n: number, open: string, close: string, inner = '1') =>
    Buffer.from(open.repeat(n) + inner + close.repeat(n))
  return [
    { name: 'oversized.json', bytes: Buffer.alloc(IMPORT_LIMITS.bytes + 1, 0x20), says: /larger than 50 MB/ },
    {
      name: 'latin1.json',
      bytes: Buffer.concat([json(b).subarray(0, 30), Buffer.from([0xc3, 0x28, 0xff]), json(b).subarray(30)]),
      says: /not valid UTF-8/,
    },
    // What strict decoding refuses and a lenient one would turn into other characters: an encoded
    // surrogate half, an overlong form, and a sequence cut off at the end.
    ...[
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0xe2, 0x82],
    ].map((seq, i) => ({
      name: `not-utf8-${i}.json`,
      bytes:
        i === 2
          ? Buffer.concat([json(b), Buffer.from(seq)])
          : Buffer.concat([json(b).subarray(0, 30), Buffer.from(seq), json(b).subarray(30)]),
      says: /not valid UTF-8/,
    })),
    { name: 'notes.txt', bytes: Buffer.from('검토 메모: 이것은 JSON이 아니다 {'), says: /not JSON/ },
    { name: 'cut.json', bytes: Buffer.from(JSON.stringify(b).slice(0, 2000)), says: /not JSON/ },
    { name: 'deep100.json', bytes: nested(100, '[', ']'), says: /nested more than 32 levels/ },
    { name: 'deep100000.json', bytes: nested(100_000, '[', ']'), says: /nested more than 32 levels/ },
    { name: 'deep-objects.json', bytes: nested(100_000, '{"a":', '}'), says: /nested more than 32 levels/ },
    {
      name: 'proto.json',
      bytes: withKey(bundle, '__proto__', '{"polluted":true}'),
      says: /contains the key "__proto__"/,
    },
    { name: 'constructor.json', bytes: withKey(bundle, 'constructor', '"x"'), says: /contains the key "constructor"/ },
    // Inside a block, where the schema would otherwise drop unknown keys without a word.
    {
      name: 'block-proto.json',
      bytes: Buffer.from(JSON.stringify(bundle).replace('"inlines":[{', '"inlines":[{"__proto__":{"bold":true},')),
      says: /contains the key "__proto__"/,
    },
    {
      name: 'future.json',
      bytes: json({ ...b, format: 'factdesk-review-bundle-2' }),
      says: /"factdesk-review-bundle-2" is not a format/,
    },
    {
      name: 'other.json',
      bytes: json({ format: 'somebody-elses-notes', notes: [] }),
      says: /none of the formats Factdesk reads: .*W3C Web Annotations .*Hypothesis API JSON/,
    },
    { name: 'newer.json', bytes: json({ ...b, version: 4 }), says: /newer Factdesk/ },
    {
      name: 'dup-claims.json',
      bytes: json({ ...b, claims: [...bundle.claims, c0] }),
      says: new RegExp(`claim id ${c0.id} appears twice`),
    },
    {
      name: 'dup-sources.json',
      bytes: json({ ...b, sources: [...bundle.sources, s0] }),
      says: new RegExp(`${s0.id} appears twice`),
    },
    { name: 'source-as-claim.json', bytes: source({ id: c1.id }), says: new RegExp(`${c1.id} appears twice`) },
    { name: 'beyond.json', bytes: claim({ start: length + 5, end: length + 12 }), says: /beyond the end of the text/ },
    { name: 'huge.json', bytes: claim({ start: 2 ** 53, end: 2 ** 53 + 2 }), says: /not a valid review bundle/ },
    { name: 'negative.json', bytes: claim({ start: -4 }), says: /not a valid review bundle \(claims\.0\.start/ },
    {
      name: 'backwards.json',
      bytes: claim({ start: c0.end, end: c0.start }),
      says: new RegExp(`starts at ${c0.end} but ends at ${c0.start}`),
    },
    {
      name: 'moved.json',
      bytes: claim({ start: c0.start + 1, end: c0.end + 1 }),
      says: /quote does not match the document/,
    },
    { name: 'misquoted.json', bytes: claim({ exact: '원문에 없는 인용' }), says: /quote does not match the document/ },
    {
      name: 'no-history.json',
      bytes: claim({ history: ['other-version'] }),
      says: /version is missing from its history/,
    },
    {
      name: 'js.json',
      bytes: source({ url: 'javascript:alert(document.cookie)' }),
      says: /only http:\/\/ and https:\/\//,
    },
    {
      name: 'data.json',
      bytes: source({ url: 'data:text/html,<script>alert(1)</script>' }),
      says: /only http:\/\/ and https:\/\//,
    },
    { name: 'file.json', bytes: source({ archiveUrl: 'file:///etc/passwd' }), says: /sources\.0\.archiveUrl/ },
    {
      name: 'orphan.json',
      bytes: source({ claimId: randomUUID() }),
      says: /belongs to a claim that is not in the file/,
    },
    {
      name: 'text.json',
      bytes: json({ ...b, document: { ...b.document, text: b.document.text + '!' } }),
      says: /essay’s text in the file does not match its paragraphs or its checksum/,
    },
    {
      name: 'hash.json',
      bytes: json({ ...b, document: { ...b.document, hash: 'sha256:' + '0'.repeat(64) } }),
      says: /does not match its paragraphs or its checksum/,
    },
    { name: 'extra.json', bytes: json({ ...b, script: '<script>' }), says: /not a valid review bundle/ },
    { name: 'array.json', bytes: Buffer.from('[]'), says: /none of the formats Factdesk reads/ },
  ]
}

/** SQLite files an import must refuse, made from `store`'s own review file. */
export async function badReviewFiles(store: ReviewStore, dir: TempDir): Promise<BadFile[]> {
  const good = Buffer.from((await exportReview(store, 'sqlite', 'x')).data, 'base64')
  const header = good.subarray(0, 100)
  const newer = dir.file('newer.factdesk')
  writeFileSync(newer, good)
  const db = new Database(newer)
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
  db.close()
  /** A copy of the review file changed with SQL, as a hostile or buggy tool could. */
  const tampered = (name: string, sql: string): Buffer => {
    const path = dir.file(name)
    writeFileSync(path, good)
    const t = new Database(path)
    t.exec(sql)
    t.close()
    return readFileSync(path)
  }
  const other = dir.file('other.db')
  const odb = new Database(other)
  odb.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`)
  odb.close()
  return [
    { name: 'half.factdesk', bytes: good.subarray(0, Math.floor(good.length / 2)), says: /damaged/ },
    { name: 'noise.factdesk', bytes: Buffer.concat([header, randomBytes(good.length - 100)]), says: /damaged/ },
    {
      name: 'header-only.factdesk',
      bytes: Buffer.from('SQLite format 3\u0000'),
      says: /damaged|not a Factdesk review file/,
    },
    { name: 'other.db', bytes: readFileSync(other), says: /not a Factdesk review file/ },
    { name: 'newer.factdesk', bytes: readFileSync(newer), says: /newer version of Factdesk/ },
    {
      name: 'js-source.factdesk',
      bytes: tampered('js-source.factdesk', `UPDATE source SET url = 'javascript:alert(1)'`),
      says: /only http:\/\/ and https:\/\//,
    },
    {
      name: 'misquoted.factdesk',
      bytes: tampered('misquoted.factdesk', `UPDATE claim SET exact = 'x' || exact WHERE anchored = 1`),
      says: /quote does not match the document/,
    },
    {
      name: 'bad-verdict.factdesk',
      bytes: tampered('bad-verdict.factdesk', `UPDATE claim SET verdict = 'Pants on Fire!'`),
      says: /not a valid review bundle/,
    },
    {
      name: 'bad-blocks.factdesk',
      bytes: tampered('bad-blocks.factdesk', `UPDATE document SET blocks_json = '[{'`),
      says: /damaged|not a valid/,
    },
    {
      name: 'huge.factdesk',
      bytes: Buffer.concat([good, Buffer.alloc(IMPORT_LIMITS.bytes + 1 - good.length)]),
      says: /larger than 50 MB/,
    },
  ]
}

import { LIMITS, statuses, VERDICT_ID_PATTERN } from '../../shared/domain'
import { isHttpUrl } from '../../shared/url'
import { IMPORT_LIMITS } from './safeJson'
import { timestamp, uuid } from './bundleFields'
import type { BundleClaim, BundleSource } from './bundleEntities'
import { blockKinds, type Block } from '../../shared/essay'

/**
 * The claims and sources of a bundle checked without zod: they are nearly all of a large file, and the
 * schema's object parsing costs several times the JSON.parse of the file when it first runs, which in a
 * worker thread is every import. The rules are bundle.ts's `bundleClaimSchema` and `bundleSourceSchema`,
 * with zod's own patterns for ids and times: anything this check does not accept (a wrong field, or
 * a value the schema would rewrite, such as a link with spaces around it) goes to the schema, which
 * refuses it with its usual message or reads it as it always did. test/bundleFast.test.ts holds the two
 * to the same answers.
 */

const patternOf = (schema: unknown): RegExp => {
  const pattern = (schema as { _zod: { def: { pattern?: unknown } } })._zod.def.pattern
  if (!(pattern instanceof RegExp)) throw new Error('zod no longer exposes the format pattern')
  return pattern
}
const UUID = patternOf(uuid)
const TIMESTAMP = patternOf(timestamp)
const DATE = /^\d{4}-\d{2}-\d{2}$/
const STATUSES: ReadonlySet<string> = new Set(statuses)

// The schema's keys in its order (the order of the objects `claim` and `source` build).
const CLAIM_ORDER = [
  'id', 'exact', 'prefix', 'suffix', 'start', 'end', 'anchored', 'textChanged', 'verdict', 'status', 'note',
  'author', 'created', 'modified', 'modifiedBy', 'revision', 'deleted', 'version', 'history',
] as const // prettier-ignore
const CLAIM_ORDER_BEFORE_TEXT_CHANGED = CLAIM_ORDER.filter((k) => k !== 'textChanged')
const SOURCE_ORDER = [
  'id', 'claimId', 'url', 'title', 'publisher', 'published', 'accessed', 'excerpt', 'archiveUrl', 'created',
  'modified', 'revision', 'deleted', 'version', 'history',
] as const // prettier-ignore
const CLAIM_KEYS: ReadonlySet<string> = new Set(CLAIM_ORDER)
const SOURCE_KEYS: ReadonlySet<string> = new Set(SOURCE_ORDER)

const str = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max
const int = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min
const id = (v: unknown): v is string => typeof v === 'string' && UUID.test(v)
const time = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v)
const version = (v: unknown): v is string => str(v, 64, 1)
// A link the schema would trim is left to the schema.
const link = (v: unknown): v is string => str(v, LIMITS.url) && v.trim() === v && isHttpUrl(v)

function history(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length < 1 || v.length > 100_000) return false
  for (const h of v) if (!version(h)) return false
  return true
}

function onlyKeys(o: object, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false
  return Object.getPrototypeOf(o) === Object.prototype
}

const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The claim as the schema gives it (its keys in the schema's order), or null if the schema must judge. */
function claim(c: unknown): BundleClaim | null {
  if (!plain(c)) return null
  const ordered = keysAre(c, CLAIM_ORDER) || keysAre(c, CLAIM_ORDER_BEFORE_TEXT_CHANGED)
  if (!ordered && !onlyKeys(c, CLAIM_KEYS)) return null
  const ok =
    id(c.id) &&
    str(c.exact, LIMITS.quote, 1) &&
    str(c.prefix, LIMITS.context) &&
    str(c.suffix, LIMITS.context) &&
    int(c.start, 0) &&
    int(c.end, 1) &&
    typeof c.anchored === 'boolean' &&
    (!('textChanged' in c) || typeof c.textChanged === 'boolean') &&
    str(c.verdict, 40) &&
    VERDICT_ID_PATTERN.test(c.verdict) &&
    typeof c.status === 'string' &&
    STATUSES.has(c.status) &&
    str(c.note, LIMITS.note) &&
    str(c.author, LIMITS.reviewerName) &&
    time(c.created) &&
    time(c.modified) &&
    str(c.modifiedBy, LIMITS.reviewerName) &&
    int(c.revision, 1) &&
    typeof c.deleted === 'boolean' &&
    version(c.version) &&
    history(c.history)
  if (!ok) return null
  const k = c as unknown as BundleClaim
  // Already the schema's value (its keys, in its order; Factdesk writes them so): the parsed object
  // itself, made for this file alone. Copying 10,000 of them while the parse is young in the heap
  // made the garbage collector copy the whole parse once more.
  if (ordered) return k
  // Two literals rather than one with a spread in it: each keeps one shape, made without a spare object.
  // The history is the parsed array itself: the parse made it for this file alone, as zod would copy it.
  return 'textChanged' in c
    ? {
        id: k.id,
        exact: k.exact,
        prefix: k.prefix,
        suffix: k.suffix,
        start: k.start,
        end: k.end,
        anchored: k.anchored,
        textChanged: k.textChanged,
        verdict: k.verdict,
        status: k.status,
        note: k.note,
        author: k.author,
        created: k.created,
        modified: k.modified,
        modifiedBy: k.modifiedBy,
        revision: k.revision,
        deleted: k.deleted,
        version: k.version,
        history: k.history,
      }
    : {
        id: k.id,
        exact: k.exact,
        prefix: k.prefix,
        suffix: k.suffix,
        start: k.start,
        end: k.end,
        anchored: k.anchored,
        verdict: k.verdict,
        status: k.status,
        note: k.note,
        author: k.author,
        created: k.created,
        modified: k.modified,
        modifiedBy: k.modifiedBy,
        revision: k.revision,
        deleted: k.deleted,
        version: k.version,
        history: k.history,
      }
}

const date = (v: unknown): v is string => v === '' || (typeof v === 'string' && DATE.test(v))

function source(s: unknown): BundleSource | null {
  if (!plain(s)) return null
  const ordered = keysAre(s, SOURCE_ORDER)
  if (!ordered && !onlyKeys(s, SOURCE_KEYS)) return null
  const ok =
    id(s.id) &&
    id(s.claimId) &&
    link(s.url) &&
    str(s.title, LIMITS.field) &&
    str(s.publisher, LIMITS.field) &&
    date(s.published) &&
    date(s.accessed) &&
    str(s.excerpt, LIMITS.excerpt) &&
    (s.archiveUrl === '' || link(s.archiveUrl)) &&
    time(s.created) &&
    time(s.modified) &&
    int(s.revision, 1) &&
    typeof s.deleted === 'boolean' &&
    version(s.version) &&
    history(s.history)
  if (!ok) return null
  const k = s as unknown as BundleSource
  if (ordered) return k
  return {
    id: k.id,
    claimId: k.claimId,
    url: k.url,
    title: k.title,
    publisher: k.publisher,
    published: k.published,
    accessed: k.accessed,
    excerpt: k.excerpt,
    archiveUrl: k.archiveUrl,
    created: k.created,
    modified: k.modified,
    revision: k.revision,
    deleted: k.deleted,
    version: k.version,
    history: k.history,
  }
}

/**
 * The bundle's claims and sources as the schema would give them, when every one of them passes the
 * check; null when the schema must read them (it then finds and names what is wrong).
 */
export function quickEntities(value: unknown): { claims: BundleClaim[]; sources: BundleSource[] } | null {
  if (!plain(value)) return null
  const { claims: rawClaims, sources: rawSources } = value
  if (!Array.isArray(rawClaims) || rawClaims.length > IMPORT_LIMITS.claims) return null
  if (!Array.isArray(rawSources) || rawSources.length > IMPORT_LIMITS.sources) return null
  const claims: BundleClaim[] = []
  for (const c of rawClaims) {
    const checked = claim(c)
    if (!checked) return null
    claims.push(checked)
  }
  const sources: BundleSource[] = []
  for (const s of rawSources) {
    const checked = source(s)
    if (!checked) return null
    sources.push(checked)
  }
  return { claims, sources }
}

const BLOCK_KINDS: ReadonlySet<string> = new Set(blockKinds)

/** Whether `o` has exactly these keys, in this order (the order the schema gives them in). */
function keysAre(o: object, keys: readonly string[]): boolean {
  let i = 0
  for (const k in o) if (keys[i++] !== k) return false
  return i === keys.length && Object.getPrototypeOf(o) === Object.prototype
}

function inline(v: unknown): boolean {
  if (!plain(v)) return false
  const bold = 'bold' in v
  return (
    keysAre(v, bold ? ['text', 'bold'] : ['text']) && str(v.text, 100_000) && (!bold || typeof v.bold === 'boolean')
  )
}

/**
 * The essay's blocks as the schema (shared/essay.ts `blockSchema`) gives them, when every one of them
 * already is that (its keys the schema's, in its order): the parsed blocks themselves. Null when the
 * schema must read them. A large essay has thousands of blocks, and the schema's first run over them
 * costs about three times the JSON.parse of the whole file.
 */
export function quickBlocks(v: unknown): Block[] | null {
  if (!Array.isArray(v) || v.length > 100_000) return null
  for (const b of v) {
    if (!plain(b) || !keysAre(b, ['kind', 'inlines'])) return null
    if (typeof b.kind !== 'string' || !BLOCK_KINDS.has(b.kind)) return null
    const inlines = b.inlines
    if (!Array.isArray(inlines) || inlines.length > 10_000) return null
    for (const r of inlines) if (!inline(r)) return null
  }
  return v as Block[]
}

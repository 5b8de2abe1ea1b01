/**
 * Files at the import limits (docs/exchange.md, "Limits"), made from a real review of the bundled essay: the
 * largest a reviewer can be sent, to measure what importing them costs (`npm run bench -- --limits`).
 */
import { randomUUID } from 'node:crypto'
import { exportBundle, type ReviewBundle } from '../../src/core/exchange/bundle'
import { IMPORT_LIMITS } from '../../src/core/exchange/safeJson'
import type { ParsedEssay } from '../../src/core/document/essayFormat'
import { codePointLength, cpSlice, describeRange } from '../../src/shared/text'
import { createClaim, updateClaim } from '../../src/core/claims/commands'
import { readDocument } from '../../src/core/document/queries'
import { openReview } from '../../src/core/review/open'

export interface LimitFile {
  name: string
  what: string
  bytes: Buffer
}

const MB = 1024 * 1024
const fits = (b: Buffer): boolean => b.length <= IMPORT_LIMITS.bytes

/** A review with a few claims, each a template the generators copy. */
function seedBundle(essay: ParsedEssay, claims = 48): ReviewBundle {
  const store = openReview(':memory:', essay)
  const text = readDocument(store).text
  const length = codePointLength(text)
  for (let i = 0; i < claims; i++) {
    const start = (i * 97) % (length - 60)
    const c = createClaim(store, describeRange(text, start, start + 20 + (i % 30)), '벤치')
    updateClaim(store, c.id, { verdict: 'mostly-true', status: 'checked', note: `메모 ${i}` }, '벤치')
  }
  const bundle = exportBundle(store, '벤치')
  store.close()
  return bundle
}

const versions = (n: number): string[] => Array.from({ length: n }, () => randomUUID())

/** As many versions as the file may carry in all, spread over 48 claims (history arrays). */
function manyVersions(essay: ParsedEssay): LimitFile {
  const b = seedBundle(essay)
  const per = Math.floor(IMPORT_LIMITS.versions / b.claims.length)
  const claims = b.claims.map((c) => {
    const history = [...versions(per - 1), c.version]
    return { ...c, history }
  })
  const bytes = Buffer.from(JSON.stringify({ ...b, claims }))
  return {
    name: 'versions.factdesk.json',
    what: `${b.claims.length} claims × ${per.toLocaleString('en')} versions`,
    bytes,
  }
}

/** As many sources as allowed, or as fit in the byte limit. */
function manySources(essay: ParsedEssay): LimitFile {
  const b = seedBundle(essay)
  const one = (i: number) => {
    const id = randomUUID()
    const version = randomUUID()
    const claim = b.claims[i % b.claims.length]
    return {
      id,
      claimId: claim.id,
      url: `https://example.org/s/${i}`,
      title: `출처 ${i}`,
      publisher: '',
      published: '',
      accessed: '',
      excerpt: '',
      archiveUrl: '',
      created: claim.created,
      modified: claim.created,
      revision: 1,
      version,
      deleted: false,
      history: [version],
    }
  }
  let n: number = IMPORT_LIMITS.sources
  let bytes = Buffer.from(JSON.stringify({ ...b, sources: Array.from({ length: n }, (_, i) => one(i)) }))
  while (!fits(bytes)) {
    n = Math.floor(n * (IMPORT_LIMITS.bytes / bytes.length) * 0.98)
    bytes = Buffer.from(JSON.stringify({ ...b, sources: Array.from({ length: n }, (_, i) => one(i)) }))
  }
  return {
    name: 'sources.factdesk.json',
    what: `${n.toLocaleString('en')} sources (${(bytes.length / MB).toFixed(0)} MB)`,
    bytes,
  }
}

/** As many history entries as allowed, or as fit. */
function manyEvents(essay: ParsedEssay): LimitFile {
  const b = seedBundle(essay)
  const one = (i: number) => ({
    id: randomUUID(),
    claimId: b.claims[i % b.claims.length].id,
    at: b.claims[0].created,
    actor: '벤치',
    kind: 'note-edited',
    detail: {},
  })
  let n: number = IMPORT_LIMITS.events
  let bytes = Buffer.from(JSON.stringify({ ...b, events: Array.from({ length: n }, (_, i) => one(i)) }))
  while (!fits(bytes)) {
    n = Math.floor(n * (IMPORT_LIMITS.bytes / bytes.length) * 0.98)
    bytes = Buffer.from(JSON.stringify({ ...b, events: Array.from({ length: n }, (_, i) => one(i)) }))
  }
  return {
    name: 'events.factdesk.json',
    what: `${n.toLocaleString('en')} history entries (${(bytes.length / MB).toFixed(0)} MB)`,
    bytes,
  }
}

/** As many claims as allowed, rated, each on its own span of the essay. */
function manyClaims(essay: ParsedEssay): LimitFile {
  const b = seedBundle(essay, 1)
  const [template] = b.claims
  const text = b.document.text
  const length = codePointLength(text)
  const claims = Array.from({ length: IMPORT_LIMITS.claims }, (_, i) => {
    const start = (i * 37) % (length - 60)
    const version = randomUUID()
    return {
      ...template,
      ...describeRange(text, start, start + 12 + (i % 40)),
      id: randomUUID(),
      version,
      history: [version],
    }
  })
  const bytes = Buffer.from(JSON.stringify({ ...b, claims, events: [] }))
  return {
    name: 'claims.factdesk.json',
    what: `${claims.length.toLocaleString('en')} claims (${(bytes.length / MB).toFixed(0)} MB)`,
    bytes,
  }
}

/** W3C annotations whose quotes are not in the essay as written (each needs the fuzzy search). */
function fuzzyAnnotations(essay: ParsedEssay): LimitFile {
  const store = openReview(':memory:', essay)
  const text = readDocument(store).text
  store.close()
  const length = codePointLength(text)
  const one = (i: number) => {
    const start = (i * 131) % (length - 80)
    const quote = cpSlice(text, start, start + 40)
    // One character changed in the middle: found only by the fuzzy match.
    const fuzzy = cpSlice(quote, 0, 20) + '#' + cpSlice(quote, 21)
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${randomUUID()}`,
      type: 'Annotation',
      body: { type: 'TextualBody', value: `메모 ${i}` },
      target: { source: 'https://example.org/essay', selector: { type: 'TextQuoteSelector', exact: fuzzy } },
    }
  }
  const n = IMPORT_LIMITS.annotations
  const bytes = Buffer.from(JSON.stringify(Array.from({ length: n }, (_, i) => one(i))))
  return {
    name: 'fuzzy.jsonld',
    what: `${n.toLocaleString('en')} W3C annotations, every quote fuzzy (${(bytes.length / MB).toFixed(0)} MB)`,
    bytes,
  }
}

export function limitFiles(essay: ParsedEssay): LimitFile[] {
  return [manyVersions(essay), manyClaims(essay), manySources(essay), manyEvents(essay), fuzzyAnnotations(essay)]
}

import { isHttpUrl } from '../../shared/url'
import { hash } from 'node:crypto'

/** JSON-LD context of every Factdesk export: the W3C one plus a prefix for Factdesk's own terms. */
export const FACTDESK_NS = 'https://factdesk.app/ns#'
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/**
 * `assessing` is a W3C motivation (oa:assessing) that the anno.jsonld published in 2017 does not define
 * (it still lists the withdrawn `reviewing`), so a JSON-LD processor read it as a relative IRI. Defining
 * the term here keeps the plain word the model and its test suite expect, and expands it to the OA IRI
 * under both the old and the corrected context.
 */
export const OA_ASSESSING = 'http://www.w3.org/ns/oa#assessing'
export const CONTEXT = [W3C_CONTEXT, { factdesk: FACTDESK_NS, assessing: OA_ASSESSING }] as const

/** Extension keys (compact IRIs under the `factdesk:` prefix). */
export const X = {
  verdict: 'factdesk:verdict',
  status: 'factdesk:status',
  version: 'factdesk:version',
  history: 'factdesk:history',
  revision: 'factdesk:revision',
  modifiedBy: 'factdesk:modifiedBy',
  digest: 'factdesk:digest',
  textHash: 'factdesk:textHash',
  title: 'factdesk:title',
  publisher: 'factdesk:publisher',
  published: 'factdesk:published',
  accessed: 'factdesk:accessed',
  excerpt: 'factdesk:excerpt',
  archiveUrl: 'factdesk:archiveUrl',
  created: 'factdesk:created',
  modified: 'factdesk:modified',
  /** A link's address as stored, when the exported `source` had to be percent-encoded. */
  url: 'factdesk:url',
} as const

/**
 * An http(s) address as an IRI the W3C schemas accept (JSON Schema `uri`): the WHATWG URL serialiser
 * percent-encodes Hangul in the path, query and fragment and writes the host in punycode.
 */
export const toIri = (url: string): string => (isHttpUrl(url) ? new URL(url).href : url)

/** The essay's address when the review knows one (the republication setting, else the document's source). */
export const documentIri = (doc: { id: string; sourceUrl: string }): string =>
  isHttpUrl(doc.sourceUrl) ? toIri(doc.sourceUrl) : `urn:factdesk:document:${doc.id}`

// One call a digest: an export makes one for every claim and source.
const sha256 = (s: string): string => hash('sha256', s, 'hex')

/**
 * Digest of what merging compares. Exported beside the version so an annotation edited in another
 * tool (version kept, content changed) is read as a newer version instead of silently ignored.
 */
export const claimDigest = (c: { exact: string; verdict: string; status: string; note: string }): string =>
  sha256(JSON.stringify([c.exact, c.verdict, c.status, c.note]))

/** A digest of JSON text already written (the W3C export has the four strings as JSON for its own text). */
export const digestOfJson = (json: string): string => sha256(json)

export const sourceDigest = (s: {
  url: string
  title: string
  publisher: string
  published: string
  accessed: string
  excerpt: string
  archiveUrl: string
}): string => sha256(JSON.stringify([s.url, s.title, s.publisher, s.published, s.accessed, s.excerpt, s.archiveUrl]))

export { uuidV5 } from '../lib/names'

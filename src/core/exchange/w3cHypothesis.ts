import { importNote, type ImportNote } from '../../shared/exchange'
import { asList, isObject, type Json } from './w3cRead'

/**
 * Hypothesis's own API JSON (`GET /api/search` → `{ total, rows }`, `GET /api/annotations/:id` → one
 * row) read as the W3C annotations Hypothesis itself publishes: the same ids (`https://hypothes.is/a/…`),
 * so a file exported either way names the same claims. A reply (non-empty `references`, oldest first)
 * targets its parent, then the rest of its thread, so it still finds its claim when the parent is not in
 * the file. Anything the shape check below does not recognise goes through as is and is refused by the
 * W3C reader with the row's number.
 */

const HYPOTHESIS_ID = 'https://hypothes.is/a/'

const isRow = (v: unknown): v is Json =>
  isObject(v) && typeof v.id === 'string' && typeof v.uri === 'string' && Array.isArray(v.target) && 'user' in v

/** A search response or a single annotation from the Hypothesis API. */
export function isHypothesisApiData(value: unknown): boolean {
  if (isRow(value)) return true
  return (
    isObject(value) &&
    Array.isArray(value.rows) &&
    typeof value.total === 'number' &&
    value.rows.length > 0 &&
    isRow(value.rows[0])
  )
}

const annotationId = (id: unknown): unknown =>
  typeof id === 'string' && !id.includes(':') ? `${HYPOTHESIS_ID}${id}` : id

function toW3c(row: Json): Json {
  const bodies: Json[] = []
  if (typeof row.text === 'string' && row.text.trim())
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: row.text, format: 'text/markdown' })
  for (const tag of asList(row.tags)) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  const references = asList(row.references)
  const info = row.user_info
  const name =
    isObject(info) && typeof info.display_name === 'string' && info.display_name.trim() ? info.display_name : undefined
  const target = references.length
    ? references.slice().reverse().map(annotationId)
    : asList(row.target).map((t) => (isObject(t) ? { source: t.source ?? row.uri, selector: t.selector } : t))
  return {
    type: 'Annotation',
    id: annotationId(row.id),
    motivation: references.length ? 'replying' : 'commenting',
    created: row.created,
    modified: row.updated,
    creator: { id: row.user, ...(name ? { name } : {}) },
    body: bodies,
    target,
  }
}

/** A search response is one page of results: say so when the search found more than the file holds. */
export function hypothesisNotes(value: unknown): ImportNote[] {
  if (
    !isObject(value) ||
    !Array.isArray(value.rows) ||
    typeof value.total !== 'number' ||
    value.total <= value.rows.length
  )
    return []
  return [importNote('hypothesis-more-results', { total: value.total, held: value.rows.length })]
}

/** The rows as W3C annotations; readW3c checks and reads them. */
export function hypothesisToW3c(value: unknown): Json[] {
  const rows = isRow(value) ? [value] : asList((value as Json).rows)
  return rows.map((r) => (isObject(r) ? toW3c(r) : r) as Json)
}

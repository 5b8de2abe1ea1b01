import { FactdeskError } from '../../shared/errors'
import type { IncomingReview } from './merge'
import { IMPORT_LIMITS } from './safeJson'

/**
 * Totals a file may carry, whatever their spread: per-item caps alone let a file of 48 claims carry
 * 100,000 versions each and take minutes to import. `npm run bench -- --limits` measures files at
 * these limits (docs/exchange.md, "Limits").
 */
function refuse(name: string, what: string, limit: number): never {
  throw new FactdeskError(
    'invalid-file',
    `${name}: the file carries more than ${limit.toLocaleString('en')} ${what}, the most Factdesk imports from one file. Nothing was imported; the review is unchanged.`,
  )
}

const arrayOf = (value: unknown, key: string): unknown[] => {
  const list = (value as Record<string, unknown>)[key]
  return Array.isArray(list) ? list : []
}

/** On the parsed JSON of a bundle, before its schema is checked (which is most of the cost). */
export function assertBundleTotals(name: string, value: unknown): void {
  if (!value || typeof value !== 'object') return
  let versions = 0
  for (const key of ['claims', 'sources', 'replies', 'tags', 'corrections', 'workflow']) {
    for (const item of arrayOf(value, key)) {
      const history = item && typeof item === 'object' ? (item as { history?: unknown }).history : undefined
      if (Array.isArray(history)) versions += history.length
    }
  }
  if (versions > IMPORT_LIMITS.versions) refuse(name, 'versions in all', IMPORT_LIMITS.versions)
  if (arrayOf(value, 'sources').length > IMPORT_LIMITS.sources) refuse(name, 'sources', IMPORT_LIMITS.sources)
  if (arrayOf(value, 'events').length > IMPORT_LIMITS.events) refuse(name, 'history entries', IMPORT_LIMITS.events)
}

/** On what any reader made of a file (a review file, a bundle, W3C annotations). */
export function assertIncomingTotals(name: string, incoming: IncomingReview): IncomingReview {
  const histories: { history: string[] }[][] = [
    incoming.claims,
    incoming.sources,
    incoming.replies ?? [],
    incoming.tags ?? [],
    incoming.corrections ?? [],
    incoming.workflow ?? [],
  ]
  const versions = histories.reduce((n, list) => n + list.reduce((m, item) => m + item.history.length, 0), 0)
  if (versions > IMPORT_LIMITS.versions) refuse(name, 'versions in all', IMPORT_LIMITS.versions)
  if (incoming.sources.length > IMPORT_LIMITS.sources) refuse(name, 'sources', IMPORT_LIMITS.sources)
  if ((incoming.events ?? []).length > IMPORT_LIMITS.events) refuse(name, 'history entries', IMPORT_LIMITS.events)
  return incoming
}

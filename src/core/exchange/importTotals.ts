import { FactdeskError } from '../../shared/errors'
import type { IncomingReview } from './merge'
import { IMPORT_LIMITS } from './safeJson'

/**
 * Totals a file may carry, whatever their spread: per-item caps alone let a file of 48 claims carry
 * 100,000 versions each and take minutes to import. `npm run bench -- --limits` measures files at
 * these limits (docs/exchange.md, "Limits").
 */
function refuse(name: string, what: 'versions' | 'sources' | 'events', limit: number, found: number): never {
  throw new FactdeskError('import-too-many', { file: name, what, limit, found })
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
  if (versions > IMPORT_LIMITS.versions) refuse(name, 'versions', IMPORT_LIMITS.versions, versions)
  const [sources, events] = [arrayOf(value, 'sources').length, arrayOf(value, 'events').length]
  if (sources > IMPORT_LIMITS.sources) refuse(name, 'sources', IMPORT_LIMITS.sources, sources)
  if (events > IMPORT_LIMITS.events) refuse(name, 'events', IMPORT_LIMITS.events, events)
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
  if (versions > IMPORT_LIMITS.versions) refuse(name, 'versions', IMPORT_LIMITS.versions, versions)
  if (incoming.sources.length > IMPORT_LIMITS.sources)
    refuse(name, 'sources', IMPORT_LIMITS.sources, incoming.sources.length)
  const events = (incoming.events ?? []).length
  if (events > IMPORT_LIMITS.events) refuse(name, 'events', IMPORT_LIMITS.events, events)
  return incoming
}

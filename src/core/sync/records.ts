import * as Y from 'yjs'
import type { z } from 'zod'
import { cpSlice } from '../../shared/text'
import type { ReviewStore } from '../review/store'
import { bundleClaimSchema, bundleSourceSchema, type BundleClaim, type ReviewBundle } from '../exchange/bundle'
import { bundleEventSchema, bundleReplySchema, bundleTagSchema, bundleTagStyleSchema } from '../exchange/bundleThread'
import { bundleCorrectionSchema, bundleDismissedSchema } from '../exchange/bundleExtras'
import type { IncomingReview } from '../exchange/merge'
import { bundleWorkflowSchema, type BundleWorkflow } from '../workflow/exchange'

/**
 * The shared Yjs document of a review, as Factdesk's own records: one Y.Map per kind of record, keyed
 * by the record's version id (events by their id, tag colours by name, dismissed sentences by key),
 * whose values are the bundle's records of that version — immutable: a key is written once and never
 * changed. A new verdict is a new version, so a new key; nothing is a bare field whose last writer wins.
 * Two versions of one claim made apart meet in the review file's merge (exchange/merge.ts), which
 * keeps both as a conflict exactly as a file import does.
 *
 * Claims carry the hash of the essay they were placed on (`essays` holds the texts by hash), so a
 * review whose essay reads otherwise places them again by their quote, as an import does.
 */
/** The stateless message a desk sends to learn what the server holds; the answer is its state vector, base64. */
export const STATE_QUESTION = 'factdesk:state-vector?'

export const KINDS = [
  'claims',
  'sources',
  'replies',
  'tags',
  'corrections',
  'events',
  'tagStyles',
  'dismissed',
  'workflow',
] as const
export type Kind = (typeof KINDS)[number]

const schemas: Record<Kind, z.ZodType> = {
  claims: bundleClaimSchema,
  sources: bundleSourceSchema,
  replies: bundleReplySchema,
  tags: bundleTagSchema,
  corrections: bundleCorrectionSchema,
  events: bundleEventSchema,
  tagStyles: bundleTagStyleSchema,
  dismissed: bundleDismissedSchema,
  workflow: bundleWorkflowSchema,
}

/** A claim's record: the claim and the essay (by hash) its positions are on. */
export interface ClaimEntry {
  d: string
  r: BundleClaim
}

export const recordMap = (doc: Y.Doc, kind: Kind): Y.Map<unknown> => doc.getMap(kind)
export const essayMap = (doc: Y.Doc): Y.Map<string> => doc.getMap('essays')

/** The key a record has in its kind's map: what identifies this version of it. */
export function keyOf(kind: Kind, record: Record<string, unknown>): string {
  if (kind === 'events') return record.id as string
  if (kind === 'tagStyles') return record.name as string
  if (kind === 'dismissed') return record.key as string
  return record.version as string
}

/** Every record key the review file holds now (cheap: ids and versions only), as `kind:key`. */
export function localKeys(store: ReviewStore): string[] {
  return store.db
    .prepare(
      `SELECT 'claims:' || version FROM claim UNION ALL SELECT 'sources:' || version FROM source
       UNION ALL SELECT 'replies:' || version FROM reply UNION ALL SELECT 'tags:' || version FROM claim_tag
       UNION ALL SELECT 'corrections:' || version FROM correction UNION ALL SELECT 'events:' || id FROM claim_event
       UNION ALL SELECT 'tagStyles:' || name FROM tag_style UNION ALL SELECT 'dismissed:' || key FROM dismissed_suggestion
       UNION ALL SELECT 'workflow:' || version FROM claim_workflow`,
    )
    .pluck()
    .all() as string[]
}

export const splitKey = (full: string): [Kind, string] => {
  const at = full.indexOf(':')
  return [full.slice(0, at) as Kind, full.slice(at + 1)]
}

/** The keys of `keys` the shared document does not hold yet. */
export function missingIn(doc: Y.Doc, keys: string[]): string[] {
  return keys.filter((full) => {
    const [kind, key] = splitKey(full)
    return !recordMap(doc, kind).has(key)
  })
}

/** Keeps the newest versions only: a record whose version another record of the same entity has in its history is older. */
function heads<T extends { id: string; version: string; history: string[] }>(records: T[]): T[] {
  const older = new Set<string>()
  for (const r of records) for (const v of r.history) if (v !== r.version) older.add(`${r.id}:${v}`)
  return records.filter((r) => !older.has(`${r.id}:${r.version}`))
}

/**
 * The records that arrived (by `kind:key`) as an import's incoming review, checked like a bundle's:
 * a record that fails its schema is left out (and counted), never written. Claims placed on another
 * essay than ours are grouped by that essay, so the merge places them again by their quote.
 */
export function incomingFrom(
  doc: Y.Doc,
  keys: Iterable<string>,
  own: { text: string; hash: string; hasClaim: (id: string) => boolean },
): { batches: IncomingReview[]; refused: number; deferred: string[] } {
  const byKind = new Map<Kind, unknown[]>(KINDS.map((k) => [k, []]))
  let refused = 0
  const all = [...keys]
  // A record of a claim this review does not have (yet) waits for it: a bundle may not carry one either.
  const claimsHere = new Set<string>()
  for (const full of all) {
    const [kind, key] = splitKey(full)
    const entry = kind === 'claims' ? (recordMap(doc, kind).get(key) as ClaimEntry | undefined) : undefined
    if (typeof entry?.r?.id === 'string') claimsHere.add(entry.r.id)
  }
  const deferred: string[] = []
  for (const full of all) {
    const [kind, key] = splitKey(full)
    if (!schemas[kind]) continue
    const value = recordMap(doc, kind).get(key)
    if (value === undefined) continue
    const raw = kind === 'claims' ? (value as ClaimEntry).r : value
    const parsed = schemas[kind].safeParse(raw)
    if (!parsed.success) {
      refused++
      continue
    }
    const claimId = (parsed.data as { claimId?: string }).claimId
    if (claimId !== undefined && !claimsHere.has(claimId) && !own.hasClaim(claimId)) {
      deferred.push(full)
      continue
    }
    byKind.get(kind)!.push(kind === 'claims' ? { d: String((value as ClaimEntry).d), r: parsed.data } : parsed.data)
  }
  const claimsByEssay = new Map<string, BundleClaim[]>()
  for (const { d, r } of byKind.get('claims') as ClaimEntry[]) {
    const list = claimsByEssay.get(d) ?? []
    list.push(r)
    claimsByEssay.set(d, list)
  }
  const essays = essayMap(doc)
  const batches: IncomingReview[] = []
  for (const [hash, claims] of claimsByEssay) {
    const text = hash === own.hash ? own.text : (essays.get(hash) ?? '')
    batches.push({
      format: 'bundle',
      documentText: text,
      claims: heads(claims.map((c) => checkedPlace(c, text))),
      sources: [],
      notes: [],
    })
  }
  const rest: IncomingReview = {
    format: 'bundle',
    documentText: own.text,
    claims: [],
    sources: heads(byKind.get('sources') as ReviewBundle['sources']),
    replies: heads(byKind.get('replies') as ReviewBundle['replies']),
    tags: heads(byKind.get('tags') as ReviewBundle['tags']),
    corrections: heads(byKind.get('corrections') as ReviewBundle['corrections']),
    events: byKind.get('events') as ReviewBundle['events'],
    tagStyles: byKind.get('tagStyles') as ReviewBundle['tagStyles'],
    dismissedSuggestions: byKind.get('dismissed') as ReviewBundle['dismissedSuggestions'],
    // Assignments and sign-offs are versioned per claim: the newest of each claim's that arrived.
    workflow: heads((byKind.get('workflow') as BundleWorkflow[]).map((w) => ({ ...w, id: w.claimId }))).map(
      ({ id: _id, ...w }) => w,
    ),
    notes: [],
  }
  batches.push(rest)
  return { batches, refused, deferred }
}

/** A claim whose positions do not hold its quote on its essay is placed again by its quote (as validateBundle would refuse it). */
function checkedPlace(c: BundleClaim, text: string): BundleClaim {
  if (!c.anchored) return c
  if (c.start < c.end && cpSlice(text, c.start, c.end) === c.exact && c.history.includes(c.version)) return c
  return { ...c, anchored: false, history: c.history.includes(c.version) ? c.history : [...c.history, c.version] }
}

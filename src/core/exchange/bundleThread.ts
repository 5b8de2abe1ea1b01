import { errorText } from '../../shared/errors'
import { z } from 'zod'
import { LIMITS } from '../../shared/domain'
import { normalizeTagName, replyBodySchema, TAG_MAX, tagColorSchema } from '../../shared/thread'
import type { ReviewStore } from '../review/store'
import { reviewer, timestamp, uuid, versionedFields } from './bundleFields'
import { toEvent } from '../review/history'
import type Database from 'better-sqlite3'
import { toReply, type ReplyRow, type TagRow } from '../db/rows'

/**
 * The discussion part of a review bundle: replies, tags (with the review's tag colours) and the
 * per-claim history. The arrays are optional with a default of [], so bundles written before they
 * existed still import.
 */

export const BUNDLE_LIMITS = { replies: 200_000, tags: 200_000, tagStyles: 10_000, events: 1_000_000 } as const
/** History details are flat: each value text (at most this long), a number, true/false or null. */
const DETAIL_TEXT_MAX = LIMITS.quote

export const bundleReplySchema = z
  .object({
    id: uuid,
    claimId: uuid,
    author: reviewer,
    body: replyBodySchema.min(1),
    created: timestamp,
    ...versionedFields,
  })
  .strict()
export type BundleReply = z.infer<typeof bundleReplySchema>

export const bundleTagSchema = z
  .object({
    id: uuid,
    claimId: uuid,
    name: z
      .string()
      .min(1)
      .max(TAG_MAX * 2),
    author: reviewer,
    created: timestamp,
    ...versionedFields,
  })
  .strict()
export type BundleTag = z.infer<typeof bundleTagSchema>

export const bundleTagStyleSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(TAG_MAX * 2),
    color: tagColorSchema,
  })
  .strict()
export type BundleTagStyle = z.infer<typeof bundleTagStyleSchema>

const detailValue = z.union([z.string().max(DETAIL_TEXT_MAX), z.number(), z.boolean(), z.null()])
export const bundleEventSchema = z
  .object({
    id: uuid,
    claimId: uuid,
    at: timestamp,
    actor: reviewer,
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    detail: z.record(z.string().max(64), detailValue),
  })
  .strict()
export type BundleEvent = z.infer<typeof bundleEventSchema>

/** Spread into bundleSchema's object. */
export const threadBundleShape = {
  replies: z.array(bundleReplySchema).max(BUNDLE_LIMITS.replies).default([]),
  tags: z.array(bundleTagSchema).max(BUNDLE_LIMITS.tags).default([]),
  tagStyles: z.array(bundleTagStyleSchema).max(BUNDLE_LIMITS.tagStyles).default([]),
  events: z.array(bundleEventSchema).max(BUNDLE_LIMITS.events).default([]),
}

export interface BundleThread {
  replies: BundleReply[]
  tags: BundleTag[]
  tagStyles: BundleTagStyle[]
  events: BundleEvent[]
}

/** A history detail as the bundle carries it: flat values; anything nested is written as JSON text. */
export function flatDetail(detail: Record<string, unknown>): BundleEvent['detail'] {
  const out: BundleEvent['detail'] = {}
  for (const [k, v] of Object.entries(detail).slice(0, 50)) {
    if (k.length > 64) continue
    let value: string | number | boolean | null
    if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) value = v
    else value = typeof v === 'string' ? v : (JSON.stringify(v) ?? null)
    out[k] = typeof value === 'string' && value.length > DETAIL_TEXT_MAX ? value.slice(0, DETAIL_TEXT_MAX) : value
  }
  return out
}

/** Every reply and tag (tombstones included, with their version histories), the tag colours and the history. */
/** A reply row as the bundle (and live sync) writes it. */
export function toBundleReply(r: ReplyRow, history: string[]): BundleThread['replies'][number] {
  return { ...toReply(r), deleted: r.deleted === 1, history }
}

/** A tag row as the bundle (and live sync) writes it. */
export function toBundleTag(r: TagRow, history: string[]): BundleThread['tags'][number] {
  return {
    id: r.id,
    claimId: r.claim_id,
    name: r.name,
    author: r.author,
    created: r.created,
    modified: r.modified,
    revision: r.revision,
    deleted: r.deleted === 1,
    version: r.version,
    history,
  }
}

export function exportThread(store: ReviewStore, histories: Map<string, string[]>): BundleThread {
  const { db } = store
  const replies = (db.prepare(`SELECT * FROM reply ORDER BY claim_id, created, id`).all() as ReplyRow[]).map((r) =>
    toBundleReply(r, histories.get(r.id) ?? [r.version]),
  )
  const tags = (db.prepare(`SELECT * FROM claim_tag ORDER BY claim_id, created, id`).all() as TagRow[]).map((r) =>
    toBundleTag(r, histories.get(r.id) ?? [r.version]),
  )
  const tagStyles = db.prepare(`SELECT name, color FROM tag_style ORDER BY name`).all() as BundleTagStyle[]
  return { replies, tags, tagStyles, events: bundleEvents(db) }
}

/**
 * Every history entry of the review, by claim and oldest first, as the bundle has it. An import's entries share
 * one detail text ({file, change}): each text is read once, and the entries with it share the one
 * read-only detail (the bundle is only stringified or checked). The rows come as arrays, one at a
 * time: an import's 10,000 entries made as many row objects, all kept until the last was read.
 */
function bundleEvents(db: Database.Database): BundleEvent[] {
  const rows = db
    .prepare(`SELECT id, claim_id, at, actor, kind, detail_json FROM claim_event ORDER BY claim_id, at, id`)
    .raw()
    .iterate() as IterableIterator<string[]>
  const details = new Map<string, BundleEvent['detail']>()
  const events: BundleEvent[] = []
  for (const [id, claimId, at, actor, kind, json] of rows) {
    let detail = details.get(json)
    if (detail === undefined) {
      const row = { id, claim_id: claimId, at, actor, kind, detail_json: json }
      details.set(json, (detail = flatDetail(toEvent(row).detail)))
    }
    events.push({ id, claimId, at, actor, kind, detail })
  }
  return events
}

/** What the schema cannot check: unique ids, replies and tags of claims in the file, versions in histories, tag names. */
export function validateThread(
  bundle: BundleThread,
  refuse: (problem: string) => never,
  claimIds: Set<string>,
  takenIds: Set<string>,
): void {
  const ids = new Set(takenIds)
  const entity = (kind: string, e: { id: string; claimId: string; version: string; history: string[] }) => {
    if (ids.has(e.id) || claimIds.has(e.id)) refuse(`the id ${e.id} appears twice.`)
    ids.add(e.id)
    if (!claimIds.has(e.claimId)) refuse(`${kind} ${e.id} belongs to a claim that is not in the file.`)
    if (!e.history.includes(e.version)) refuse(`${kind} ${e.id}: its version is missing from its history.`)
  }
  for (const r of bundle.replies) {
    entity('reply', r)
    if (r.body.trim() === '') refuse(`reply ${r.id} has no text.`)
  }
  const tagName = (name: string, where: string) => {
    const n = normalizeTagName(name)
    if (!n.ok || n.name !== name)
      refuse(
        `${where}: “${name.slice(0, 60)}” is not a tag name Factdesk writes (${n.ok ? 'it is not normalized' : errorText('en', { code: n.reason, params: { max: TAG_MAX } })}).`,
      )
  }
  for (const t of bundle.tags) {
    entity('tag', t)
    tagName(t.name, `tag ${t.id}`)
  }
  const styled = new Set<string>()
  for (const s of bundle.tagStyles) {
    if (styled.has(s.name)) refuse(`the tag colour of “${s.name.slice(0, 60)}” is given twice.`)
    styled.add(s.name)
    tagName(s.name, 'a tag colour')
  }
  const eventIds = new Set<string>()
  for (const e of bundle.events) {
    if (eventIds.has(e.id)) refuse(`the history entry ${e.id} appears twice.`)
    eventIds.add(e.id)
    if (!claimIds.has(e.claimId)) refuse(`history entry ${e.id} belongs to a claim that is not in the file.`)
  }
}

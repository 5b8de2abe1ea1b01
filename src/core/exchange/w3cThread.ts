import { createHash } from 'node:crypto'
import { normalizeTagName } from '../../shared/thread'
import type { ReviewStore } from '../review/store'
import type { ReplyRow, TagRow } from '../db/rows'
import type { BundleReply, BundleTag, BundleTagStyle } from './bundleThread'
import { idFor, UUID_URN } from './w3cBodies'
import { optionalTime, type Json, type Refuse } from './w3cRead'
import { CONTEXT, uuidV5, X } from './w3cShared'

/**
 * Tags and replies in W3C Web Annotation terms: a tag is a `tagging` TextualBody of its claim's
 * annotation, a reply is an annotation with the motivation `replying` whose target is the claim's
 * annotation. Factdesk's own carry their version ids (factdesk:version), so an export read back is the
 * same tags and replies again. Tags and replies from other tools (Hypothesis, Recogito) become tags and
 * replies too, with versions made from their content, so importing the same file again changes nothing.
 */

const AUTHOR = 'factdesk:author'
const COLOR = 'factdesk:color'
/** A tag's own id: not `id`, which would make the body an External Web Resource (which may not have a purpose). */
const TAG_ID = 'factdesk:id'

export const replyDigest = (body: string): string =>
  createHash('sha256')
    .update(JSON.stringify(['reply', body]), 'utf8')
    .digest('hex')

/** Live tag rows by claim, each name once (the first tagging of it). */
function tagRows(store: ReviewStore): Map<string, TagRow[]> {
  const rows = store.db
    .prepare(`SELECT * FROM claim_tag WHERE deleted = 0 ORDER BY claim_id, created, id`)
    .all() as TagRow[]
  const out = new Map<string, TagRow[]>()
  for (const r of rows) {
    const list = out.get(r.claim_id) ?? []
    if (!list.some((t) => t.name === r.name)) list.push(r)
    out.set(r.claim_id, list)
  }
  return out
}

/** The export side: tag bodies per claim, and one `replying` annotation per live reply of a live claim. */
export function w3cThreadExport(store: ReviewStore, history: (id: string, version: string) => string[]) {
  const tags = tagRows(store)
  const colors = new Map(
    (store.db.prepare(`SELECT name, color FROM tag_style`).all() as BundleTagStyle[]).map((s) => [s.name, s.color]),
  )
  // Most claims have no tag: they share one empty list rather than make two each.
  const none: readonly Record<string, unknown>[] = []
  const tagBodies = (claimId: string): readonly Record<string, unknown>[] =>
    tags.get(claimId)?.map((t) => ({
      type: 'TextualBody',
      purpose: 'tagging',
      value: t.name,
      [TAG_ID]: `urn:uuid:${t.id}`,
      ...(t.author ? { [AUTHOR]: t.author } : {}),
      ...(colors.has(t.name) ? { [COLOR]: colors.get(t.name) } : {}),
      [X.created]: t.created,
      [X.modified]: t.modified,
      [X.revision]: t.revision,
      [X.version]: t.version,
      [X.history]: history(t.id, t.version),
    })) ?? none
  const replies = (
    store.db
      .prepare(
        `SELECT r.* FROM reply r JOIN claim c ON c.id = r.claim_id AND c.deleted = 0 WHERE r.deleted = 0 ORDER BY r.created, r.id`,
      )
      .all() as ReplyRow[]
  ).map((r) => ({
    '@context': CONTEXT,
    id: `urn:uuid:${r.id}`,
    type: 'Annotation',
    motivation: 'replying',
    created: r.created,
    modified: r.modified,
    ...(r.author ? { creator: { type: 'Person', name: r.author } } : {}),
    body: { type: 'TextualBody', purpose: 'replying', value: r.body, format: 'text/plain' },
    target: `urn:uuid:${r.claim_id}`,
    [X.revision]: r.revision,
    [X.version]: r.version,
    [X.history]: history(r.id, r.version),
    [X.digest]: replyDigest(r.body),
  }))
  return { tagBodies, replies }
}

/** A tagging body Factdesk wrote (it carries a version) with a tag name Factdesk accepts. */
export function isFactdeskTag(body: Json): boolean {
  if (typeof body[X.version] !== 'string' || typeof body.value !== 'string') return false
  const n = normalizeTagName(body.value)
  return n.ok && n.name === body.value
}

/** A reply Factdesk wrote: it carries a version. */
export const isFactdeskReply = (annotation: Json): boolean => typeof annotation[X.version] === 'string'

const historyOf = (ext: Json): { version: string; history: string[] } => {
  const version = ext[X.version] as string
  const history = Array.isArray(ext[X.history]) ? (ext[X.history] as string[]) : [version]
  return { version, history: history.includes(version) ? history : [...history, version] }
}

/** The tag (and its colour) a Factdesk tagging body describes; the bundle schema checks the values. */
export function readTag(
  body: Json,
  claimId: string,
  claimCreated: string,
  at: Refuse,
): { tag: Record<string, unknown>; style?: BundleTagStyle } {
  const name = body.value as string
  const created = optionalTime(body[X.created], "a tag's created time", at) ?? claimCreated
  const tag: Omit<BundleTag, 'revision'> & { revision: unknown } = {
    id:
      typeof body[TAG_ID] === 'string' && UUID_URN.test(body[TAG_ID])
        ? idFor(body[TAG_ID])
        : uuidV5(`${claimId}\ntag\n${name}`),
    claimId,
    name,
    author: typeof body[AUTHOR] === 'string' ? body[AUTHOR] : '',
    created,
    modified: optionalTime(body[X.modified], "a tag's modified time", at) ?? created,
    revision: body[X.revision] ?? 1,
    deleted: false,
    ...historyOf(body),
  }
  const color = body[COLOR]
  return { tag, style: typeof color === 'string' ? { name, color } : undefined }
}

/** The reply a Factdesk `replying` annotation describes. */
export function readReply(
  raw: Json,
  parsed: { rawId: string; creator: string; created?: string; modified?: string; comments: string[] },
  claimId: string,
  importTime: string,
  versionOf: (digest: string, ext: Json) => { version: string; history: string[] },
): Omit<BundleReply, 'revision'> & { revision: unknown } {
  const body = parsed.comments.join('\n\n').trim()
  const created = parsed.created ?? parsed.modified ?? importTime
  return {
    id: idFor(parsed.rawId),
    claimId,
    author: parsed.creator,
    body,
    created,
    modified: parsed.modified ?? created,
    revision: raw[X.revision] ?? 1,
    deleted: false,
    ...versionOf(replyDigest(body), raw),
  }
}

/** A tag from another tool (a `tagging` body without Factdesk's version): null when Factdesk cannot name a tag so. */
export function foreignTag(value: string, claimId: string, author: string, created: string): BundleTag | null {
  const n = normalizeTagName(value)
  if (!n.ok) return null
  const version = `w3c-${createHash('sha256')
    .update(JSON.stringify(['tag', n.name]), 'utf8')
    .digest('hex')
    .slice(0, 40)}`
  return {
    id: uuidV5(`${claimId}\ntag\n${n.name}`),
    claimId,
    name: n.name,
    author,
    created,
    modified: created,
    revision: 1,
    deleted: false,
    version,
    history: [version],
  }
}

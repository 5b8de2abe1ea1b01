import { z } from 'zod'
import { isHttpUrl } from '../../shared/url'
import { LIMITS } from '../../shared/domain'
import { blockSchema, essayText } from '../../shared/essay'
import { exportWorkflow, validateWorkflow, workflowBundleShape } from '../workflow/exchange'
import { FactdeskError } from '../../shared/errors'
import { CodePoints } from '../../shared/codePoints'
import type { ClaimRow } from '../db/rows'
import { contentHash, type ReviewStore } from '../review/store'
import { IMPORT_LIMITS } from './safeJson'
import { exportThread, threadBundleShape, validateThread } from './bundleThread'
import { exportExtras, extrasBundleShape, validateExtras } from './bundleExtras'
import { timestamp, uuid } from './bundleFields'
import { bundleClaims, bundleSources } from './exportRows'
import { readDocument } from '../document/queries'
import { quickBlocks, quickEntities } from './bundleFast'
import { bundleClaimSchema, bundleSourceSchema, type BundleClaim, type BundleSource } from './bundleEntities'

/**
 * The review bundle: a whole review as versioned JSON, for exchange between reviewers.
 * docs/review-bundle.schema.json is its JSON Schema; a test keeps the two in step.
 */
export const BUNDLE_FORMAT = 'factdesk-review-bundle'
/**
 * Version 2 added corrections, republication settings, the verdict scale and dismissed suggestions. The
 * schema refuses unknown keys, so a version 1 importer could not have read them: it refuses the file by
 * its version instead, asking for a newer Factdesk. Version 1 files are read as version 2 without them.
 * Version 3 added the team workflow (assignments and sign-offs, src/core/workflow/exchange.ts); older
 * files are read as version 3 without it.
 */
export const BUNDLE_VERSION = 3

export { bundleClaimSchema, bundleSourceSchema, type BundleClaim, type BundleSource }

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exported: timestamp,
    exportedBy: z.string().max(LIMITS.reviewerName),
    document: z
      .object({
        id: uuid,
        title: z.string().max(LIMITS.field),
        text: z.string().max(IMPORT_LIMITS.bytes),
        hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
        blocks: z.array(blockSchema).max(100_000),
        // The essay's own address and language (version 2), so a review made from the bundle keeps them.
        sourceUrl: z.string().max(LIMITS.url).optional(),
        language: z.string().max(LIMITS.field).optional(),
      })
      .strict(),
    claims: z.array(bundleClaimSchema).max(IMPORT_LIMITS.claims),
    sources: z.array(bundleSourceSchema).max(IMPORT_LIMITS.sources),
    reviewers: z.array(z.string().max(LIMITS.reviewerName)).max(10_000),
    // Replies, tags, tag colours and history: optional (default []), so older bundles still import.
    ...threadBundleShape,
    ...extrasBundleShape,
    ...workflowBundleShape,
  })
  .strict()
export type ReviewBundle = z.infer<typeof bundleSchema>

/** An essay file's front matter is not length-checked: a value too long for a bundle is left out. */
const fits = (value: string, max: number): string => (value.length <= max ? value : '')

/** A claim row as the bundle carries it (also one record of live sync, src/core/sync/records.ts). */
export function toBundleClaim(r: ClaimRow, history: string[]): BundleClaim {
  return {
    id: r.id,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    anchored: r.anchored === 1,
    textChanged: r.text_changed === 1,
    verdict: r.verdict,
    status: r.status,
    note: r.note,
    author: r.author,
    created: r.created,
    modified: r.modified,
    modifiedBy: r.modified_by,
    revision: r.revision,
    deleted: r.deleted === 1,
    version: r.version,
    history,
  }
}

/** The whole review, tombstones and version histories included. */
export function exportBundle(store: ReviewStore, actor: string): ReviewBundle {
  const doc = readDocument(store)
  const essay = store.db.prepare(`SELECT source_url, language FROM document LIMIT 1`).get() as {
    source_url: string
    language: string
  }
  const history = store.versionHistories()
  const claims = bundleClaims(store, history)
  const sources = bundleSources(store, history)
  const thread = exportThread(store, history)
  const names = new Set<string>()
  for (const c of claims) names.add(c.author).add(c.modifiedBy)
  for (const r of thread.replies) names.add(r.author)
  for (const t of thread.tags) names.add(t.author)
  const reviewers = [...names.add(actor)].filter(Boolean)
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exported: new Date().toISOString(),
    exportedBy: actor,
    document: {
      id: doc.id,
      title: doc.title,
      text: doc.text,
      hash: doc.hash,
      blocks: doc.blocks,
      sourceUrl: isHttpUrl(essay.source_url) ? fits(essay.source_url, LIMITS.url) : undefined,
      language: fits(essay.language, LIMITS.field),
    },
    claims,
    sources,
    reviewers: reviewers.sort(),
    ...thread,
    ...exportExtras(store, history),
    workflow: exportWorkflow(store, history),
  }
}

/** What is wrong where in the bundle is a technical detail (ids, paths), named inside the localised refusal. */
function refuse(name: string, problem: string): never {
  throw new FactdeskError('import-invalid-bundle', { file: name, detail: problem.replace(/\.$/, '') })
}

/** Schema, then the checks a schema cannot express. */
export function validateBundle(name: string, value: unknown): ReviewBundle {
  if (value && typeof value === 'object' && (value as { format?: unknown }).format === BUNDLE_FORMAT) {
    const v = (value as { version?: unknown }).version
    if (typeof v === 'number' && v > BUNDLE_VERSION) {
      throw new FactdeskError('import-newer-bundle', { file: name, version: v, supported: BUNDLE_VERSION })
    }
  }
  const upgraded = upgradeBundle(value)
  // Claims and sources that pass the quick check are not read by the schema again (./bundleFast.ts).
  const quick = quickEntities(upgraded)
  // So are the essay's blocks.
  const doc = (upgraded as { document?: unknown } | null)?.document
  const blocks = doc && typeof doc === 'object' ? quickBlocks((doc as { blocks?: unknown }).blocks) : null
  const rest = {
    ...(upgraded as object),
    ...(quick ? { claims: [], sources: [] } : {}),
    ...(blocks ? { document: { ...(doc as object), blocks: [] } } : {}),
  }
  const parsed = bundleSchema.safeParse(quick || blocks ? rest : upgraded)
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
    refuse(name, first.join('; '))
  }
  const bundle = {
    ...parsed.data,
    ...quick,
    ...(blocks ? { document: { ...parsed.data.document, blocks } } : {}),
  }
  const text = bundle.document.text
  if (essayText(bundle.document.blocks) !== text || contentHash(text) !== bundle.document.hash) {
    throw new FactdeskError('import-text-mismatch', { file: name })
  }
  const points = new CodePoints(text)
  const length = points.length
  const claimIds = new Set<string>()
  for (const c of bundle.claims) {
    if (claimIds.has(c.id)) refuse(name, `the claim id ${c.id} appears twice.`)
    claimIds.add(c.id)
    if (!c.history.includes(c.version)) refuse(name, `claim ${c.id}: its version is missing from its history.`)
    if (c.start >= c.end) refuse(name, `claim ${c.id}: it starts at ${c.start} but ends at ${c.end}.`)
    if (c.anchored) {
      if (c.end > length)
        refuse(name, `claim ${c.id}: its position ${c.start}–${c.end} is beyond the end of the text (${length}).`)
      if (text.slice(points.unit(c.start), points.unit(c.end)) !== c.exact)
        refuse(name, `claim ${c.id}: its quote does not match the document at ${c.start}–${c.end}.`)
    }
  }
  const sourceIds = new Set<string>()
  for (const s of bundle.sources) {
    if (sourceIds.has(s.id) || claimIds.has(s.id)) refuse(name, `the id ${s.id} appears twice.`)
    sourceIds.add(s.id)
    if (!claimIds.has(s.claimId)) refuse(name, `source ${s.id} belongs to a claim that is not in the file.`)
    if (!s.history.includes(s.version)) refuse(name, `source ${s.id}: its version is missing from its history.`)
  }
  validateThread(bundle, (problem) => refuse(name, problem), claimIds, sourceIds)
  const threadIds = new Set([...sourceIds, ...bundle.replies.map((r) => r.id), ...bundle.tags.map((t) => t.id)])
  validateExtras(bundle, (problem) => refuse(name, problem), claimIds, threadIds)
  validateWorkflow(bundle.workflow, (problem) => refuse(name, problem), claimIds)
  return bundle
}

/**
 * The migration of old bundles: a version 1 bundle is a version 2 bundle without the keys version 2
 * added (the schema gives them their defaults: no corrections, no settings, the receiving review's scale).
 */
function upgradeBundle(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const v = value as Record<string, unknown>
  return v.format === BUNDLE_FORMAT && (v.version === 1 || v.version === 2) ? { ...v, version: BUNDLE_VERSION } : value
}

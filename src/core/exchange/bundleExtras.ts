import { z } from 'zod'
import { LIMITS } from '../../shared/domain'
import { republishSettingKeys, republishSettingsPatchSchema, type RepublishSettings } from '../../shared/republish'
import { verdictScaleSchema, type VerdictScale } from '../../shared/scales'
import { suggestionKeySchema } from '../../shared/spotting'
import { toCorrection, type CorrectionRow } from '../db/rows'
import { storedScale } from '../scales/scales'
import { reviewer, timestamp, uuid, versionedFields } from './bundleFields'
import type { ReviewStore } from '../review/store'

/**
 * The rest of a review in a bundle (format version 2): corrections (proposed and applied, with who and
 * when, versioned like sources), the republication settings, the verdict scale and the dismissed claim
 * suggestions. All optional, so a version 1 bundle reads as one without them.
 */

/** '' while a correction is only proposed. */
const maybeTimestamp = z.union([z.literal(''), timestamp])

export const BUNDLE_EXTRA_LIMITS = { corrections: 200_000, dismissed: 200_000 } as const

export const bundleCorrectionSchema = z
  .object({
    id: uuid,
    claimId: uuid,
    original: z.string().max(LIMITS.quote),
    replacement: z.string().min(1).max(LIMITS.quote),
    explanation: z.string().max(LIMITS.note),
    state: z.enum(['proposed', 'applied']),
    proposedBy: reviewer,
    proposed: timestamp,
    appliedBy: reviewer,
    applied: maybeTimestamp,
    ...versionedFields,
  })
  .strict()
export type BundleCorrection = z.infer<typeof bundleCorrectionSchema>

export const bundleDismissedSchema = z
  .object({ key: suggestionKeySchema, dismissed: timestamp, actor: reviewer })
  .strict()
export type BundleDismissed = z.infer<typeof bundleDismissedSchema>

/** Only the settings the review has set: a field left to its default is absent. */
export const bundleRepublishSchema = republishSettingsPatchSchema
export type BundleRepublish = z.infer<typeof bundleRepublishSchema>

/** Spread into bundleSchema's object. */
export const extrasBundleShape = {
  corrections: z.array(bundleCorrectionSchema).max(BUNDLE_EXTRA_LIMITS.corrections).default([]),
  republish: bundleRepublishSchema.optional(),
  verdictScale: verdictScaleSchema.optional(),
  dismissedSuggestions: z.array(bundleDismissedSchema).max(BUNDLE_EXTRA_LIMITS.dismissed).default([]),
}

export interface BundleExtras {
  corrections: BundleCorrection[]
  republish?: BundleRepublish
  verdictScale?: VerdictScale
  dismissedSuggestions: BundleDismissed[]
}

const settingFields = Object.keys(republishSettingKeys) as (keyof RepublishSettings)[]

/** The republication settings the review has stored (not the defaults read from the essay). */
export function storedRepublish(store: ReviewStore): BundleRepublish {
  const get = store.db.prepare(`SELECT value FROM setting WHERE key = ?`).pluck()
  const out: Record<string, string> = {}
  for (const f of settingFields) {
    const v = get.get(republishSettingKeys[f]) as string | undefined
    if (v !== undefined && v !== '') out[f] = v
  }
  return out
}

export const toBundleCorrection = (r: CorrectionRow): Omit<BundleCorrection, 'history'> => ({
  ...toCorrection(r),
  modified: r.modified,
  revision: r.revision,
  deleted: r.deleted === 1,
  version: r.version,
})

export function exportExtras(store: ReviewStore, histories: Map<string, string[]>): BundleExtras {
  const { db } = store
  const corrections = (
    db.prepare(`SELECT * FROM correction ORDER BY claim_id, proposed, id`).all() as CorrectionRow[]
  ).map((r) => ({
    ...toBundleCorrection(r),
    history: histories.get(r.id) ?? [r.version],
  }))
  const dismissedSuggestions = db
    .prepare(`SELECT key, dismissed, actor FROM dismissed_suggestion ORDER BY key`)
    .all() as BundleDismissed[]
  const republish = storedRepublish(store)
  const verdictScale = storedScale(store)
  return {
    corrections,
    ...(Object.keys(republish).length ? { republish } : {}),
    ...(verdictScale ? { verdictScale } : {}),
    dismissedSuggestions,
  }
}

/** What the schema cannot check: unique ids, corrections of claims in the file, versions in histories. */
export function validateExtras(
  bundle: BundleExtras,
  refuse: (problem: string) => never,
  claimIds: Set<string>,
  takenIds: Set<string>,
): void {
  const ids = new Set<string>()
  for (const c of bundle.corrections) {
    if (ids.has(c.id) || takenIds.has(c.id) || claimIds.has(c.id)) refuse(`the id ${c.id} appears twice.`)
    ids.add(c.id)
    if (!claimIds.has(c.claimId)) refuse(`correction ${c.id} belongs to a claim that is not in the file.`)
    if (!c.history.includes(c.version)) refuse(`correction ${c.id}: its version is missing from its history.`)
    if (c.state === 'applied' && c.applied === '') refuse(`correction ${c.id} is applied but says not when.`)
  }
  const keys = new Set<string>()
  for (const d of bundle.dismissedSuggestions) {
    if (keys.has(d.key)) refuse(`the dismissed suggestion ${d.key.slice(0, 12)}… appears twice.`)
    keys.add(d.key)
  }
}

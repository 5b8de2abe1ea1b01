import { z } from 'zod'
import { httpUrl, LIMITS, statuses, verdictIdSchema } from '../../shared/domain'
import { history, timestamp, uuid, version, versionedFields } from './bundleFields'

/**
 * A bundle's claims and sources: the schemas (./bundle.ts reads whole bundles with them) and the types
 * the quick check (./bundleFast.ts) and the export (./exportRows.ts) share. A leaf, so those two need
 * not import bundle.ts, which imports them.
 */

const date = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])

export const bundleClaimSchema = z
  .object({
    id: uuid,
    exact: z.string().min(1).max(LIMITS.quote),
    prefix: z.string().max(LIMITS.context),
    suffix: z.string().max(LIMITS.context),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    anchored: z.boolean(),
    // Optional, so bundles made before the mark existed still import (absent: not marked).
    textChanged: z.boolean().optional(),
    // A verdict id of the exporting review's scale; the importing review checks it against its own.
    verdict: verdictIdSchema,
    status: z.enum(statuses),
    note: z.string().max(LIMITS.note),
    author: z.string().max(LIMITS.reviewerName),
    created: timestamp,
    modified: timestamp,
    modifiedBy: z.string().max(LIMITS.reviewerName),
    revision: z.number().int().min(1),
    deleted: z.boolean(),
    version,
    history,
  })
  .strict()
export type BundleClaim = z.infer<typeof bundleClaimSchema>

export const bundleSourceSchema = z
  .object({
    id: uuid,
    claimId: uuid,
    url: httpUrl,
    title: z.string().max(LIMITS.field),
    publisher: z.string().max(LIMITS.field),
    published: date,
    accessed: date,
    excerpt: z.string().max(LIMITS.excerpt),
    archiveUrl: z.union([z.literal(''), httpUrl]),
    created: timestamp,
    ...versionedFields,
  })
  .strict()
export type BundleSource = z.infer<typeof bundleSourceSchema>

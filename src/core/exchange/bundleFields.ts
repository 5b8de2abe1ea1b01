import { z } from 'zod'
import { LIMITS } from '../../shared/domain'

/** The field types every part of a review bundle uses (bundle.ts, bundleThread.ts, bundleExtras.ts). */
export const uuid = z.uuid()
export const version = z.string().min(1).max(64)
export const timestamp = z.iso.datetime({ offset: true })
/** Every version an entity has had as far as the exporting file knows: a merge reads ancestry from it. */
export const history = z.array(version).min(1).max(100_000)
export const reviewer = z.string().max(LIMITS.reviewerName)

/**
 * The last fields of every entity that merges by id and version (sources, corrections, replies, tags):
 * spread at the end of its object, so their order in the schema stays the same.
 */
export const versionedFields = {
  modified: timestamp,
  revision: z.number().int().min(1),
  deleted: z.boolean(),
  version,
  history,
}

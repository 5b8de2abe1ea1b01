import { z } from 'zod'
import { claimPatchSchema, statuses, verdicts, type Claim, type Status } from './domain'

/**
 * Search, filters and sort of the Claims panel: what the panel asks the review for, and the rules
 * both sides apply the same way (how text is folded for search, what the tally counts).
 */

export const SEARCH_QUERY_MAX = 500

export const claimSorts = ['position', 'modified'] as const
export type ClaimSort = (typeof claimSorts)[number]

export const claimFiltersSchema = z
  .object({
    // The claim's own schema, so a change of the verdict list (or the statuses) reaches the filter too.
    verdict: claimPatchSchema.shape.verdict,
    status: claimPatchSchema.shape.status,
    tag: z.string().max(200).optional(),
    /** Claims this reviewer marked (author) or changed last (modifiedBy). */
    reviewer: z.string().max(200).optional(),
    noSource: z.boolean().optional(),
    unanchored: z.boolean().optional(),
    conflict: z.boolean().optional(),
    /** Claims whose words changed since they were rated (their verdict awaits re-confirmation). */
    textChanged: z.boolean().optional(),
    /** Claims assigned to this reviewer (the panel's "Mine" filter passes the reviewer's own name). */
    assignee: z.string().max(200).optional(),
    /** Claims whose current verdict an editor signed off. */
    signedOff: z.boolean().optional(),
  })
  .strict()
export type ClaimFilters = z.infer<typeof claimFiltersSchema>

export const claimQuerySchema = z
  .object({
    query: z.string().max(SEARCH_QUERY_MAX).default(''),
    filters: claimFiltersSchema.default({}),
    sort: z.enum(claimSorts).default('position'),
  })
  .strict()
export type ClaimQuery = z.input<typeof claimQuerySchema>

export interface ClaimSearchResult {
  /** The live claims that match, in the asked order (anchored and unanchored alike). */
  ids: string[]
  /** Every tag on a live claim of the review, for the tag filter. */
  tags: string[]
  /** Everyone who marked or last changed a live claim, for the reviewer filter. */
  reviewers: string[]
}

/**
 * How search text is compared: NFC, lower case, and every run of white space (a line break between
 * paragraphs of a quote included) as one space. Applied to the indexed text and to the query alike.
 */
export function foldSearchText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim()
}

export function hasFilters(f: ClaimFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== false && v !== '')
}

export interface Tally {
  total: number
  /** Claims per verdict id: every id of `order` (zero or more), then any other id a claim carries. */
  verdicts: Record<string, number>
  statuses: Record<Status, number>
  /** Claims whose words changed since they were rated. */
  textChanged: number
}

/**
 * Counts per verdict and per status of every live claim (found in the essay or not). `order` is the
 * verdict ids of the review's scale ('unrated' first); ids it lacks are counted too, after it.
 */
export function tally(
  claims: readonly (Pick<Claim, 'verdict' | 'status'> & Partial<Pick<Claim, 'textChanged'>>)[],
  order: readonly string[] = verdicts,
): Tally {
  const out: Tally = {
    total: claims.length,
    verdicts: Object.fromEntries(order.map((v) => [v, 0])),
    statuses: Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>,
    textChanged: 0,
  }
  for (const c of claims) {
    out.verdicts[c.verdict] = (out.verdicts[c.verdict] ?? 0) + 1
    out.statuses[c.status] = (out.statuses[c.status] ?? 0) + 1
    if (c.textChanged) out.textChanged++
  }
  return out
}

import { z } from 'zod'
import { verdictIdSchema } from '../../shared/domain'
import { relation, wins } from '../exchange/mergeRules'
import type { MergeTouches } from '../exchange/mergeThread'
import { history, reviewer, timestamp, uuid, version } from '../exchange/bundleFields'
import type { ReviewStore } from '../review/store'
import type { WorkflowRow } from './queries'

/**
 * Assignment and sign-off in a bundle (format version 3) and in a merge. Each claim's row is versioned
 * under the id `workflow:<claim id>`; when both sides changed it since the version they share, the later
 * change wins (then the larger version id), as for corrections, so every merge order converges. A
 * sign-off carries the verdict it approved, so one merged next to a different verdict does not hold.
 */
const maybeTimestamp = z.union([z.literal(''), timestamp])

export const bundleWorkflowSchema = z
  .object({
    claimId: uuid,
    assignee: reviewer,
    signedBy: reviewer,
    signedAt: maybeTimestamp,
    signedVerdict: z.union([z.literal(''), verdictIdSchema]),
    modified: timestamp,
    modifiedBy: reviewer,
    revision: z.number().int().min(1),
    version,
    history,
  })
  .strict()
export type BundleWorkflow = z.infer<typeof bundleWorkflowSchema>

export const workflowBundleShape = { workflow: z.array(bundleWorkflowSchema).max(200_000).default([]) }

/** The id a claim's workflow row has in the review's version records. */
export const workflowEntityId = (claimId: string): string => `workflow:${claimId}`
const entityId = workflowEntityId

export function exportWorkflow(store: ReviewStore, histories: Map<string, string[]>): BundleWorkflow[] {
  const rows = store.db.prepare(`SELECT * FROM claim_workflow ORDER BY claim_id`).all() as WorkflowRow[]
  return rows.map((r) => toBundleWorkflow(r, histories.get(workflowEntityId(r.claim_id)) ?? [r.version]))
}

/** One claim's workflow row as the bundle (and live sync) carries it. */
export function toBundleWorkflow(r: WorkflowRow, history: string[]): BundleWorkflow {
  return {
    claimId: r.claim_id,
    assignee: r.assignee,
    signedBy: r.signed_by,
    signedAt: r.signed_at,
    signedVerdict: r.signed_verdict,
    modified: r.modified,
    modifiedBy: r.modified_by,
    revision: r.revision,
    version: r.version,
    history,
  }
}

export function validateWorkflow(
  entries: BundleWorkflow[],
  refuse: (problem: string) => never,
  claimIds: Set<string>,
): void {
  const seen = new Set<string>()
  for (const w of entries) {
    if (seen.has(w.claimId)) refuse(`the assignment of claim ${w.claimId} appears twice.`)
    seen.add(w.claimId)
    if (!claimIds.has(w.claimId)) refuse(`an assignment belongs to claim ${w.claimId}, which is not in the file.`)
    if (!w.history.includes(w.version))
      refuse(`the assignment of claim ${w.claimId}: its version is missing from its history.`)
  }
}

/** Call inside the merge's transaction, after the claims. Returns how many rows it took. */
export function mergeWorkflow(
  store: ReviewStore,
  entries: BundleWorkflow[],
  known: (id: string) => Set<string>,
  touched: MergeTouches,
): number {
  const { db } = store
  const remember = db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
  const claimExists = db.prepare(`SELECT 1 FROM claim WHERE id = ?`)
  const local = db.prepare(`SELECT * FROM claim_workflow WHERE claim_id = ?`)
  const write = db.prepare(
    `INSERT INTO claim_workflow (claim_id, assignee, signed_by, signed_at, signed_verdict, modified, modified_by, revision, version)
     VALUES (@claimId, @assignee, @signedBy, @signedAt, @signedVerdict, @modified, @modifiedBy, @revision, @version)
     ON CONFLICT (claim_id) DO UPDATE SET assignee = excluded.assignee, signed_by = excluded.signed_by, signed_at = excluded.signed_at,
       signed_verdict = excluded.signed_verdict, modified = excluded.modified, modified_by = excluded.modified_by,
       revision = excluded.revision, version = excluded.version`,
  )
  let taken = 0
  for (const w of entries) {
    if (!claimExists.get(w.claimId)) continue
    const ours = local.get(w.claimId) as WorkflowRow | undefined
    const rel = relation(known(entityId(w.claimId)), ours?.version, w)
    if (rel === 'new' || rel === 'theirs-newer' || (rel === 'concurrent' && ours && wins(w, ours))) {
      const { history: _history, ...row } = w
      write.run(row)
      touched.note(w.claimId, 'thread')
      taken++
    }
    for (const v of w.history) remember.run(entityId(w.claimId), v)
  }
  return taken
}

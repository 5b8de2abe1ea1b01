import { FactdeskError } from '../../shared/errors'
import { recordEvent } from '../review/history'
import type { WorkflowRow } from './queries'
import type { ReviewStore } from '../review/store'
import { getClaim } from '../claims/queries'

/**
 * Assignment and editor sign-off, one row per claim (claim_workflow), versioned like corrections so a
 * merge (file or live sync) takes the newer side and converges. Kept apart from the claim's own row so
 * assigning a claim never competes with its verdict in a merge.
 *
 * A sign-off stores the verdict it approved. It counts only while the claim still has that verdict and
 * its words have not changed since it was rated: a verdict changed later (here, or on another machine
 * and merged in) leaves the record in the history but not the approval.
 */

function write(
  store: ReviewStore,
  claimId: string,
  actor: string,
  change: Partial<Pick<WorkflowRow, 'assignee' | 'signed_by' | 'signed_at' | 'signed_verdict'>>,
  at: string,
): void {
  const current = store.db.prepare(`SELECT * FROM claim_workflow WHERE claim_id = ?`).get(claimId) as
    WorkflowRow | undefined
  const next = {
    assignee: current?.assignee ?? '',
    signed_by: current?.signed_by ?? '',
    signed_at: current?.signed_at ?? '',
    signed_verdict: current?.signed_verdict ?? '',
    ...change,
  }
  store.db
    .prepare(
      `INSERT INTO claim_workflow (claim_id, assignee, signed_by, signed_at, signed_verdict, modified, modified_by, revision, version)
       VALUES (@claimId, @assignee, @signed_by, @signed_at, @signed_verdict, @at, @actor, 1, @version)
       ON CONFLICT (claim_id) DO UPDATE SET assignee = excluded.assignee, signed_by = excluded.signed_by, signed_at = excluded.signed_at,
         signed_verdict = excluded.signed_verdict, modified = excluded.modified, modified_by = excluded.modified_by,
         revision = claim_workflow.revision + 1, version = excluded.version`,
    )
    .run({ claimId, ...next, at, actor, version: store.newVersion(`workflow:${claimId}`) })
}

/** Assigns the claim to `reviewer` ('' takes the assignment away). */
export function assignClaim(store: ReviewStore, claimId: string, reviewer: string, actor: string): void {
  const claim = getClaim(store, claimId)
  const to = reviewer.normalize('NFC').trim()
  if (to === claim.assignee) return
  const at = new Date().toISOString()
  store.db
    .transaction(() => {
      write(store, claimId, actor, { assignee: to }, at)
      recordEvent(store.db, claimId, actor, 'claim-assigned', { from: claim.assignee, to }, at)
    })
    .immediate()
}

/** Why `claimId` cannot be signed off now, or null when it can. */
export function signOffRefusal(store: ReviewStore, claimId: string): 'unrated' | 'no-source' | 'text-changed' | null {
  const claim = getClaim(store, claimId)
  if (claim.verdict === 'unrated') return 'unrated'
  if (claim.sources.length === 0) return 'no-source'
  if (claim.textChanged) return 'text-changed'
  return null
}

/** The refusal of each reason (texts: the catalogue's `errors`). */
const REFUSAL_CODE = {
  unrated: 'sign-off-unrated',
  'no-source': 'sign-off-no-source',
  'text-changed': 'sign-off-text-changed',
} as const

/** The editor approves the claim's current verdict; refused without a verdict and a source. */
export function signOffClaim(store: ReviewStore, claimId: string, actor: string): void {
  const refusal = signOffRefusal(store, claimId)
  if (refusal) throw new FactdeskError(REFUSAL_CODE[refusal])
  const claim = getClaim(store, claimId)
  if (claim.signedOff) return
  const at = new Date().toISOString()
  store.db
    .transaction(() => {
      write(store, claimId, actor, { signed_by: actor, signed_at: at, signed_verdict: claim.verdict }, at)
      recordEvent(store.db, claimId, actor, 'signed-off', { verdict: claim.verdict }, at)
    })
    .immediate()
}

/** Takes a sign-off back (also the Undo of a sign-off). */
export function withdrawSignOff(store: ReviewStore, claimId: string, actor: string): void {
  const row = store.db.prepare(`SELECT signed_by FROM claim_workflow WHERE claim_id = ?`).get(claimId) as
    { signed_by: string } | undefined
  getClaim(store, claimId)
  if (!row || row.signed_by === '') return
  const at = new Date().toISOString()
  store.db
    .transaction(() => {
      write(store, claimId, actor, { signed_by: '', signed_at: '', signed_verdict: '' }, at)
      recordEvent(store.db, claimId, actor, 'sign-off-withdrawn', { by: row.signed_by }, at)
    })
    .immediate()
}

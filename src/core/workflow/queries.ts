import type { SignOff } from '../../shared/workflow'
import { all, type Db } from '../db/query'

/** Reading a claim's assignment and sign-off (a leaf: claims/queries.ts reads it for every claim). */
export interface WorkflowRow {
  claim_id: string
  assignee: string
  signed_by: string
  signed_at: string
  signed_verdict: string
  modified: string
  modified_by: string
  revision: number
  version: string
}

export interface ClaimWorkflow {
  assignee: string
  signedOff: SignOff | null
}

const NONE: ClaimWorkflow = { assignee: '', signedOff: null }

/** Every claim's workflow (or one claim's), with sign-offs that no longer hold left out. */
export function workflowByClaim(
  db: Db,
  claimId?: string,
): (id: string, verdict: string, textChanged: boolean) => ClaimWorkflow {
  const rows =
    claimId === undefined
      ? all<WorkflowRow>(db, `SELECT * FROM claim_workflow`)
      : all<WorkflowRow>(db, `SELECT * FROM claim_workflow WHERE claim_id = ?`, claimId)
  const byClaim = new Map(rows.map((r) => [r.claim_id, r]))
  return (id, verdict, textChanged) => {
    const r = byClaim.get(id)
    if (!r) return NONE
    const holds = r.signed_by !== '' && r.signed_verdict === verdict && !textChanged
    return { assignee: r.assignee, signedOff: holds ? { by: r.signed_by, at: r.signed_at } : null }
  }
}

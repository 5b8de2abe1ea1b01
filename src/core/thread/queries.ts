import type { Reply } from '../../shared/thread'
import { all, allAs, type Db } from '../db/query'
import { toReply, type ReplyRow } from '../db/rows'

/** Live replies, oldest first, by claim (or of one claim). */
export function repliesByClaim(db: Db, claimId?: string): Map<string, Reply[]> {
  const replies =
    claimId === undefined
      ? allAs(toReply, db, `SELECT * FROM reply WHERE deleted = 0 ORDER BY created, id`)
      : allAs<ReplyRow, Reply>(
          toReply,
          db,
          `SELECT * FROM reply WHERE deleted = 0 AND claim_id = ? ORDER BY created, id`,
          claimId,
        )
  const out = new Map<string, Reply[]>()
  for (const r of replies) out.set(r.claimId, [...(out.get(r.claimId) ?? []), r])
  return out
}

/** Live tag names by claim (or of one claim), each name once, in the review's collation. */
export function tagsByClaim(db: Db, claimId?: string): Map<string, string[]> {
  type Row = { claim_id: string; name: string }
  const rows =
    claimId === undefined
      ? all<Row>(db, `SELECT DISTINCT claim_id, name FROM claim_tag WHERE deleted = 0`)
      : all<Row>(db, `SELECT DISTINCT claim_id, name FROM claim_tag WHERE deleted = 0 AND claim_id = ?`, claimId)
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.claim_id, [...(out.get(r.claim_id) ?? []), r.name])
  for (const list of out.values()) list.sort(collate)
  return out
}

const collator = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true })
export const collate = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)

/**
 * The text of a claim's discussion for a search index: its live replies' bodies and its tag names,
 * one per line. (Search indexes the claim's quote, note and sources itself.)
 */
export function threadText(db: Db, claimId: string): string {
  const replies = repliesByClaim(db, claimId).get(claimId) ?? []
  const tags = tagsByClaim(db, claimId).get(claimId) ?? []
  return [...replies.map((r) => r.body), ...tags].join('\n')
}

import type { Claim, Source } from '../../shared/domain'
import type { DeskClaim } from '../../shared/deskClaim'
import { FactdeskError } from '../../shared/errors'
import { exportedArchiveUrl, isHttpUrl } from '../../shared/url'
import { all, allAs, column, get, type Db } from '../db/query'
import {
  toClaim,
  toCorrection,
  toDeskClaim,
  toSource,
  type ClaimRow,
  type ClaimRelated,
  type CorrectionRow,
  type DeskClaimRow,
  type SourceRow,
} from '../db/rows'
import type { ReviewStore } from '../review/store'
import { repliesByClaim, tagsByClaim } from '../thread/queries'
import { workflowByClaim } from '../workflow/queries'

/** The live claims of the review, in essay order, with what hangs on them. */
export function listClaims(store: ReviewStore): Claim[] {
  return withRelated(
    store.db,
    all<ClaimRow>(store.db, `SELECT * FROM claim WHERE deleted = 0 ORDER BY start, end, created`),
    null,
    toClaim,
  )
}

/**
 * The live claims as the desk's page holds them (src/shared/deskClaim.ts), in essay order: only the
 * columns the page reads, so neither the quote's context nor the version is read, copied or sent.
 */
const DESK_COLUMNS = 'id, exact, start, end, verdict, status, note, author, created, modified, anchored, text_changed'

export function listDeskClaims(store: ReviewStore): DeskClaim[] {
  return withRelated(
    store.db,
    all<DeskClaimRow>(store.db, `SELECT ${DESK_COLUMNS} FROM claim WHERE deleted = 0 ORDER BY start, end, created`),
    null,
    toDeskClaim,
  )
}

/**
 * The live claims among `ids`, as the desk holds them, in essay order. A few (what an essay save
 * changed) are read one by one; many, with the whole list's one query per related table.
 */
export function deskClaimsOf(store: ReviewStore, ids: ReadonlySet<string>): DeskClaim[] {
  // A pause in typing changes none (useDocumentSync.ts): SQLite would still look through every claim.
  if (ids.size === 0) return []
  if (ids.size > 50) return listDeskClaims(store).filter((c) => ids.has(c.id))
  const rows = all<DeskClaimRow>(
    store.db,
    `SELECT ${DESK_COLUMNS} FROM claim WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))
     ORDER BY start, end, created`,
    JSON.stringify([...ids]),
  )
  return rows.flatMap((r) => withRelated(store.db, [r], r.id, toDeskClaim))
}

export function getClaim(store: ReviewStore, id: string): Claim {
  const row = get<ClaimRow>(store.db, `SELECT * FROM claim WHERE id = ? AND deleted = 0`, id)
  if (!row) throw new FactdeskError('claim-not-found', { id })
  return withRelated(store.db, [row], id, toClaim)[0]
}

export function getSource(store: ReviewStore, id: string): Source {
  const row = get<SourceRow>(store.db, `SELECT * FROM source WHERE id = ? AND deleted = 0`, id)
  if (!row) throw new FactdeskError('source-not-found', { id })
  return toSource(row)
}

/** Claims with what hangs on them, read with one query per related table. */
function withRelated<R extends Pick<ClaimRow, 'id' | 'verdict' | 'text_changed'>, C>(
  db: Db,
  rows: R[],
  claimId: string | null,
  make: (row: R, related: ClaimRelated) => C,
): C[] {
  const related = <T extends { claim_id: string }, U>(table: string, order: string, map: (row: T) => U) => {
    const where = claimId === null ? '' : ' AND claim_id = ?'
    const list = all<T>(
      db,
      `SELECT * FROM ${table} WHERE deleted = 0${where} ORDER BY ${order}`,
      ...(claimId === null ? [] : [claimId]),
    )
    const byClaim = new Map<string, U[]>()
    for (const row of list) byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), map(row)])
    return (id: string): U[] => byClaim.get(id) ?? []
  }
  const sources = related<SourceRow, Source>('source', 'created, id', toSource)
  const corrections = related<CorrectionRow, Claim['corrections'][number]>('correction', 'proposed, id', toCorrection)
  const conflicted = conflictedIds(db)
  const tags = tagsByClaim(db, claimId ?? undefined)
  const replies = repliesByClaim(db, claimId ?? undefined)
  const workflow = workflowByClaim(db, claimId ?? undefined)
  return rows.map((r) =>
    make(r, {
      ...workflow(r.id, r.verdict, r.text_changed === 1),
      sources: sources(r.id),
      corrections: corrections(r.id),
      hasConflict: conflicted.has(r.id),
      tags: tags.get(r.id) ?? [],
      replies: replies.get(r.id) ?? [],
    }),
  )
}

/** Claims (or claims of sources) with a conflict waiting for the user. */
export function conflictedClaimIds(store: Pick<ReviewStore, 'db'>): Set<string> {
  return conflictedIds(store.db)
}

function conflictedIds(db: Db): Set<string> {
  return new Set(
    column<string>(
      db,
      `SELECT c.entity_id AS id FROM conflict c WHERE c.resolved = '' AND c.entity = 'claim'
       UNION SELECT s.claim_id FROM conflict c JOIN source s ON s.id = c.entity_id WHERE c.resolved = '' AND c.entity = 'source'`,
    ),
  )
}

/** Every claim row, tombstones and unanchored claims included (for exports). */
export function allClaimRows(store: ReviewStore): ClaimRow[] {
  return all<ClaimRow>(store.db, `SELECT * FROM claim ORDER BY start, end, created, id`)
}

/**
 * Every source row (for exports). Factdesk stores only http(s) links, but a file changed by another
 * tool may hold others: an export never passes such a link on.
 */
export function allSourceRows(store: ReviewStore): SourceRow[] {
  return allAs<SourceRow, SourceRow>(
    (r) => (exportedArchiveUrl(r.archive_url) === r.archive_url ? r : { ...r, archive_url: '' }),
    store.db,
    `SELECT * FROM source ORDER BY claim_id, created, id`,
  ).filter((r) => isHttpUrl(r.url))
}

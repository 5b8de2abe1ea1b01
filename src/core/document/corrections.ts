import { randomUUID } from 'node:crypto'
import type { Correction } from '../../shared/domain'
import type { Block } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { $saveDocument, type ClaimRange } from './documentEdit'
import { recordEvent } from '../review/history'
import { toCorrection, type CorrectionRow } from '../db/rows'
import type { ReviewStore } from '../review/store'
import { getClaim } from '../claims/queries'
import { all, get } from '../db/query'

function row(store: ReviewStore, id: string): CorrectionRow {
  const r = get<CorrectionRow>(store.db, `SELECT * FROM correction WHERE id = ? AND deleted = 0`, id)
  if (!r) throw new FactdeskError('correction-not-found')
  return r
}

export function listCorrections(store: ReviewStore): Correction[] {
  const rows = all<CorrectionRow>(store.db, `SELECT * FROM correction WHERE deleted = 0 ORDER BY proposed, id`)
  return rows.map(toCorrection)
}

/** Proposes new wording for a claim's text; the original is the claim's wording now. */
export function proposeCorrection(
  store: ReviewStore,
  claimId: string,
  replacement: string,
  explanation: string,
  actor: string,
): Correction {
  const id = randomUUID()
  const now = new Date().toISOString()
  store.db
    .transaction(() => {
      const claim = getClaim(store, claimId)
      if (replacement === claim.exact) throw new FactdeskError('correction-unchanged')
      store.db
        .prepare(
          `INSERT INTO correction (id, claim_id, original, replacement, explanation, proposed_by, proposed, modified, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, claimId, claim.exact, replacement, explanation, actor, now, now, store.newVersion(id))
      recordEvent(store.db, claimId, actor, 'correction-proposed', { replacement })
    })
    .immediate()
  return toCorrection(row(store, id))
}

export function updateCorrection(store: ReviewStore, id: string, replacement: string, explanation: string): Correction {
  store.db
    .transaction(() => {
      if (row(store, id).state === 'applied') {
        throw new FactdeskError('correction-applied-locked')
      }
      store.db
        .prepare(
          `UPDATE correction SET replacement = ?, explanation = ?, modified = ?, revision = revision + 1, version = ? WHERE id = ?`,
        )
        .run(replacement, explanation, new Date().toISOString(), store.newVersion(id), id)
    })
    .immediate()
  return toCorrection(row(store, id))
}

export function deleteCorrection(store: ReviewStore, id: string, actor: string): void {
  store.db
    .transaction(() => {
      const r = row(store, id)
      if (r.state === 'applied') throw new FactdeskError('correction-applied-kept')
      store.db
        .prepare(`UPDATE correction SET deleted = 1, modified = ?, revision = revision + 1, version = ? WHERE id = ?`)
        .run(new Date().toISOString(), store.newVersion(id), id)
      recordEvent(store.db, r.claim_id, actor, 'correction-removed', {})
    })
    .immediate()
}

/**
 * Records an applied correction together with the essay as the editor changed it, in one transaction:
 * the claim must now read exactly the replacement, or nothing is saved. Answers the correction and the
 * claims the save changed beyond the ranges the page sent ($saveDocument), its own claim among them.
 */
export function applyCorrection(
  store: ReviewStore,
  id: string,
  blocks: Block[],
  ranges: ClaimRange[],
  actor: string,
): { correction: Correction; changed: Set<string> } {
  const changed = store.db
    .transaction(() => {
      const r = row(store, id)
      if (r.state === 'applied') throw new FactdeskError('correction-already-applied')
      const before = getClaim(store, r.claim_id).exact
      // Saving the essay applies the correction once the claim reads its replacement (documentEdit.ts).
      const saved = $saveDocument(store, { blocks }, ranges, actor)
      if (row(store, id).state !== 'applied') {
        throw new FactdeskError('correction-not-in-essay')
      }
      store.db.prepare(`UPDATE correction SET original = ? WHERE id = ?`).run(before, id)
      return saved.add(r.claim_id)
    })
    .immediate()
  return { correction: toCorrection(row(store, id)), changed }
}

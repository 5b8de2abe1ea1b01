import { useI18n } from '../i18n'
import type { ClaimQueryState } from '../state/useClaimQuery'
import type { Review } from '../state/useReview'
import { useWorkflowText } from '../workflowText'
import { useModeText } from '../modeText'
import { ClaimFilterBar } from './ClaimFilterBar'
import { ClaimTally } from './ClaimTally'
import { ClaimList } from './ClaimList'
import type { CorrectionActions } from './CorrectionsSection'
import { UnanchoredList } from './UnanchoredList'

/** Every claim of the review in essay order, with counts per verdict always in view. */
interface Props {
  review: Review
  onAttach: (id: string) => void
  onOpenConflict: (claimId: string) => void
  correctionActions: CorrectionActions
  /** Search, filters and sort (state/useClaimQuery.ts); the list shows what they leave. */
  query: ClaimQueryState
}

export function ClaimsPanel({ review, onAttach, onOpenConflict, correctionActions, query }: Props) {
  const { t } = useI18n()
  const w = useWorkflowText()
  const m = useModeText()
  const claims = query.visible.filter((c) => c.anchored)
  const unanchored = query.visible.filter((c) => !c.anchored)
  const notFoundCount = review.claims.filter((c) => !c.anchored).length

  return (
    <aside className="claims-panel" aria-labelledby="claims-heading">
      <header className="panel-header">
        <h2 id="claims-heading">{t.claims}</h2>
        {/* Every claim counts, as in the tally and the filters; those not found in the essay are said so. */}
        <span className="claim-count">{m.claimCount(review.claims.length, notFoundCount)}</span>
      </header>
      <ClaimTally claims={review.claims} query={query} />
      <ClaimFilterBar query={query} shown={query.visible.length} total={review.claims.length} />
      <UnanchoredList claims={unanchored} onAttach={onAttach} />
      {claims.length === 0 ? (
        review.claims.length > 0 && query.active ? (
          query.visible.length === 0 && <p className="empty">{w.noMatches}</p>
        ) : (
          <p className="empty">{t.noClaims}</p>
        )
      ) : (
        <ClaimList claims={claims} label={t.claims} review={review} onOpenConflict={onOpenConflict} correctionActions={correctionActions} />
      )}
    </aside>
  )
}

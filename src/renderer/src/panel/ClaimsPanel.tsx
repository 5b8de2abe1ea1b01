import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n'
import type { ClaimQueryState } from '../state/useClaimQuery'
import type { Review } from '../state/useReview'
import { useWorkflowText } from '../workflowText'
import { useModeText } from '../modeText'
import { ClaimFilterBar } from './ClaimFilterBar'
import { ClaimTally } from './ClaimTally'
import { ClaimCard } from './ClaimCard'
import type { CorrectionActions } from './CorrectionsSection'
import { UnanchoredList } from './UnanchoredList'
import { scrollWithin } from '../scrollWithin'

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
  const { activeId } = review
  const claims = query.visible.filter((c) => c.anchored)
  const unanchored = query.visible.filter((c) => !c.anchored)
  const notFoundCount = review.claims.filter((c) => !c.anchored).length
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    if (!activeId) return
    // The list scrolls, never the panel's header or the app's toolbar.
    scrollWithin(listRef.current, listRef.current?.querySelector(`[data-claim-id="${CSS.escape(activeId)}"]`))
  }, [activeId])

  return (
    <aside className="claims-panel" id="claims-panel" aria-labelledby="claims-heading">
      <div className="panel-top">
        <header className="panel-header">
          <h2 id="claims-heading">{t.claims}</h2>
          {/* Every claim counts, as in the tally and the filters; those not found in the essay are said so. */}
          <span className="claim-count">{m.claimCount(review.claims.length, notFoundCount)}</span>
        </header>
        {/* The search box comes before the tally's toggles in Tab order (and on screen). */}
        <ClaimFilterBar query={query} shown={query.visible.length} total={review.claims.length} />
        <ClaimTally claims={review.claims} query={query} />
        <UnanchoredList claims={unanchored} onAttach={onAttach} />
      </div>
      {claims.length === 0 ? (
        review.claims.length > 0 && query.active ? (
          query.visible.length === 0 && <p className="empty">{w.noMatches}</p>
        ) : (
          <p className="empty">{t.noClaims}</p>
        )
      ) : (
        <ol className="claim-list" aria-label={t.claims} ref={listRef}>
          {claims.map((c) => (
            <li key={c.id}>
              <ClaimCard
                claim={c}
                active={c.id === activeId}
                onSelect={review.setActiveId}
                onUpdate={review.updateClaim}
                onRemove={review.removeClaim}
                onAddSource={review.addSource}
                onUpdateSource={review.updateSource}
                onRemoveSource={review.removeSource}
                onOpenConflict={onOpenConflict}
                correctionActions={correctionActions}
                threadActions={review.thread}
                search={query.query.trim() ? query.query : undefined}
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}

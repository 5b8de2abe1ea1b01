import { useMemo } from 'react'
import { useI18n } from '../i18n'
import type { ClaimQueryState } from '../state/useClaimQuery'
import type { DeskClaim } from '../../../shared/deskClaim'
import { useDeskActions } from '../state/deskActions'
import { useKnownReviewerName } from '../state/reviewData'
import { useWorkflowText } from '../workflowText'
import { useModeText } from '../modeText'
import { ClaimFilterBar } from './ClaimFilterBar'
import { ClaimTally } from './ClaimTally'
import { ClaimList } from './ClaimList'
import { UnanchoredList } from './UnanchoredList'

/** Every claim of the review in essay order, with counts per verdict always in view. */
interface Props {
  /** Every claim of the review (the query cache's list). */
  claims: DeskClaim[]
  /** False until the claims list has arrived: the counts are loading, not zero. */
  loaded: boolean
  activeId: string | null
  /** Search, filters and sort (state/useClaimQuery.ts); the list shows what they leave. */
  query: ClaimQueryState
}

export function ClaimsPanel({ claims: all, loaded, activeId, query }: Props) {
  const { t } = useI18n()
  const w = useWorkflowText()
  const m = useModeText()
  const actions = useDeskActions()
  const reviewerName = useKnownReviewerName()
  // Split again only when the list changes, not on every render of the desk (a selection, a verdict).
  const { claims, unanchored } = useMemo(
    () => ({
      claims: query.visible.filter((c) => c.anchored),
      unanchored: query.visible.filter((c) => !c.anchored),
    }),
    [query.visible],
  )
  const notFoundCount = useMemo(() => all.filter((c) => !c.anchored).length, [all])

  return (
    <aside className="claims-panel" id="claims-panel" aria-labelledby="claims-heading">
      <div className="panel-top">
        <header className="panel-header">
          <h2 id="claims-heading">{t.claims}</h2>
          {/* Every claim counts, as in the tally and the filters; those not found in the essay are said so. */}
          <span className="claim-count" aria-busy={!loaded}>
            {loaded ? m.claimCount(all.length, notFoundCount) : m.claimsCounting}
          </span>
        </header>
        {/* The search box comes before the tally's toggles in Tab order (and on screen). */}
        <ClaimFilterBar
          query={query}
          shown={loaded && query.settled ? query.visible.length : null}
          total={all.length}
          reviewerName={reviewerName}
        />
        <ClaimTally claims={all} loaded={loaded} query={query} />
        <UnanchoredList claims={unanchored} onAttach={actions.attachSelection} />
      </div>
      {!loaded ? (
        <p className="loading">{t.loading}</p>
      ) : claims.length === 0 ? (
        all.length > 0 && query.active ? (
          query.visible.length === 0 && <p className="empty">{w.noMatches}</p>
        ) : (
          <p className="empty">{t.noClaims}</p>
        )
      ) : (
        <ClaimList
          claims={claims}
          label={t.claims}
          activeId={activeId}
          search={query.query.trim() ? query.query : undefined}
        />
      )}
    </aside>
  )
}

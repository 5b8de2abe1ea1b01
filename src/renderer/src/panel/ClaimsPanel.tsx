import { useEffect, useRef } from 'react'
import { verdicts, type Claim } from '../../../shared/domain'
import { useI18n } from '../i18n'
import type { Review } from '../state/useReview'
import { ClaimCard } from './ClaimCard'
import { UnanchoredList } from './UnanchoredList'

/** Every claim of the review in essay order, with counts per verdict always in view. */
interface Props {
  review: Review
  onAttach: (id: string) => void
  onOpenConflict: (claimId: string) => void
}

export function ClaimsPanel({ review, onAttach, onOpenConflict }: Props) {
  const { t, verdict } = useI18n()
  const { activeId } = review
  const claims = review.claims.filter((c) => c.anchored)
  const unanchored = review.claims.filter((c) => !c.anchored)
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    if (!activeId) return
    listRef.current
      ?.querySelector(`[data-claim-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [activeId])

  const counts = countByVerdict(claims)
  return (
    <aside className="claims-panel" aria-labelledby="claims-heading">
      <header className="panel-header">
        <h2 id="claims-heading">{t.claims}</h2>
        <span className="claim-count">{t.claimCount(claims.length)}</span>
      </header>
      {claims.length > 0 && (
        <ul className="verdict-counts" aria-label={t.verdictCounts}>
          {verdicts
            .filter((v) => counts[v] > 0)
            .map((v) => (
              <li key={v} data-verdict={v}>
                <span className="verdict-dot" aria-hidden /> {verdict(v)} {counts[v]}
              </li>
            ))}
        </ul>
      )}
      <UnanchoredList claims={unanchored} onAttach={onAttach} />
      {claims.length === 0 ? (
        <p className="empty">{t.noClaims}</p>
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
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}

function countByVerdict(claims: Claim[]): Record<Claim['verdict'], number> {
  const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Claim['verdict'], number>
  for (const c of claims) counts[c.verdict]++
  return counts
}

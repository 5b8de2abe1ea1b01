import { useMemo } from 'react'
import { statuses, type Status } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import { tally } from '../../../shared/claimQuery'
import { useI18n } from '../i18n'
import type { ClaimQueryState } from '../state/useClaimQuery'
import { useVerdictOrder } from '../state/verdictOrder'
import { useWorkflowText } from '../workflowText'
import { useTextChangedText } from '../textChangedText'
import { useModeText } from '../modeText'
import { HighlightLegend } from './HighlightLegend'

interface Props {
  /** Every live claim of the review: the counts are the review's, whatever the list shows. */
  claims: DeskClaim[]
  /** False until the claims list has arrived: each count says it is loading rather than 0. */
  loaded: boolean
  query: ClaimQueryState
}

/**
 * Counts per verdict and per status, always in view and computed from the claims as they are now (so
 * right after an edit or an import). Each count is also a toggle that filters the list by it.
 */
export function ClaimTally({ claims, loaded, query }: Props) {
  const { verdict, status } = useI18n()
  const w = useWorkflowText()
  const tc = useTextChangedText()
  const m = useModeText()
  const order = useVerdictOrder()
  // Counted again only when the claims change, not on every render of the desk (a selection, a dialog).
  const counts = useMemo(() => tally(claims, order), [claims, order])
  // Counted with the rest above, and named here, so the figures add up to the header's.
  const notFound = useMemo(() => claims.filter((c) => !c.anchored).length, [claims])
  const verdictIds = Object.keys(counts.verdicts)
  const n = (count: number) =>
    loaded ? (
      <span className="tally-n">{count}</span>
    ) : (
      <span className="tally-n loading-count" title={m.countLoading} aria-label={m.countLoading}>
        …
      </span>
    )
  return (
    <div className="tally" aria-busy={!loaded}>
      <ul className="verdict-counts" aria-label={w.tallyVerdicts}>
        {verdictIds.map((v) => {
          const on = query.filters.verdict === v
          return (
            <li key={v} data-verdict={v} className={loaded && counts.verdicts[v] === 0 ? 'zero' : undefined}>
              <button
                type="button"
                className="tally-item"
                aria-pressed={on}
                title={w.filterBy(verdict(v))}
                onClick={() => query.setFilter({ verdict: on ? undefined : v })}
              >
                <span className="verdict-dot" aria-hidden /> {verdict(v)} {n(counts.verdicts[v])}
              </button>
            </li>
          )
        })}
      </ul>
      <ul className="status-counts" aria-label={w.tallyStatuses}>
        {statuses.map((s: Status) => {
          const on = query.filters.status === s
          return (
            <li key={s} data-status={s} className={loaded && counts.statuses[s] === 0 ? 'zero' : undefined}>
              <button
                type="button"
                className="tally-item"
                aria-pressed={on}
                title={w.filterBy(status(s))}
                onClick={() => query.setFilter({ status: on ? undefined : s })}
              >
                {status(s)} {n(counts.statuses[s])}
              </button>
            </li>
          )
        })}
      </ul>
      {/* Verdicts awaiting re-confirmation: shown while there are any (or the filter is on). */}
      {(counts.textChanged > 0 || query.filters.textChanged) && (
        <ul className="status-counts" aria-label={tc.tally}>
          <li data-text-changed className={counts.textChanged === 0 ? 'zero' : undefined}>
            <button
              type="button"
              className="tally-item text-changed-count"
              aria-pressed={!!query.filters.textChanged}
              title={w.filterBy(tc.tally)}
              onClick={() => query.setFilter({ textChanged: query.filters.textChanged ? undefined : true })}
            >
              {tc.tally} <span className="tally-n">{counts.textChanged}</span>
            </button>
          </li>
        </ul>
      )}
      {notFound > 0 && (
        <button
          type="button"
          className="tally-item tally-not-found"
          aria-pressed={!!query.filters.unanchored}
          title={w.filterBy(m.notFound)}
          onClick={() => query.setFilter({ unanchored: query.filters.unanchored ? undefined : true })}
        >
          {m.notFound} <span className="tally-n">{notFound}</span>
        </button>
      )}
      <HighlightLegend />
    </div>
  )
}

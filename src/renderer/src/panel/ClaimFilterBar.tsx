import { useId } from 'react'
import { claimSorts, type ClaimSort } from '../../../shared/claimQuery'
import { statuses, type Status } from '../../../shared/domain'
import { useI18n } from '../i18n'
import type { ClaimQueryState } from '../state/useClaimQuery'
import { useVerdictOrder } from '../state/verdictOrder'
import { useWorkflowText } from '../workflowText'
import { isMac } from '../app/keys'
import { useTextChangedText } from '../textChangedText'
import { useTeamText } from '../teamText'
import { useModeText } from '../modeText'

interface Props {
  query: ClaimQueryState
  /** How many claims the list shows; null while that is not known yet (the answer is on its way). */
  shown: number | null
  total: number
  /** Who "me" is for the Assigned to me filter; null while the preferences are still being read. */
  reviewerName: string | null
}

/** Search box, filters and sort of the Claims panel. Search and every filter combine. */
export function ClaimFilterBar({ query, shown, total, reviewerName }: Props) {
  const tt = useTeamText()
  const { verdict, status, t } = useI18n()
  const w = useWorkflowText()
  const tc = useTextChangedText()
  const order = useVerdictOrder()
  const m = useModeText()
  const id = useId()
  const { filters, setFilter, setSearchBox } = query
  const filterCount = Object.keys(filters).length
  const mineUnavailable =
    reviewerName === null ? t.unavailableLoading : reviewerName === '' ? t.unavailableNoName : null
  return (
    <div className="claim-filters">
      <div className="search-row">
        <input
          ref={setSearchBox}
          type="search"
          className="claim-search"
          aria-label={w.searchClaims}
          placeholder={w.searchPlaceholder}
          aria-keyshortcuts={isMac ? 'Meta+F /' : 'Control+F /'}
          value={query.query}
          maxLength={500}
          onChange={(e) => query.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query.query !== '') {
              // Escape clears the box first (a second one leaves it to the browser).
              e.preventDefault()
              query.setQuery('')
            }
          }}
        />
        <label className="inline-field sort-field">
          <span>{w.sort}</span>
          <select value={query.sort} onChange={(e) => query.setSort(e.target.value as ClaimSort)}>
            {claimSorts.map((s) => (
              <option key={s} value={s}>
                {s === 'position' ? w.sortPosition : w.sortModified}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="filter-details">
        <summary>
          {w.filters}
          {filterCount > 0 ? ` (${filterCount})` : ''}
        </summary>
        <div className="filter-grid">
          <label htmlFor={`${id}-verdict`}>{w.filterVerdict}</label>
          <select
            id={`${id}-verdict`}
            value={filters.verdict ?? ''}
            onChange={(e) => setFilter({ verdict: e.target.value || undefined })}
          >
            <option value="">{w.allVerdicts}</option>
            {order.map((v) => (
              <option key={v} value={v}>
                {verdict(v)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-status`}>{w.filterStatus}</label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || undefined) as Status | undefined })}
          >
            <option value="">{w.allStatuses}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-tag`}>{w.filterTag}</label>
          <select
            id={`${id}-tag`}
            value={filters.tag ?? ''}
            onChange={(e) => setFilter({ tag: e.target.value || undefined })}
          >
            <option value="">{w.allTags}</option>
            {!query.facetsLoaded && <option disabled>{m.listLoading}</option>}
            {query.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reviewer`}>{w.filterReviewer}</label>
          <select
            id={`${id}-reviewer`}
            value={filters.reviewer ?? ''}
            onChange={(e) => setFilter({ reviewer: e.target.value || undefined })}
          >
            <option value="">{w.allReviewers}</option>
            {!query.facetsLoaded && <option disabled>{m.listLoading}</option>}
            {query.reviewers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <div className="filter-checks">
            <label>
              <input
                type="checkbox"
                checked={!!filters.noSource}
                onChange={(e) => setFilter({ noSource: e.target.checked })}
              />{' '}
              {w.noSource}
            </label>
            <label>
              <input
                type="checkbox"
                checked={!!filters.unanchored}
                onChange={(e) => setFilter({ unanchored: e.target.checked })}
              />{' '}
              {w.unanchored}
            </label>
            <label>
              <input
                type="checkbox"
                checked={!!filters.conflict}
                onChange={(e) => setFilter({ conflict: e.target.checked })}
              />{' '}
              {w.hasConflict}
            </label>
            <label>
              <input
                type="checkbox"
                checked={!!filters.textChanged}
                onChange={(e) => setFilter({ textChanged: e.target.checked })}
              />{' '}
              {tc.filter}
            </label>
            {/* Greyed out like a CommandButton: still reached by Tab, and it says why. */}
            <label title={mineUnavailable ?? undefined}>
              <input
                type="checkbox"
                checked={!!filters.assignee}
                aria-disabled={!!mineUnavailable || undefined}
                aria-describedby={mineUnavailable ? `${id}-mine-why` : undefined}
                onChange={(e) => {
                  if (reviewerName) setFilter({ assignee: e.target.checked ? reviewerName : undefined })
                }}
              />{' '}
              {tt.mine}
            </label>
            {mineUnavailable && (
              <span id={`${id}-mine-why`} hidden>
                {mineUnavailable}
              </span>
            )}
            <label>
              <input
                type="checkbox"
                checked={!!filters.signedOff}
                onChange={(e) => setFilter({ signedOff: e.target.checked })}
              />{' '}
              {tt.signedOffFilter}
            </label>
          </div>
        </div>
      </details>
      {query.active && (
        <div className="filter-status">
          <span role="status" aria-busy={shown === null}>
            {shown === null ? m.countLoading : w.shown(shown, total)}
          </span>
          <button type="button" className="link" onClick={query.clear}>
            {w.clearFilters}
          </button>
        </div>
      )}
    </div>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { foldSearchText, hasFilters, type ClaimFilters, type ClaimSort } from '../../../shared/claimQuery'
import type { Claim } from '../../../shared/domain'
import { call } from '../bridge'

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 120

/**
 * The Claims panel's search, filters and sort. The review answers which claims match (`claims-search`,
 * src/core/search/search.ts); the list itself always shows the claims as they are now, so an edit shows at
 * once, and the question is asked again after every change of the claims (an edit may make a claim
 * match or stop matching) and after an import.
 */
export function useClaimQuery(claims: Claim[], report: (err: unknown) => void) {
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<ClaimFilters>({})
  const [sort, setSort] = useState<ClaimSort>('position')
  const [answer, setAnswer] = useState<{ key: string; ids: string[] } | null>(null)
  const [facets, setFacets] = useState<{ tags: string[]; reviewers: string[] }>({ tags: [], reviewers: [] })
  const searchRef = useRef<HTMLInputElement>(null)
  const seq = useRef(0)

  const folded = foldSearchText(query)
  const active = folded !== '' || hasFilters(filters) || sort !== 'position'
  const key = JSON.stringify([folded, filters, sort])
  // What can change the answer: a claim's content, not its position (typing above a claim moves it
  // on every key, and its order among the others stays).
  const contentKey = useMemo(() => claims
        .map((c) => [c.id, c.modified, c.anchored, c.exact, c.tags.join(','), c.replies.map((r) => r.version).join(','), c.assignee, c.signedOff?.at ?? ''].join('|'))
        .join('\n'), [claims])

  useEffect(() => {
    const mine = ++seq.current
    const timer = setTimeout(() => {
      call('claims-search', { query: folded, filters, sort })
        .then((result) => {
          if (mine !== seq.current) return
          setAnswer({ key, ids: result.ids })
          setFacets({ tags: result.tags, reviewers: result.reviewers })
        })
        .catch((err: unknown) => {
          if (mine === seq.current) report(err)
        })
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
    // `contentKey` is a dependency on purpose: every change of a claim's content asks again.
  }, [key, contentKey, folded, filters, sort, report])

  /** The claims to list, in order: all of them when nothing narrows the list, else the answer's. */
  const visible = useMemo(() => {
    if (!active) return claims
    // Until the first answer to this question arrives, keep showing what the last answer showed.
    if (!answer) return claims
    const byId = new Map(claims.map((c) => [c.id, c]))
    return answer.ids.map((id) => byId.get(id)).filter((c): c is Claim => c !== undefined)
  }, [active, answer, claims])

  const setFilter = useCallback((patch: Partial<ClaimFilters>) => {
    setFilters((f) => {
      const next: ClaimFilters = { ...f, ...patch }
      for (const k of Object.keys(next) as (keyof ClaimFilters)[]) {
        if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k]
      }
      return next
    })
  }, [])

  const clear = useCallback(() => {
    setQuery('')
    setFilters({})
    setSort('position')
  }, [])

  const focusSearch = useCallback(() => {
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [])

  return {
    query,
    setQuery,
    filters,
    setFilter,
    sort,
    setSort,
    clear,
    active,
    /** Whether the list shows the answer to the current question (not an older one). */
    settled: !active || answer?.key === key,
    visible,
    tags: facets.tags,
    reviewers: facets.reviewers,
    searchRef,
    focusSearch,
  }
}

export type ClaimQueryState = ReturnType<typeof useClaimQuery>

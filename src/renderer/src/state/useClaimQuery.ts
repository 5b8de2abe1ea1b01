import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react'
import { foldSearchText, hasFilters, type ClaimFilters, type ClaimSort } from '../../../shared/claimQuery'
import type { DeskClaim } from '../../../shared/deskClaim'
import { call } from '../bridge'
import { keys } from './queryClient'
import { contentDigest } from './claimDigest'
import { useReviewShown } from './opening'

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 120

const noNames: string[] = []

/** `value` once its `key` and `contentKey` have stayed the same for `delay` ms (each change starts the wait again). */
function useSettled<T extends { key: string; contentKey: string }>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  const settle = useEffectEvent(() => setSettled(value))
  const same = settled.key === value.key && settled.contentKey === value.contentKey
  useEffect(() => {
    if (same) return
    const timer = setTimeout(() => settle(), delay)
    return () => clearTimeout(timer)
  }, [same, value.key, value.contentKey, delay])
  return settled
}

/**
 * The Claims panel's search, filters and sort. The review answers which claims match (`claims-search`,
 * src/core/search/search.ts); the list itself always shows the claims as they are now, so an edit shows at
 * once, and the question is asked again after every change of the claims (an edit may make a claim
 * match or stop matching) and after an import. Nothing is asked before the review is on the page
 * (opening.ts): until then the facets are loading, not empty.
 */
export function useClaimQuery(claims: DeskClaim[]) {
  const shown = useReviewShown()
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<ClaimFilters>({})
  const [sort, setSort] = useState<ClaimSort>('position')
  // The search box, once it is on the page (a callback ref: the panel renders it).
  const [searchBox, setSearchBox] = useState<HTMLInputElement | null>(null)

  const folded = foldSearchText(query)
  const active = folded !== '' || hasFilters(filters) || sort !== 'position'
  const key = JSON.stringify([folded, filters, sort])
  // What can change the answer: a claim's content, not its position (typing above a claim moves it
  // on every key, and its order among the others stays). A digest, not the fields themselves: it is
  // part of the query's key, which is hashed on every render of the desk (5,000 claims' fields would be
  // half a megabyte). Not before the review is on the page: nothing is asked until then, and at
  // 5,000 claims the first digest would hold back the render that builds the essay.
  const contentKey = useMemo(() => (shown ? contentDigest(claims) : ''), [shown, claims])

  // The question (and the claims' content) once typing pauses: each one is asked of the review once.
  const asked = useSettled({ key, question: { query: folded, filters, sort }, contentKey }, SEARCH_DELAY_MS)
  const { data } = useQuery({
    queryKey: keys.search(asked.question, asked.contentKey),
    queryFn: async () => ({ key: asked.key, ...(await call('claims-search', asked.question)) }),
    // Not a question about claims the list no longer has (at open: none yet), while the new one settles.
    enabled: shown && asked.contentKey === contentKey,
    // Until the answer to a new question arrives, the list shows what the last answer showed.
    placeholderData: keepPreviousData,
    // An answer to an older question or older claims is not asked for again.
    gcTime: 10_000,
  })
  const answer = data ?? null
  const facets = useMemo(() => ({ tags: answer?.tags ?? noNames, reviewers: answer?.reviewers ?? noNames }), [answer])

  /** The claims to list, in order: all of them when nothing narrows the list, else the answer's. */
  const visible = useMemo(() => {
    if (!active) return claims
    // Until the first answer to this question arrives, keep showing what the last answer showed.
    if (!answer) return claims
    const byId = new Map(claims.map((c) => [c.id, c]))
    return answer.ids.map((id) => byId.get(id)).filter((c): c is DeskClaim => c !== undefined)
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
    searchBox?.focus()
    searchBox?.select()
  }, [searchBox])

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
    /** The review has answered which tags and reviewers there are (the lists are empty until then). */
    facetsLoaded: answer !== null,
    setSearchBox,
    focusSearch,
  }
}

export type ClaimQueryState = ReturnType<typeof useClaimQuery>

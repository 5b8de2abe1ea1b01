import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { claimsQuery, queries } from './queryClient'

/** Clients whose review has been on the page: a desk part mounted later asks at once. */
const shownFor = new WeakSet<QueryClient>()

const loaded = (): true => true

/**
 * False until the review's essay and claims are on the page, then true for the page's life. Opening
 * a long review, the service answers the essay and the claims list first; reads the page does not
 * need to show them (the list's search and facets, conflicts, notices, the team server's state) wait
 * for this, so they are not served before them or parsed while the essay is being built.
 */
export function useReviewShown(): boolean {
  const client = useQueryClient()
  // The essay's and the claims' queries themselves (one request for every reader), reduced to
  // "answered" so a change of either does not render the caller again.
  const essay = useQuery({ ...queries.document, select: loaded })
  const claims = useQuery({ ...claimsQuery(client), select: loaded })
  const answered = (essay.data === true || essay.isError) && (claims.data === true || claims.isError)
  const [shown, setShown] = useState(() => shownFor.has(client))
  useEffect(() => {
    if (shown || !answered) return
    // The frame that shows the essay first, then the reads.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        shownFor.add(client)
        setShown(true)
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [client, shown, answered])
  return shown || shownFor.has(client)
}

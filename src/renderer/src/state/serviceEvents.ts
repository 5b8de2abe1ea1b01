import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import type { Events } from '../../../shared/contract'
import { on } from '../bridge'
import { keys } from './queryClient'

/**
 * The one place the page hears that the service's data changed. A changed review (opened, imported,
 * its scale switched, written by another process) makes every read of it stale, and those on screen
 * are read again; changed preferences arrive with the event itself.
 */
export function useServiceEvents(onReviewChanged: (reason: Events['review-changed']['reason']) => void): void {
  const client = useQueryClient()
  const reviewChanged = useEffectEvent(onReviewChanged)
  useEffect(() => {
    const offs = [
      on('review-changed', ({ reason }) => {
        reviewChanged(reason)
        // The preferences are read again with the review, as when the page first loads.
        void client.invalidateQueries({ queryKey: keys.review })
        void client.invalidateQueries({ queryKey: keys.prefs })
      }),
      on('prefs-changed', (prefs) => client.setQueryData(keys.prefs, prefs)),
    ]
    return () => offs.forEach((off) => off())
  }, [client])
}

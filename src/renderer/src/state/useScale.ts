import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ScaleChangeSummary, VerdictScale } from '../../../shared/scales'
import { call } from '../bridge'
import { keys, queries } from './queryClient'

/** The open review's verdict scale, read again whenever the review changes (opened, imported, switched). */
export function useScale() {
  const client = useQueryClient()
  const scale = useQuery(queries.scale).data ?? null

  /** Switches the review's scale; the service maps the verdicts and says how. Throws what the service refused. */
  const apply = useCallback(
    async (next: VerdictScale): Promise<ScaleChangeSummary> => {
      const summary = await call('scale-set', { scale: next })
      client.setQueryData(keys.scale, summary.scale)
      return summary
    },
    [client],
  )

  return { scale, apply }
}

export type ScaleState = ReturnType<typeof useScale>

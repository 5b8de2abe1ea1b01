import { useCallback, useEffect, useState } from 'react'
import type { ScaleChangeSummary, VerdictScale } from '../../../shared/scales'
import { call, on } from '../bridge'

/** The open review's verdict scale, read again whenever the review changes (opened, imported, switched). */
export function useScale(report: (err: unknown) => void) {
  const [scale, setScale] = useState<VerdictScale | null>(null)

  const reload = useCallback(async () => {
    try {
      setScale(await call('scale-get', {}))
    } catch (err) {
      report(err)
    }
  }, [report])

  useEffect(() => {
    void reload()
    return on('review-changed', () => void reload())
  }, [reload])

  /** Switches the review's scale; the service maps the verdicts and says how. Throws what the service refused. */
  const apply = useCallback(async (next: VerdictScale): Promise<ScaleChangeSummary> => {
    const summary = await call('scale-set', { scale: next })
    setScale(summary.scale)
    return summary
  }, [])

  return { scale, reload, apply }
}

export type ScaleState = ReturnType<typeof useScale>

import { useMemo } from 'react'
import { verdictIds, type VerdictScale } from '../../../shared/scales'
import { useI18n } from '../i18n'

/**
 * The verdict ids of the review's scale, 'unrated' first, in the order menus, the tally, the filter and
 * the number keys (0 = 'unrated', 1… = the levels) use: `verdictIds` of the review's scale (src/shared/scales.ts).
 */
export function useVerdictOrder(scale?: VerdictScale | null): readonly string[] {
  // Inside the app the i18n context carries the review's scale; App itself (outside it) passes the scale.
  const fromContext = useI18n().verdictIds
  return useMemo(() => (scale ? verdictIds(scale) : fromContext), [scale, fromContext])
}

import { useQuery } from '@tanstack/react-query'
import type { ReviewInfo } from '../../../shared/contract'
import { useI18n } from '../i18n'
import { queries } from '../state/queryClient'
import { perLang } from '../../../shared/i18n'

type Holder = NonNullable<ReviewInfo['readOnly']>

const text = perLang((c) => c.desk.readOnly)

/** Whether another window has the review open for writing (this one then only reads it). */
export function useReadOnly(): Holder | null {
  return useQuery(queries.info).data?.readOnly ?? null
}

/** The toolbar's read-only state: who has the review, and that this window takes over when they close it. */
export function ReadOnlyState({ holder }: { holder: Holder | null }) {
  const t = text[useI18n().lang]
  if (!holder) return null
  return (
    <span className="read-only-state" role="status" title={t.detail(holder)}>
      <strong>{t.label}</strong> <span className="read-only-detail">{t.detail(holder)}</span>
    </span>
  )
}

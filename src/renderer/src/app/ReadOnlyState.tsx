import { useQuery } from '@tanstack/react-query'
import type { ReviewInfo } from '../../../shared/contract'
import { useI18n } from '../i18n'
import { queries } from '../state/queryClient'

type Holder = NonNullable<ReviewInfo['readOnly']>

const text = {
  en: {
    label: 'Read-only',
    detail: (h: Holder) =>
      `This review is open for editing in another Factdesk window (process ${h.pid}${h.host ? ` on ${h.host}` : ''}). You can read, search and export it here; close it there to edit here — this window takes over by itself.`,
  },
  ko: {
    label: '읽기 전용',
    detail: (h: Holder) =>
      `이 검토 파일은 다른 Factdesk 창(프로세스 ${h.pid}${h.host ? `, ${h.host}` : ''})에서 편집 중입니다. 여기서는 읽고 검색하고 내보낼 수 있습니다. 그 창을 닫으면 이 창에서 바로 편집할 수 있습니다.`,
  },
}

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

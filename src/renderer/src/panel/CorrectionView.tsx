import type { Correction } from '../../../shared/domain'
import { useI18n } from '../i18n'

/**
 * What a correction says, wherever it is listed: the change, its explanation, and who proposed or
 * applied it when; `waiting` is added to a proposed one's line (why it cannot be applied yet).
 */
export function CorrectionView({ correction: k, waiting }: { correction: Correction; waiting?: string }) {
  const { t, dateTime } = useI18n()
  return (
    <>
      <p className="correction-change">
        <del>{k.original}</del> → <ins>{k.replacement}</ins>
      </p>
      {k.explanation && <p className="correction-explanation">{k.explanation}</p>}
      <p className="correction-meta">
        {k.state === 'applied'
          ? `${t.correctionApplied} · ${k.appliedBy || '—'} · ${dateTime(k.applied)}`
          : `${t.correctionProposed} · ${k.proposedBy || '—'} · ${dateTime(k.proposed)}${waiting ? ` · ${waiting}` : ''}`}
      </p>
    </>
  )
}

import type { DeskClaim } from '../../../shared/deskClaim'
import { useI18n } from '../i18n'
import { CorrectionView } from './CorrectionView'

interface Props {
  claims: DeskClaim[]
  onAttach: (id: string) => void
}

/**
 * Claims whose text was not found in this essay: listed with their quote, never drawn on other text,
 * with the note and the corrections they carry, so nothing of the review is out of sight while the
 * claim waits to be attached (a correction is applied once it is).
 */
export function UnanchoredList({ claims, onAttach }: Props) {
  const { t, verdict } = useI18n()
  if (claims.length === 0) return null
  return (
    <section className="unanchored" aria-labelledby="unanchored-heading">
      <h3 id="unanchored-heading">
        {t.unanchoredHeading} ({claims.length})
      </h3>
      <p className="hint">{t.unanchoredHint}</p>
      <ul aria-label={t.unanchoredHeading}>
        {claims.map((c) => (
          <li key={c.id} data-verdict={c.verdict}>
            <q>{c.exact}</q>
            <span className="verdict-label">{verdict(c.verdict)}</span>
            {c.note && <p className="unanchored-note">{c.note}</p>}
            {c.corrections.length > 0 && (
              <ul className="corrections" aria-label={t.corrections}>
                {c.corrections.map((k) => (
                  <li key={k.id} className={`correction correction-${k.state}`}>
                    <CorrectionView correction={k} waiting={t.unanchoredCorrectionHint} />
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onAttach(c.id)}>
              {t.attachToSelection}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

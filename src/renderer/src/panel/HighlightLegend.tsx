import { useI18n } from '../i18n'

/** What the highlights in the essay mean, drawn with the same styles (styles.css, "Highlights"). */
export function HighlightLegend() {
  const { t } = useI18n()
  const sample = (className: string, verdict = 'unrated') => (
    <span className={`claim-mark legend-sample ${className}`} data-verdict={verdict} aria-hidden>
      가A
    </span>
  )
  return (
    <ul className="highlight-legend" aria-label={t.legend}>
      <li>
        {sample('claim-mark-start claim-mark-end', 'true')} {t.legendVerdict}
      </li>
      <li>
        {sample('claim-mark-end')}
        {sample('claim-mark-start')} {t.legendEdges}
      </li>
      <li>
        {sample('claim-mark-overlap claim-mark-start claim-mark-end')} {t.legendOverlap}
      </li>
      <li>
        {sample('claim-mark-active claim-mark-start claim-mark-end')} {t.legendSelected}
      </li>
      <li>
        {sample('claim-mark-text-changed claim-mark-start claim-mark-end')} {t.legendChanged}
      </li>
    </ul>
  )
}

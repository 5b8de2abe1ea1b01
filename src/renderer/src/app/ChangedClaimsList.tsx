import type { ChangedClaim } from '../../../shared/exchange'
import { useTextChangedText } from '../textChangedText'

/** The import summary's list of claims re-anchored onto other words: the file's quote and the essay's words now. */
export function ChangedClaimsList({ changed }: { changed: readonly ChangedClaim[] | undefined }) {
  const s = useTextChangedText()
  if (!changed || changed.length === 0) return null
  return (
    <section className="changed-claims-section" aria-label={s.changedTitle}>
      <h4>
        {s.changedTitle} ({changed.length})
      </h4>
      <p>{s.changedIntro}</p>
      <ul className="changed-claims">
        {changed.map((c) => (
          <li key={c.id} data-claim-id={c.id}>
            {s.before}: <del>{c.before}</del>
            <br />
            {s.after}: <ins>{c.after}</ins>
          </li>
        ))}
      </ul>
    </section>
  )
}

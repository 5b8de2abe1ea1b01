import { useState } from 'react'
import type { WordImportResult } from '../../../shared/wordReview'
import { useI18n } from '../i18n'
import { CommandButton } from './CommandButton'
import { useWordText } from './wordText'

/**
 * The part of the import summary a reviewed Word document adds: its counts, the threads resolved in
 * Word (the reviewer confirms which claims become checked), the comments not found and the places the
 * document's text differs from the essay.
 */
export function WordImportSection({
  word,
  onAcceptResolved,
}: {
  word: WordImportResult
  onAcceptResolved?: (ids: string[]) => Promise<void>
}) {
  const w = useWordText()
  const { t } = useI18n()
  const pending = word.resolvedClaims.filter((r) => !r.accepted)
  const accepted = word.resolvedClaims.filter((r) => r.accepted)
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(pending.map((r) => r.claimId)))
  const [done, setDone] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const counts = [
    [w.repliesAdded, word.repliesAdded],
    [w.claimsAdded, word.claimsAdded],
    [w.correctionsProposed, word.correctionsProposed],
    [w.resolved, word.resolved],
    [w.notFound, word.notFound],
  ] as const
  return (
    <section className="word-import" aria-label={w.fromWord}>
      <h4>{w.fromWord}</h4>
      <dl className="summary-counts">
        {counts.map(([label, n]) => (
          <div key={label} className={n > 0 && label === w.notFound ? 'attention' : undefined}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {!word.ownExport && <p>{w.notOwnExport}</p>}
      {word.correctionsProposed > 0 && <p>{w.proposedNote}</p>}
      {accepted.length > 0 && (
        <>
          <p>{w.resolvedAccepted}</p>
          <ul className="unanchored-quotes">
            {accepted.map((r) => (
              <li key={r.claimId}>
                <q>{r.exact}</q>
              </li>
            ))}
          </ul>
        </>
      )}
      {pending.length > 0 && (
        <fieldset className="word-resolved">
          <legend>{w.resolvedExplained}</legend>
          {pending.map((r) => (
            <label key={r.claimId} className="word-resolved-item">
              <input
                type="checkbox"
                checked={chosen.has(r.claimId)}
                disabled={done !== null}
                onChange={(e) => {
                  const next = new Set(chosen)
                  if (e.target.checked) next.add(r.claimId)
                  else next.delete(r.claimId)
                  setChosen(next)
                }}
              />{' '}
              <q>{r.exact}</q> <small>({w.resolvedBy(r.author)})</small>
            </label>
          ))}
          {done === null ? (
            <CommandButton
              unavailable={chosen.size === 0 ? t.unavailableNoneChosen : null}
              disabled={busy || !onAcceptResolved}
              onClick={() => {
                setBusy(true)
                const ids = [...chosen]
                void onAcceptResolved?.(ids).then(
                  () => setDone(ids.length),
                  () => setBusy(false),
                )
              }}
            >
              {w.markChecked(chosen.size)}
            </CommandButton>
          ) : (
            <p role="status">{w.markedChecked(done)}</p>
          )}
        </fieldset>
      )}
      {word.notFoundComments.length > 0 && (
        <>
          <p>{w.notFoundExplained}</p>
          <ul className="unanchored-quotes">
            {word.notFoundComments.map((n, i) => (
              <li key={i}>
                {n.author}: “{n.comment}”
                {n.quote ? (
                  <>
                    {' '}
                    — <q>{n.quote}</q>
                  </>
                ) : null}{' '}
                <small>({w.reasons[n.reason]})</small>
              </li>
            ))}
          </ul>
        </>
      )}
      {word.textDiffers.length > 0 && (
        <>
          <p>{w.textDiffersExplained}</p>
          <ul className="word-differs">
            {word.textDiffers.map((d, i) => (
              <li key={i}>
                {w.essay}: <q>{d.essay}</q> · {w.document}: <q>{d.document}</q>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

import { useEffect, useRef } from 'react'
import { useReturnFocus } from './focusReturn'
import { noteText, type ImportSummary } from '../../../shared/exchange'
import { useI18n } from '../i18n'
import { useThreadText } from '../panel/threadStrings'
import { useUndoText } from '../undoText'
import { ChangedClaimsList } from './ChangedClaimsList'
import { WordImportSection } from './WordImportSection'

/** After an import: what came in, what conflicts, what could not be found in this essay. */
export function ImportSummaryDialog({
  summaries,
  onClose,
  onUndo,
  onAcceptResolved,
}: {
  summaries: ImportSummary[]
  onClose: () => void
  /** Takes these imports back (absent when they cannot be). */
  onUndo?: () => void
  /** A reviewed Word document: marks the claims whose comments were resolved in Word as checked. */
  onAcceptResolved?: (claimIds: string[]) => Promise<void>
}) {
  const { t, lang } = useI18n()
  const u = useUndoText()
  const th = useThreadText()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  useEffect(() => ref.current?.showModal(), [])
  return (
    <dialog ref={ref} className="summary-dialog" aria-labelledby="import-summary-title" onClose={onClose}>
      <h2 id="import-summary-title">{t.importSummary}</h2>
      {summaries.map((s, i) => (
        <section key={i} className="import-summary" aria-label={s.fileName}>
          <h3>{s.fileName}</h3>
          <dl className="summary-counts">
            {(
              [
                ['added', s.added],
                ['updated', s.updated],
                ['unchanged', s.unchanged],
                ['deletedCount', s.deleted],
                ['conflicts', s.conflicts],
                ['unanchoredCount', s.unanchored.length],
                ['sourcesAdded', s.sourcesAdded],
                ['sourcesUpdated', s.sourcesUpdated],
              ] as const
            ).map(([key, n]) => (
              <div
                key={key}
                className={n > 0 && (key === 'conflicts' || key === 'unanchoredCount') ? 'attention' : undefined}
              >
                <dt>{t[key]}</dt>
                <dd>{n}</dd>
              </div>
            ))}
            {(
              [
                ['repliesAdded', s.repliesAdded ?? 0],
                ['repliesUpdated', s.repliesUpdated ?? 0],
                ['tagsChanged', s.tagsChanged ?? 0],
                ['correctionsChanged', s.correctionsChanged ?? 0],
                ['settingsTaken', s.settingsTaken ?? 0],
                ['dismissedAdded', s.dismissedAdded ?? 0],
              ] as const
            )
              .filter(([, n]) => n > 0)
              .map(([key, n]) => (
                <div key={key}>
                  <dt>{th[key]}</dt>
                  <dd>{n}</dd>
                </div>
              ))}
          </dl>
          {s.documentDiffers && <p>{t.documentDiffers}</p>}
          <ChangedClaimsList changed={s.changedClaims} />
          {s.word && <WordImportSection word={s.word} onAcceptResolved={onAcceptResolved} />}
          {s.unanchored.length > 0 && (
            <>
              <p>{t.unanchoredExplained}</p>
              <ul className="unanchored-quotes">
                {s.unanchored.map((u) => (
                  <li key={u.id}>
                    <q>{u.exact}</q>
                  </li>
                ))}
              </ul>
            </>
          )}
          {s.notes.length > 0 && (
            <ul className="summary-notes">
              {s.notes.map((n, j) => (
                <li key={j}>{noteText(lang, n)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <form method="dialog" className="form-actions">
        {onUndo && (
          <button type="button" title={u.undoImportHint} onClick={onUndo}>
            {u.undoImport}
          </button>
        )}
        <button type="submit" className="primary" autoFocus>
          {t.close}
        </button>
      </form>
    </dialog>
  )
}

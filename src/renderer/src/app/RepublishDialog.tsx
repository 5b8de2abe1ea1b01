import { useEffect, useId, useRef } from 'react'
import { readerFormats, type Republish, type RepublishChoice, type RepublishState } from '../state/useRepublish'
import { useTeamText } from '../teamText'
import { useReturnFocus } from './focusReturn'
import { useRepublishText } from './republishText'
import { useTextChangedText } from '../textChangedText'
import { useModeText } from '../modeText'
import { useWordText } from './wordText'

/**
 * An export for republication before it is saved: progress while it is made, then what it holds (the
 * counts), a preview of Markdown (as text) and HTML (in a sandboxed frame that runs nothing), and
 * Save / Cancel. A failure is shown here with its reason; nothing was written.
 */
export function RepublishDialog({ republish, onOpenSettings }: { republish: Republish; onOpenSettings: () => void }) {
  const w = useRepublishText()
  const tc = useTextChangedText()
  const m = useModeText()
  const wt = useWordText()
  const tt = useTeamText()
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const { state } = republish
  // The focus goes back where it was when this closes.
  useReturnFocus(state.phase !== 'idle')
  useEffect(() => {
    if (state.phase !== 'idle' && !ref.current?.open) ref.current?.showModal()
  }, [state.phase])
  if (state.phase === 'idle') return null
  const name = w.formatNames[state.format]
  const file = state.phase === 'ready' ? state.file : null
  const counts = file?.counts
  return (
    <dialog
      ref={ref}
      className="summary-dialog republish-dialog"
      aria-labelledby={`${id}-title`}
      aria-busy={state.phase === 'exporting'}
      onClose={republish.close}
    >
      <h2 id={`${id}-title`}>{w.exportTitle(name)}</h2>
      {state.phase === 'exporting' && (
        <div role="status" className="republish-progress">
          <progress aria-label={w.exporting(name)} />
          <span>{w.preparing(name)}</span>
        </div>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="republish-error">
          {w.failed}: {state.message}
        </p>
      )}
      {state.format === 'docx' && (
        <label className="republish-option">
          <input
            type="checkbox"
            checked={state.forReview === true}
            disabled={state.phase === 'exporting'}
            onChange={(event) => void republish.start('docx', { forReview: event.target.checked })}
          />{' '}
          {wt.forReview}
        </label>
      )}
      {readerFormats.includes(state.format) && !state.forReview && (
        <label className="republish-option">
          <input
            type="checkbox"
            checked={state.includeUnrated === true}
            disabled={state.phase === 'exporting'}
            onChange={(event) =>
              void republish.start(state.format, { ...choiceOf(state), includeUnrated: event.target.checked })
            }
          />{' '}
          {w.includeUnrated}
        </label>
      )}
      {(readerFormats.includes(state.format) || state.format === 'claimreview') && !state.forReview && (
        <label className="republish-option">
          <input
            type="checkbox"
            checked={state.signedOffOnly === true}
            disabled={state.phase === 'exporting'}
            onChange={(event) =>
              void republish.start(state.format, { ...choiceOf(state), signedOffOnly: event.target.checked })
            }
          />{' '}
          {tt.signedOffOnly}
        </label>
      )}
      {file && (
        <>
          <p className="republish-file">
            {w.fileName}: <code>{file.fileName}</code>
          </p>
          {counts && (
            <section aria-label={w.summary}>
              <dl className="summary-counts">
                {(
                  [
                    [w.claims, counts.claims],
                    [w.rated, counts.rated],
                    [w.sources, counts.sources],
                    [w.corrections, counts.corrections],
                    ...(counts.notFound > 0 ? ([[m.notFoundLeftOut, counts.notFound]] as const) : []),
                    ...(counts.unratedLeftOut ? ([[w.unratedLeftOut, counts.unratedLeftOut]] as const) : []),
                    ...(counts.unsignedLeftOut ? ([[tt.unsignedLeftOut, counts.unsignedLeftOut]] as const) : []),
                  ] as const
                ).map(([label, n]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{n}</dd>
                  </div>
                ))}
              </dl>
              {counts.textChanged ? (
                <p className="attention-note" role="note">
                  {state.format === 'claimreview'
                    ? tc.exportLeftOut(counts.textChanged)
                    : tc.exportLabelled(counts.textChanged)}
                </p>
              ) : null}
            </section>
          )}
          {file.mimeType === 'text/html' && (
            // sandbox="" : no scripts, no forms, no navigation, an opaque origin.
            <iframe className="republish-preview" title={w.preview} sandbox="" srcDoc={file.data} />
          )}
          {file.mimeType === 'text/markdown' && (
            <pre className="republish-preview republish-text" aria-label={w.preview} tabIndex={0}>
              {file.data}
            </pre>
          )}
        </>
      )}
      <div className="form-actions">
        {file && (
          <button type="button" className="primary" onClick={republish.save} autoFocus>
            {w.save}
          </button>
        )}
        <button type="button" onClick={onOpenSettings}>
          {w.settings}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {file ? w.cancel : w.close}
        </button>
      </div>
    </dialog>
  )
}

/** The options the export being shown was made with, to make it again with one changed. */
function choiceOf(state: RepublishState): RepublishChoice {
  if (state.phase === 'idle') return {}
  return { includeUnrated: state.includeUnrated, forReview: state.forReview, signedOffOnly: state.signedOffOnly }
}

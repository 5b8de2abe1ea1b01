import { useModeText } from '../modeText'
import type { SaveState } from '../state/useSaveState'

/** Saving…, Saved, or Not saved with the reason and Retry: only what the service has confirmed. */
export function SaveIndicator({ saves }: { saves: SaveState }) {
  const m = useModeText()
  const { status } = saves
  if (status.phase === 'failed') {
    return (
      <span className="save-state save-failed" role="alert">
        <strong>{m.notSaved}</strong>
        {status.reason && <span className="save-reason"> — {status.reason}</span>}{' '}
        <button type="button" title={m.retryHint} onClick={saves.retry}>
          {m.retry}
        </button>
      </span>
    )
  }
  return (
    <span className={`save-state save-${status.phase}`} role="status" title={status.phase === 'saved' ? m.savedHint : undefined}>
      {status.phase === 'saving' ? m.saving : m.saved}
    </span>
  )
}

import { useModeText } from '../modeText'
import type { SaveStatus } from '../state/saveTracker'

/** Saving…, Saved, or Not saved with the reason and Retry: only what the service has confirmed. */
export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const m = useModeText()
  if (status.phase === 'failed') {
    return (
      <span className="save-state save-failed" role="alert">
        <strong>{m.notSaved}</strong>
        {status.reason && <span className="save-reason"> — {status.reason}</span>}{' '}
        <button type="button" title={m.retryHint} onClick={onRetry}>
          {m.retry}
        </button>
      </span>
    )
  }
  return (
    <span
      className={`save-state save-${status.phase}`}
      role="status"
      title={status.phase === 'saved' ? m.savedHint : undefined}
    >
      {status.phase === 'saving' ? m.saving : m.saved}
    </span>
  )
}

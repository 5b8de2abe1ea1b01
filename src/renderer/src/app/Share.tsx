import { useEffect, useId, useRef, useState } from 'react'
import type { SyncStatus } from '../../../shared/sync'
import { call, CallError, on } from '../bridge'
import { SharePresence } from './SharePresence'
import { useShareText } from './shareText'
import { useReviewShown } from '../state/opening'

const NOT_SHARED: SyncStatus = { state: 'offline', url: null, waiting: 0, peers: [] }

/** The team server link as the service reports it (src/core/sync/). */
function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(NOT_SHARED)
  // Asked once the review is on the page (opening.ts); a change reported before counts meanwhile.
  const shown = useReviewShown()
  useEffect(() => on('sync-changed', (next) => setStatus(next)), [])
  useEffect(() => {
    if (!shown) return
    let live = true
    void call('sync-status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [shown])
  return status
}

/**
 * Share review… (toolbar and File menu), the connection in the toolbar — shared, offline with the
 * changes waiting, or refused with the server's reason — and the others' initials on the claims they
 * have open. The desk tells the server which claim is open here.
 */
/** Share review… from the toolbar (or its More menu): the same dialog the File menu's command opens. */
export const openShareDialog = (): void => void window.dispatchEvent(new Event(OPEN_SHARE))
const OPEN_SHARE = 'factdesk:share-review'

export function Share({ activeId }: { activeId: string | null }) {
  const status = useSyncStatus()
  const [open, setOpen] = useState(false)
  const shared = status.url !== null
  useEffect(() => on('menu-command', ({ command }) => command === 'share-review' && setOpen(true)), [])
  useEffect(() => {
    const show = (): void => setOpen(true)
    window.addEventListener(OPEN_SHARE, show)
    return () => window.removeEventListener(OPEN_SHARE, show)
  }, [])
  useEffect(() => {
    if (shared) void call('sync-focus', activeId ? { claimId: activeId } : {}).catch(() => undefined)
  }, [activeId, shared, status.state])
  return (
    <>
      {shared && <ShareState status={status} />}
      {shared && status.state === 'connected' && <SharePresence peers={status.peers} />}
      {open && <ShareDialog status={status} onClose={() => setOpen(false)} />}
    </>
  )
}

function ShareState({ status }: { status: SyncStatus }) {
  const s = useShareText()
  const arrived = useRecent(status.arrived?.at)
  const others = status.peers.length
  if (status.state === 'refused') {
    return (
      <span className="share-state share-refused" role="alert">
        <strong>{s.refused}</strong> — {s.refusedReason(status.reason ?? '')}
      </span>
    )
  }
  const text =
    status.state === 'connected'
      ? [s.connected, others ? s.online(others) : '', status.waiting ? s.waiting(status.waiting) : '']
          .filter(Boolean)
          .join(' · ')
      : [s.offline, s.waiting(status.waiting)].join(' · ')
  return (
    <span
      className={`share-state share-${status.state}`}
      role="status"
      title={status.state === 'connected' ? s.connectedHint(status.url ?? '') : s.offlineHint}
    >
      {text}
      {arrived && status.arrived && (
        <span className="share-arrived">
          {' '}
          · {s.arrived(status.arrived.added, status.arrived.updated + status.arrived.thread, status.arrived.conflicts)}
        </span>
      )}
    </span>
  )
}

/** True for 10 s after `stamp` changes: the news of what arrived, then quiet. */
function useRecent(stamp: string | undefined): boolean {
  const [expired, setExpired] = useState<string | undefined>()
  useEffect(() => {
    if (!stamp) return
    const timer = setTimeout(() => setExpired(stamp), 10_000)
    return () => clearTimeout(timer)
  }, [stamp])
  return stamp !== undefined && expired !== stamp
}

function ShareDialog({ status, onClose }: { status: SyncStatus; onClose: () => void }) {
  const s = useShareText()
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [url, setUrl] = useState(status.url ?? 'ws://127.0.0.1:4320')
  const [token, setToken] = useState('')
  const [error, setError] = useState('')
  useEffect(() => {
    ref.current?.showModal()
  }, [])
  const run = (action: Promise<unknown>): void => {
    setError('')
    action.then(
      () => ref.current?.close(),
      (err: unknown) => setError(err instanceof CallError ? err.message : String(err)),
    )
  }
  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          run(call('sync-connect', { url: url.trim(), token: token.trim() }))
        }}
      >
        <h2 id={`${id}-title`}>{s.title}</h2>
        <p>{s.intro}</p>
        <div className="field">
          <label htmlFor={`${id}-url`}>{s.address}</label>
          <input
            id={`${id}-url`}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
            autoFocus
            required
          />
          <small>{s.addressHint}</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>{s.token}</label>
          <input
            id={`${id}-token`}
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
            required
          />
          <small>{s.tokenHint}</small>
        </div>
        {error && (
          <p className="share-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {s.connect}
          </button>
          {status.url !== null && (
            <button type="button" onClick={() => run(call('sync-disconnect', {}))}>
              {s.disconnect}
            </button>
          )}
          <button type="button" onClick={() => ref.current?.close()}>
            {s.close}
          </button>
        </div>
      </form>
    </dialog>
  )
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Claim } from '../../../shared/domain'
import type { Notice } from '../../../shared/workflow'
import { call, on } from '../bridge'
import { useI18n } from '../i18n'
import { useTeamText } from '../teamText'

interface Props {
  /** The claims as the desk holds them: a change (an import, a merge, live sync) may bring notices. */
  claims: Claim[]
  reviewerName: string
  onOpenClaim: (claimId: string) => void
  onError: (err: unknown) => void
}

/**
 * "For me": claims assigned to this reviewer and replies that name them (@name), newest unseen first.
 * Opening one shows its claim and marks it seen; the badge counts what is not seen yet.
 */
export function NoticesButton({ claims, reviewerName, onOpenClaim, onError }: Props) {
  const tt = useTeamText()
  const { dateTime } = useI18n()
  const [notices, setNotices] = useState<Notice[]>([])
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const refresh = useCallback(() => {
    call('notices-list', {}).then(setNotices, onError)
  }, [onError])
  useEffect(refresh, [refresh, claims, reviewerName])
  useEffect(() => on('review-changed', refresh), [refresh])
  const unseen = notices.filter((n) => !n.seen)
  const markSeen = (keys: string[]) => {
    if (keys.length) call('notices-seen', { keys }).then(setNotices, onError)
  }
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <span className="notices">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        title={tt.forMeTitle(unseen.length)}
        onClick={() => setOpen((o) => !o)}
      >
        {tt.forMe}
        {unseen.length > 0 && (
          <span className="notices-badge" aria-label={tt.forMeTitle(unseen.length)}>
            {unseen.length}
          </span>
        )}
      </button>
      {open && (
        <ul className="notices-list" aria-label={tt.forMe} onKeyDown={(e) => e.key === 'Escape' && close()}>
          {notices.length === 0 && <li>{tt.noNotices}</li>}
          {notices.map((n) => (
            <li key={n.key} className={n.seen ? 'seen' : 'unseen'}>
              <button
                type="button"
                onClick={() => {
                  markSeen([n.key])
                  setOpen(false)
                  onOpenClaim(n.claimId)
                }}
              >
                {n.kind === 'assigned' ? tt.noticeAssigned(n.by) : tt.noticeMention(n.by)} · <time dateTime={n.at}>{dateTime(n.at)}</time>
                <q>{n.kind === 'mention' ? n.excerpt : n.exact}</q>
              </button>
            </li>
          ))}
          {unseen.length > 0 && (
            <li>
              <button type="button" className="link" onClick={() => markSeen(unseen.map((n) => n.key))}>
                {tt.markAllSeen}
              </button>
            </li>
          )}
        </ul>
      )}
    </span>
  )
}

import { useEffect, useState } from 'react'
import type { Claim } from '../../../shared/domain'
import { describeEvent } from '../../../shared/historyText'
import type { ClaimEvent } from '../../../shared/thread'
import { call } from '../bridge'
import { useI18n } from '../i18n'
import { useThreadText } from './threadStrings'

/**
 * "History" / "변경 기록": who changed what and when, newest first, as sentences. Read when opened,
 * and again whenever the claim changes while it is open (an edit, a reply, an import).
 */
export function ClaimHistory({ claim, onError }: { claim: Claim; onError: (err: unknown) => void }) {
  const s = useThreadText()
  const { lang, verdict, status, dateTime } = useI18n()
  const [open, setOpen] = useState(false)
  const [events, setEvents] = useState<ClaimEvent[] | null>(null)

  useEffect(() => {
    if (!open) return
    let current = true
    call('claim-history', { id: claim.id }).then(
      (list) => current && setEvents(list),
      (err: unknown) => current && onError(err),
    )
    return () => {
      current = false
    }
  }, [open, claim, onError])

  return (
    <details className="claim-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{s.history}</summary>
      {open &&
        (events === null ? (
          <p className="muted">{s.historyLoading}</p>
        ) : events.length === 0 ? (
          <p className="muted">{s.historyEmpty}</p>
        ) : (
          <ol className="history-list" aria-label={s.historyList}>
            {events.map((e) => (
              <li key={e.id} data-kind={e.kind}>
                <span className="history-text">
                  {describeEvent(e, lang, { verdict: (v) => verdict(v as Claim['verdict']) || v, status: (v) => status(v as Claim['status']) || v })}
                </span>{' '}
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </li>
            ))}
          </ol>
        ))}
    </details>
  )
}

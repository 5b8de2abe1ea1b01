import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { describeEvent } from '../../../shared/historyText'
import { call } from '../bridge'
import { useI18n } from '../i18n'
import { keys } from '../state/queryClient'
import { useThreadText } from './threadStrings'

/**
 * "History" / "변경 기록": who changed what and when, newest first, as sentences. Read when opened,
 * and again whenever the claim changes while it is open (an edit, a reply, an import).
 */
export function ClaimHistory({ claim }: { claim: DeskClaim }) {
  const s = useThreadText()
  const { lang, verdict, status, dateTime } = useI18n()
  const [open, setOpen] = useState(false)
  const events =
    useQuery({
      queryKey: keys.history(claim),
      queryFn: () => call('claim-history', { id: claim.id }),
      enabled: open,
      // Read each time it is opened; while the next answer is on its way, the last one stays shown.
      staleTime: 0,
      placeholderData: keepPreviousData,
    }).data ?? null

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
                  {describeEvent(e, lang, {
                    verdict: (v) => verdict(v) || v,
                    status: (v) => status(v as DeskClaim['status']) || v,
                  })}
                </span>{' '}
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </li>
            ))}
          </ol>
        ))}
    </details>
  )
}

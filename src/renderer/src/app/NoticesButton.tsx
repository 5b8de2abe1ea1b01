import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useReviewShown } from '../state/opening'
import { useEffect, useRef, useState } from 'react'
import type { Notice } from '../../../shared/workflow'
import { call } from '../bridge'
import { useI18n } from '../i18n'
import { useDeskActions } from '../state/deskActions'
import { change } from '../state/queryClient'
import { onClaimsContent } from '../state/claimCache'
import { useReviewerName } from '../state/reviewData'
import { useTeamText } from '../teamText'
import { useModeText } from '../modeText'

/** Under `review`, so every change of the review (an import, a merge, live sync) reads it again. */
const noticesKey = (reviewer: string) => ['review', 'notices', reviewer] as const

/**
 * "For me": claims assigned to this reviewer and replies that name them (@name), newest unseen first.
 * Opening one shows its claim and marks it seen; the badge counts what is not seen yet.
 */
export function NoticesButton() {
  const tt = useTeamText()
  const m = useModeText()
  const { dateTime } = useI18n()
  const actions = useDeskActions()
  const reviewer = useReviewerName()
  const client = useQueryClient()
  // Asked again for another reviewer name and whenever a claim changes in this window (a reply, an
  // assignment), not when typing only moved the claims (their digest, which holds what a notice
  // shows, is then the same); other windows' and files' changes arrive as review-changed like
  // everything else.
  // Asked once the review is on the page (opening.ts); the badge shows nothing until then.
  const shown = useReviewShown()
  const read = useQuery({
    queryKey: noticesKey(reviewer),
    queryFn: () => call('notices-list', {}),
    staleTime: 0,
    enabled: shown,
  })
  // Until the first answer the list says it is loading, not that there is nothing for you.
  const loaded = read.data !== undefined
  const notices = read.data ?? []
  useEffect(
    () => onClaimsContent(client, () => void client.invalidateQueries({ queryKey: ['review', 'notices'] })),
    [client],
  )
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const unseen = notices.filter((n) => !n.seen)
  const markSeen = async (keys: string[]) => {
    const next = keys.length ? await change(client, (a) => call('notices-seen', a), { keys }) : null
    if (next) client.setQueryData<Notice[]>(noticesKey(reviewer), next)
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
        title={loaded ? tt.forMeTitle(unseen.length) : m.listLoading}
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
          {!loaded && <li>{m.listLoading}</li>}
          {loaded && notices.length === 0 && <li>{tt.noNotices}</li>}
          {notices.map((n) => (
            <li key={n.key} className={n.seen ? 'seen' : 'unseen'}>
              <button
                type="button"
                onClick={() => {
                  void markSeen([n.key])
                  setOpen(false)
                  actions.select(n.claimId)
                }}
              >
                {n.kind === 'assigned' ? tt.noticeAssigned(n.by) : tt.noticeMention(n.by)} ·{' '}
                <time dateTime={n.at}>{dateTime(n.at)}</time>
                <q>{n.kind === 'mention' ? n.excerpt : n.exact}</q>
              </button>
            </li>
          ))}
          {unseen.length > 0 && (
            <li>
              <button type="button" className="link" onClick={() => void markSeen(unseen.map((n) => n.key))}>
                {tt.markAllSeen}
              </button>
            </li>
          )}
        </ul>
      )}
    </span>
  )
}

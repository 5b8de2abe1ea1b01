import { memo, useId, useState } from 'react'
import { revealInvisible } from '../../../shared/text'
import { statuses } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import { useI18n } from '../i18n'
import { useDeskActions } from '../state/deskActions'
import { CorrectionsSection } from './CorrectionsSection'
import { NoteField } from './NoteField'
import { SourceEditor } from './SourceEditor'
import { SourceItem } from './SourceItem'
import { ClaimHistory } from './ClaimHistory'
import { ClaimTags } from './ClaimTags'
import { ReplyThread } from './ReplyThread'
import { TextChangedBadge } from './TextChangedBadge'
import { ClaimWorkflow } from './ClaimWorkflow'
import { useTeamText } from '../teamText'
import { HighlightedText, MatchInfo } from './MatchInfo'

interface Props {
  claim: DeskClaim
  active: boolean
  /** The panel's search, while one is typed: its matches are marked in the card. */
  search?: string
}

/**
 * One claim in the list. What it can do comes from the desk's actions (state/deskActions.ts), so it
 * re-renders only when its claim object (kept the same by the query cache until it changes) or its
 * selection does.
 */
export const ClaimCard = memo(function ClaimCard({ claim, active, search }: Props) {
  const { t } = useI18n()
  const actions = useDeskActions()
  return (
    <article
      className={`claim-card${active ? ' active' : ' compact'}${claim.textChanged ? ' text-changed' : ''}`}
      data-verdict={claim.verdict}
      data-claim-id={claim.id}
      aria-current={active ? 'true' : undefined}
      aria-label={claim.exact}
      onFocusCapture={() => !active && actions.select(claim.id)}
    >
      <button type="button" className="claim-quote" onClick={() => actions.select(claim.id)} aria-pressed={active}>
        <span className="verdict-dot" aria-hidden />
        <q>{search ? <HighlightedText text={claim.exact} query={search} /> : claim.exact}</q>
      </button>
      {search && <MatchInfo claim={claim} query={search} />}
      {claim.hasConflict && (
        <button type="button" className="attention" onClick={() => actions.openConflict(claim.id)}>
          {t.resolveConflict}
        </button>
      )}
      {active ? <ClaimDetails claim={claim} /> : <ClaimSummary claim={claim} search={search} />}
    </article>
  )
})

/** The whole card, for the selected claim. */
function ClaimDetails({ claim }: { claim: DeskClaim }) {
  const actions = useDeskActions()
  const update = actions.updateClaim
  const { t, verdict, status, dateTime, verdictIds } = useI18n()
  const [adding, setAdding] = useState(false)
  const idBase = useId()
  return (
    <>
      <TextChangedBadge claim={claim} onUpdate={(id, patch) => void update(id, patch)} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idBase}-verdict`}>{t.verdict}</label>
          <select
            id={`${idBase}-verdict`}
            value={claim.verdict}
            onChange={(e) => void update(claim.id, { verdict: e.target.value })}
          >
            {/* The review's scale; a verdict it does not know (from before a switch) stays shown as it is. */}
            {(verdictIds.includes(claim.verdict) ? verdictIds : [...verdictIds, claim.verdict]).map((v) => (
              <option key={v} value={v}>
                {verdict(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-status`}>{t.status}</label>
          <select
            id={`${idBase}-status`}
            value={claim.status}
            onChange={(e) => void update(claim.id, { status: e.target.value as DeskClaim['status'] })}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ClaimWorkflow claim={claim} />
      <ClaimTags claim={claim} />
      <NoteField value={claim.note} onSave={(note) => void update(claim.id, { note })} />
      <CorrectionsSection claim={claim} />
      <section className="sources" aria-label={t.sources}>
        {claim.sources.length > 0 && (
          <ul>
            {claim.sources.map((s) => (
              <SourceItem
                key={s.id}
                source={s}
                onUpdate={actions.updateSource}
                onRemove={(id) => void actions.removeSource(id)}
              />
            ))}
          </ul>
        )}
        {adding ? (
          <SourceEditor onSave={(fields) => actions.addSource(claim.id, fields)} onCancel={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t.addSource}
          </button>
        )}
      </section>
      <ReplyThread claim={claim} />
      <ClaimHistory claim={claim} />
      <footer className="claim-meta">
        <span>
          {t.author} {claim.author || '—'} · {t.created} <time dateTime={claim.created}>{dateTime(claim.created)}</time>{' '}
          · {t.modified} <time dateTime={claim.modified}>{dateTime(claim.modified)}</time>
        </span>
        <button type="button" className="danger" onClick={() => void actions.removeClaim(claim.id)}>
          {t.removeClaim}
        </button>
      </footer>
    </>
  )
}

/**
 * A claim that is not selected: its verdict and what hangs on it, in a line or two, so a list of two
 * hundred claims stays readable. Selecting it (click, focus, keyboard) opens the whole card.
 */
function ClaimSummary({ claim, search }: { claim: DeskClaim; search?: string }) {
  const { t, verdict, status } = useI18n()
  const tt = useTeamText()
  const counts = [
    claim.signedOff ? `✓ ${tt.signedOffShort}` : '',
    claim.assignee ? tt.assignedShort(claim.assignee) : '',
    claim.sources.length ? t.sourceCount(claim.sources.length) : '',
    claim.replies.length ? `${t.replies} ${claim.replies.length}` : '',
    claim.corrections.length ? `${t.corrections} ${claim.corrections.length}` : '',
  ].filter(Boolean)
  return (
    <>
      <TextChangedBadge claim={claim} />
      <p className="claim-summary">
        <span className="verdict-label">{verdict(claim.verdict)}</span> · {status(claim.status)}
        {counts.length > 0 && <> · {counts.join(' · ')}</>}
        {claim.tags.length ? <> · {claim.tags.map((tag) => `#${tag}`).join(' ')}</> : null}
      </p>
      {claim.note && (
        <p className="claim-note-preview">
          {search ? <HighlightedText text={revealInvisible(claim.note)} query={search} /> : revealInvisible(claim.note)}
        </p>
      )}
    </>
  )
}

import { memo, useId, useState } from 'react'
import { revealInvisible } from '../../../shared/text'
import { statuses, type Claim, type ClaimPatch, type SourceFields } from '../../../shared/domain'
import { useI18n } from '../i18n'
import { CorrectionsSection, type CorrectionActions } from './CorrectionsSection'
import { NoteField } from './NoteField'
import { SourceEditor } from './SourceEditor'
import { SourceItem } from './SourceItem'
import type { ThreadActions } from '../state/useThread'
import { ClaimHistory } from './ClaimHistory'
import { ClaimTags } from './ClaimTags'
import { ReplyThread } from './ReplyThread'
import { TextChangedBadge } from './TextChangedBadge'
import { HighlightedText, MatchInfo } from './MatchInfo'

interface Props {
  claim: Claim
  active: boolean
  onSelect: (id: string) => void
  onUpdate: (id: string, patch: ClaimPatch) => void
  onRemove: (id: string) => void
  onAddSource: (claimId: string, fields: SourceFields) => Promise<boolean>
  onUpdateSource: (id: string, fields: SourceFields) => Promise<boolean>
  onRemoveSource: (id: string) => void
  onOpenConflict: (claimId: string) => void
  correctionActions: CorrectionActions
  /** Tags and the discussion thread (state/useThread.ts). */
  threadActions: ThreadActions
  /** The panel's search, while one is typed: its matches are marked in the card. */
  search?: string
}

export const ClaimCard = memo(function ClaimCard(props: Props) {
  const { claim, active } = props
  const { t } = useI18n()
  return (
    <article
      className={`claim-card${active ? ' active' : ' compact'}${claim.textChanged ? ' text-changed' : ''}`}
      data-verdict={claim.verdict}
      data-claim-id={claim.id}
      aria-current={active ? 'true' : undefined}
      aria-label={claim.exact}
      onFocusCapture={() => !active && props.onSelect(claim.id)}
    >
      <button type="button" className="claim-quote" onClick={() => props.onSelect(claim.id)} aria-pressed={active}>
        <span className="verdict-dot" aria-hidden />
        <q>{props.search ? <HighlightedText text={claim.exact} query={props.search} /> : claim.exact}</q>
      </button>
      {props.search && <MatchInfo claim={claim} query={props.search} />}
      {claim.hasConflict && (
        <button type="button" className="attention" onClick={() => props.onOpenConflict(claim.id)}>
          {t.resolveConflict}
        </button>
      )}
      {active ? <ClaimDetails {...props} /> : <ClaimSummary claim={claim} search={props.search} />}
    </article>
  )
})

/** The whole card, for the selected claim. */
function ClaimDetails(props: Props) {
  const { claim } = props
  const { t, verdict, status, dateTime, verdictIds } = useI18n()
  const [adding, setAdding] = useState(false)
  const idBase = useId()
  return (
    <>
      <TextChangedBadge claim={claim} onUpdate={props.onUpdate} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idBase}-verdict`}>{t.verdict}</label>
          <select
            id={`${idBase}-verdict`}
            value={claim.verdict}
            onChange={(e) => props.onUpdate(claim.id, { verdict: e.target.value as Claim['verdict'] })}
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
            onChange={(e) => props.onUpdate(claim.id, { status: e.target.value as Claim['status'] })}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ClaimTags claim={claim} actions={props.threadActions} />
      <NoteField value={claim.note} onSave={(note) => props.onUpdate(claim.id, { note })} />
      <CorrectionsSection claim={claim} actions={props.correctionActions} />
      <section className="sources" aria-label={t.sources}>
        {claim.sources.length > 0 && (
          <ul>
            {claim.sources.map((s) => (
              <SourceItem key={s.id} source={s} onUpdate={props.onUpdateSource} onRemove={props.onRemoveSource} />
            ))}
          </ul>
        )}
        {adding ? (
          <SourceEditor onSave={(fields) => props.onAddSource(claim.id, fields)} onCancel={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t.addSource}
          </button>
        )}
      </section>
      <ReplyThread claim={claim} actions={props.threadActions} />
      <ClaimHistory claim={claim} onError={props.threadActions.report} />
      <footer className="claim-meta">
        <span>
          {t.author} {claim.author || '—'} · {t.created} <time dateTime={claim.created}>{dateTime(claim.created)}</time> ·{' '}
          {t.modified} <time dateTime={claim.modified}>{dateTime(claim.modified)}</time>
        </span>
        <button type="button" className="danger" onClick={() => props.onRemove(claim.id)}>
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
function ClaimSummary({ claim, search }: { claim: Claim; search?: string }) {
  const { t, verdict, status } = useI18n()
  const counts = [
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

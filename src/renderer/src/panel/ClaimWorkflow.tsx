import { useId, useState } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { errorText } from '../../../shared/errors'
import { useI18n } from '../i18n'
import { useDeskActions } from '../state/deskActions'
import { useReviewerName } from '../state/reviewData'
import { useTeamText } from '../teamText'
import { CommandButton } from '../app/CommandButton'

/**
 * Who checks the claim, and the editor's sign-off. Sign-off approves the current verdict and its
 * evidence, so it is offered only with a verdict and a source (the button says why not otherwise).
 */
export function ClaimWorkflow({ claim }: { claim: DeskClaim }) {
  const tt = useTeamText()
  const actions = useDeskActions()
  const reviewerName = useReviewerName()
  const { dateTime, lang } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const value = draft ?? claim.assignee
  const commit = () => {
    if (draft !== null && draft.trim() !== claim.assignee) void actions.assign(claim.id, draft.trim())
    setDraft(null)
  }
  // The service's own refusal (core/workflow/workflow.ts), said before the button is pressed.
  const refusalCode =
    claim.verdict === 'unrated'
      ? 'sign-off-unrated'
      : claim.sources.length === 0
        ? 'sign-off-no-source'
        : claim.textChanged
          ? 'sign-off-text-changed'
          : null
  const refusal = refusalCode && errorText(lang, { code: refusalCode })
  return (
    <div className="claim-workflow">
      <div className="field">
        <label htmlFor={`${id}-assignee`}>{tt.assignee}</label>
        <span className="assignee-row">
          <input
            id={`${id}-assignee`}
            value={value}
            placeholder={tt.nobody}
            maxLength={100}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit()
              if (e.key === 'Escape') setDraft(null)
            }}
          />
          {reviewerName && claim.assignee !== reviewerName && (
            <button type="button" className="link" onClick={() => void actions.assign(claim.id, reviewerName)}>
              {tt.assignToMe}
            </button>
          )}
        </span>
      </div>
      {claim.signedOff ? (
        <p className="signed-off" role="status">
          <span className="signed-off-mark" aria-hidden>
            ✓
          </span>{' '}
          {tt.signedOff(claim.signedOff.by, dateTime(claim.signedOff.at))}{' '}
          <button type="button" className="link" onClick={() => void actions.withdrawSignOff(claim.id)}>
            {tt.withdrawSignOff}
          </button>
        </p>
      ) : (
        <CommandButton unavailable={refusal} onClick={() => void actions.signOff(claim.id)}>
          {tt.signOff}
        </CommandButton>
      )}
    </div>
  )
}

import type { ClaimPatch } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import { useI18n } from '../i18n'
import { useTextChangedText } from '../textChangedText'

/**
 * The mark "text changed since it was rated" on a card: the claim's words changed after it was rated,
 * so its verdict judged other words. On the open card, "Confirm verdict" gives the same verdict again
 * (choosing another one in the verdict list clears the mark too).
 */
export function TextChangedBadge({
  claim,
  onUpdate,
}: {
  claim: DeskClaim
  onUpdate?: (id: string, patch: ClaimPatch) => void
}) {
  const s = useTextChangedText()
  const { verdict } = useI18n()
  if (!claim.textChanged) return null
  return (
    <p className="text-changed-row">
      <span className="text-changed-badge" title={s.badgeHelp}>
        {s.badge}
      </span>
      {onUpdate && (
        <button
          type="button"
          title={s.confirmHelp(verdict(claim.verdict))}
          onClick={() => onUpdate(claim.id, { verdict: claim.verdict })}
        >
          {s.confirmVerdict}
        </button>
      )}
    </p>
  )
}

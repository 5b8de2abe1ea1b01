import { ariaKeys, shownKeys } from '../../../shared/commands'
import { useI18n } from '../i18n'
import { ContextMenu } from './ContextMenu'
import { isMac } from './keys'

/** The essay's context menu: Mark claim (saying why it cannot run with nothing selected) and Copy. */
export function EssayContextMenu({
  at,
  canMark,
  onMark,
  onClose,
}: {
  at: { x: number; y: number }
  canMark: boolean
  onMark: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  return (
    <ContextMenu
      x={at.x}
      y={at.y}
      label={t.context}
      onClose={onClose}
      items={[
        {
          label: t.markClaim,
          shortcut: shownKeys('mark-claim', isMac),
          keys: ariaKeys('mark-claim', isMac),
          unavailable: canMark ? null : t.markClaimDisabled,
          run: onMark,
        },
        {
          label: t.copy,
          run: () => void navigator.clipboard?.writeText(window.getSelection()?.toString() ?? ''),
        },
      ]}
    />
  )
}

import { useEffect } from 'react'
import { useI18n } from '../i18n'
import { useUndoText } from '../undoText'
import type { Notice } from '../state/useReview'

const INFO_TIMEOUT_MS = 8000

interface Props {
  notice: Notice | null
  onUndo: () => void
  onDismiss: () => void
}

/** Errors stay until dismissed; information fades after a while. Both are announced to screen readers. */
export function NoticeBar({ notice, onUndo, onDismiss }: Props) {
  const { t, error } = useI18n()
  const u = useUndoText()
  useEffect(() => {
    if (notice?.kind !== 'info') return
    const timer = setTimeout(onDismiss, INFO_TIMEOUT_MS)
    return () => clearTimeout(timer)
  }, [notice, onDismiss])
  if (!notice) return null
  const text =
    notice.kind === 'error'
      ? error(notice.code ?? 'internal', notice.text)
      : (((t as Record<string, unknown>)[notice.text] as string | undefined) ??
        (u as Record<string, string>)[notice.text] ??
        notice.text)
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {notice.undo && (
        <button type="button" onClick={onUndo}>
          {t.undo}
        </button>
      )}
      <button type="button" className="link" onClick={onDismiss} aria-label={t.dismiss}>
        ✕
      </button>
    </div>
  )
}

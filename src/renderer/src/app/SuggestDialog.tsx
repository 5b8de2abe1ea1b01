import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useReturnFocus } from './focusReturn'
import type { Suggestion } from '../../../shared/spotting'
import { describeRange, type Anchor } from '../../../shared/text'
import { call } from '../bridge'
import { useI18n } from '../i18n'
import { keys } from '../state/queryClient'
import { useUndoText } from '../undoText'

const noSuggestions: Suggestion[] = []

interface Props {
  /** Saves what the editor still holds (pending essay edits), so the suggestions are of the saved text. */
  flush?: () => Promise<unknown>
  /** Marks a claim (the same path as "Mark claim", so Undo takes it back); resolves once it is saved. */
  onAccept: (anchor: Anchor) => Promise<unknown>
  onClose: () => void
  report: (err: unknown) => void
  /** A suggestion was dismissed: Undo (here, in the notice, Ctrl/⌘+Z) can take it back. */
  onDismissed?: (key: string) => void
  /** Changes when a dismissal was taken back: the list is read again. */
  reloadKey?: number
  /** Takes the last dismissal back; given while the notice offers it (the notice bar is behind this dialog). */
  undoable?: () => void
}

/**
 * "Suggest claims": the sentences of the essay worth checking that are not claims yet, each with the
 * reasons the rules found (src/core/spotting/spotting.ts). Accepting one marks it as a claim; dismissing one
 * keeps it out of the suggestions of this review for good.
 */
export function SuggestDialog({ flush, onAccept, onClose, report, onDismissed, reloadKey, undoable }: Props) {
  const { t } = useI18n()
  const u = useUndoText()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const listRef = useRef<HTMLOListElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  /** After an item leaves the list, the item that takes its place gets the focus. */
  const focusAt = useRef<number | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const list = useQuery({
    queryKey: [...keys.suggestions, reloadKey],
    queryFn: async () => {
      await flush?.()
      return call('suggestions-list', {})
    },
    // Read afresh each time the dialog opens; a list read again (after a dismissal came back) replaces
    // the one shown when it arrives, and is always a new list, so the focus moves as after any change.
    gcTime: 0,
    placeholderData: keepPreviousData,
    structuralSharing: false,
  })
  const suggestions = list.data ?? (list.isError ? noSuggestions : null)

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal()
  }, [])

  useLayoutEffect(() => {
    const at = focusAt.current
    if (at === null || suggestions === null) return
    focusAt.current = null
    const items = listRef.current?.querySelectorAll<HTMLElement>(':scope > li')
    const item = items && items.length > 0 ? items[Math.min(at, items.length - 1)] : null
    ;(item?.querySelector('button') ?? closeRef.current)?.focus()
  }, [suggestions])

  const settle = async (index: number, step: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await step()
    } catch (err) {
      report(err)
    } finally {
      focusAt.current = index
      await list.refetch()
      setBusy(false)
    }
  }

  const accept = (s: Suggestion, index: number) =>
    settle(index, async () => {
      await flush?.()
      // A claim on exactly the sentence's span of the saved text (prefix and suffix as "Mark claim" makes them).
      const anchor = describeRange((await call('document-get', {})).text, s.start, s.end)
      // The essay changed since the list was made: the fresh list says what to check now.
      if (anchor.exact !== s.exact) return
      await onAccept(anchor)
    })

  const dismiss = (s: Suggestion, index: number) =>
    settle(index, async () => {
      await call('suggestion-dismiss', { key: s.key })
      onDismissed?.(s.key)
    })

  return (
    <dialog
      ref={ref}
      className="suggest-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{t.suggestionsTitle}</h2>
      <p id={`${id}-intro`} className="hint">
        {t.suggestionsIntro}
      </p>
      {suggestions === null ? (
        <p role="status">{t.suggestionsLoading}</p>
      ) : suggestions.length === 0 ? (
        <p role="status" className="empty">
          {t.noSuggestions}
        </p>
      ) : (
        <>
          <p role="status" className="suggestion-count">
            {t.suggestionCount(suggestions.length)}
          </p>
          <ol className="suggestion-list" aria-label={t.suggestionsTitle} ref={listRef}>
            {suggestions.map((s, i) => (
              <li key={`${s.key}:${s.start}`}>
                <q id={`${id}-s${i}`}>{s.exact}</q>
                <div className="suggestion-footer">
                  <ul className="reason-chips" aria-label={t.suggestionReasons}>
                    {s.reasons.map((r) => (
                      <li key={r} data-reason={r}>
                        {t.reasonLabels[r] ?? r}
                      </li>
                    ))}
                  </ul>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      aria-describedby={`${id}-s${i}`}
                      onClick={() => void accept(s, i)}
                    >
                      {t.acceptSuggestion}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      aria-describedby={`${id}-s${i}`}
                      onClick={() => void dismiss(s, i)}
                    >
                      {t.dismissSuggestion}
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {undoable && (
        <p role="status" className="notice notice-info">
          <span>{u.suggestionDismissed}</span>
          <button type="button" onClick={undoable}>
            {t.undo}
          </button>
        </p>
      )}
      <form method="dialog" className="form-actions dialog-close">
        <button type="submit" ref={closeRef}>
          {t.close}
        </button>
      </form>
    </dialog>
  )
}

import { useCallback, useState } from 'react'
import { focusClaimCard } from './deskKeys'
import { isMac } from './keys'
import { ariaKeys } from '../../../shared/commands'

/** The shortcut of Edit text, as the page and the menus show it. */
export const EDIT_MODE_KEYS = ariaKeys('toggle-edit-mode', isMac)

interface Options {
  /** The essay on show: another one (a review opened, a new review) opens for reviewing. */
  documentId: string | undefined
  activeId: string | null
  setActiveId: (id: string) => void
  /** Another window writes to the review: this one cannot edit the text (by button, key or menu). */
  readOnly: boolean
}

/**
 * Review mode (the default) or Edit mode. Ctrl/⌘+Shift+E, the toolbar's Edit text and Edit > Edit Text
 * switch (`toggle`, run by the desk's commands: deskCommands.ts); Esc in the essay leaves
 * (EditablePlugin). Leaving, or clicking a highlight while reviewing, gives the keys to the claim's
 * card, so 1–6/0, J/K and ? work at once.
 */
export function useEditMode({ documentId, activeId, setActiveId, readOnly }: Options) {
  const [editing, setEditing] = useState(false)
  // Another essay, or the review becoming read-only (or writable again), starts in review mode.
  const [modeFor, setModeFor] = useState({ documentId, readOnly })
  if (modeFor.documentId !== documentId || modeFor.readOnly !== readOnly) {
    setModeFor({ documentId, readOnly })
    setEditing(false)
  }

  const leave = useCallback(() => {
    setEditing(false)
    if (activeId) focusClaimCard(activeId)
  }, [activeId])
  const toggle = useCallback(() => (editing ? leave() : !readOnly && setEditing(true)), [editing, leave, readOnly])

  /** A click on a highlight: in Edit mode the caret stays in the text. */
  const selectClaimInEssay = useCallback(
    (id: string) => {
      setActiveId(id)
      if (!editing) focusClaimCard(id)
    },
    [setActiveId, editing],
  )

  return { editing, toggle, leave, selectClaimInEssay }
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { on } from '../bridge'
import { focusClaimCard } from './deskKeys'
import { isMac } from './keys'
import { ariaKeys, matches } from '../../../shared/commands'

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
 * switch; Esc in the essay leaves (EditablePlugin). Leaving, or clicking a highlight while reviewing,
 * gives the keys to the claim's card, so 1–6/0, J/K and ? work at once.
 */
export function useEditMode({ documentId, activeId, setActiveId, readOnly }: Options) {
  const [editing, setEditing] = useState(false)
  const activeRef = useRef(activeId)
  activeRef.current = activeId
  useEffect(() => setEditing(false), [documentId, readOnly])

  const leave = useCallback(() => {
    setEditing(false)
    if (activeRef.current) focusClaimCard(activeRef.current)
  }, [])
  const toggle = useCallback(() => (editing ? leave() : !readOnly && setEditing(true)), [editing, leave, readOnly])

  /** A click on a highlight: in Edit mode the caret stays in the text. */
  const selectClaimInEssay = useCallback(
    (id: string) => {
      setActiveId(id)
      if (!editing) focusClaimCard(id)
    },
    [setActiveId, editing],
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // By the physical key too (commands.ts): with the Korean layout on, E types 'ㄷ'.
      if (e.isComposing || !matches(e, 'toggle-edit-mode', isMac)) return
      // A dialog keeps its own keys.
      if (e.target instanceof Element && e.target.closest('dialog')) return
      e.preventDefault()
      toggle()
    }
    window.addEventListener('keydown', onKey)
    const off = on('menu-command', ({ command }) => {
      if (command === 'toggle-edit-mode') toggle()
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [toggle])

  return { editing, toggle, leave, selectClaimInEssay }
}

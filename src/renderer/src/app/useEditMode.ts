import { useCallback, useEffect, useState } from 'react'
import { on } from '../bridge'
import { isMac } from './keys'

/** The shortcut of Edit text, as the page and the menus show it. */
export const EDIT_MODE_KEYS = isMac ? 'Meta+Shift+E' : 'Control+Shift+E'

/**
 * Review mode (the default) or Edit mode. Ctrl/⌘+Shift+E, the toolbar's Edit text and Edit > Edit Text
 * switch; `onLeave` runs whenever Edit mode ends, to hand the keys back to the claims.
 */
export function useEditMode(onLeave: () => void) {
  const [editing, setEditing] = useState(false)
  const leave = useCallback(() => {
    setEditing(false)
    onLeave()
  }, [onLeave])
  const toggle = useCallback(() => (editing ? leave() : setEditing(true)), [editing, leave])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
      // By the physical key too: with the Korean layout on, E types 'ㄷ'.
      if (!mod || !e.shiftKey || e.altKey || e.isComposing || (e.key.toLowerCase() !== 'e' && e.code !== 'KeyE')) return
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

  return { editing, toggle, leave }
}

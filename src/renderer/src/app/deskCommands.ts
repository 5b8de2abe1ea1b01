import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../shared/contract'
import { matches } from '../../../shared/commands'
import { on } from '../bridge'
import { isMac, isTextEntry } from './keys'

type KeyLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'isComposing'
>

/**
 * The page's own shortcuts, as the menu commands they stand for: Mark claim, undo (outside text fields)
 * and Edit text, with the keys of the command table (src/shared/commands.ts). The desk's other keys are
 * deskKeys.ts's.
 */
export function shortcutCommand(e: KeyLike, mac = isMac): MenuCommand | null {
  if (matches(e, 'mark-claim', mac)) return 'mark-claim'
  if (matches(e, 'undo', mac)) return isTextEntry(e.target) ? null : 'undo-claim'
  // By the physical key too (matches): with the Korean layout on, E types 'ㄷ'.
  if (e.isComposing || !matches(e, 'toggle-edit-mode', mac)) return null
  // A dialog keeps its own keys.
  if (e.target instanceof Element && e.target.closest('dialog')) return null
  return 'toggle-edit-mode'
}

/**
 * One path for what the reviewer asks of the page: a menu command (the app's menus) and its shortcut
 * (pressed in the page, where the menu shows the key but does not register it) run the same `run`.
 */
export function useDeskCommands(run: (command: MenuCommand) => void): void {
  const onCommand = useEffectEvent(run)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutCommand(e)
      if (!command) return
      e.preventDefault()
      onCommand(command)
    }
    window.addEventListener('keydown', onKey)
    const off = on('menu-command', ({ command }) => onCommand(command))
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [])
}

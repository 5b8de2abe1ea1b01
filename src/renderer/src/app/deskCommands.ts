import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../shared/contract'
import { on } from '../bridge'
import { isMac, isTextEntry } from './keys'

type KeyLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'isComposing'
>

/**
 * The page's own shortcuts, as the menu commands they stand for: Mark claim (Ctrl/⌘+Shift+M), undo
 * (Ctrl/⌘+Z outside text fields) and Edit text (Ctrl/⌘+Shift+E). The desk's other keys are deskKeys.ts's.
 */
export function shortcutCommand(e: KeyLike, mac = isMac): MenuCommand | null {
  const mod = mac ? e.metaKey : e.ctrlKey
  if (mod && e.shiftKey && e.key.toLowerCase() === 'm') return 'mark-claim'
  if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) return 'undo-claim'
  const onlyMod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
  // By the physical key too: with the Korean layout on, E types 'ㄷ'.
  if (!onlyMod || !e.shiftKey || e.altKey || e.isComposing || (e.key.toLowerCase() !== 'e' && e.code !== 'KeyE'))
    return null
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

import { useEffect, useRef } from 'react'
import { CommandButton } from './CommandButton'
import { useReturnFocus } from './focusReturn'

export interface MenuItem {
  label: string
  /** The shortcut as shown, e.g. "Ctrl+Shift+M". */
  shortcut?: string
  /** The same shortcut for assistive technology, in aria-keyshortcuts form ("Control+Shift+M"). */
  keys?: string
  /** Why the item cannot run now (its tooltip and description); absent when it can. */
  unavailable?: string | null
  run: () => void
}

interface Props {
  x: number
  y: number
  label: string
  items: MenuItem[]
  onClose: () => void
}

/** The essay's context menu; drawn by the page so it is the same in the app and the browser harness. */
export function ContextMenu({ x, y, label, items, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not([aria-disabled])')?.focus()
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return
      if (e instanceof MouseEvent && ref.current?.contains(e.target as Node)) return
      onClose()
    }
    window.addEventListener('keydown', close)
    window.addEventListener('mousedown', close)
    window.addEventListener('blur', close)
    return () => {
      window.removeEventListener('keydown', close)
      window.removeEventListener('mousedown', close)
      window.removeEventListener('blur', close)
    }
  }, [onClose])
  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left: x, top: y }}>
      {items.map((item) => (
        <CommandButton
          key={item.label}
          role="menuitem"
          unavailable={item.unavailable}
          aria-keyshortcuts={item.keys}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onClose()
            item.run()
          }}
        >
          <span>{item.label}</span>
          {/* Shown, not part of the item's name: aria-keyshortcuts announces the shortcut. */}
          {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
        </CommandButton>
      ))}
    </div>
  )
}

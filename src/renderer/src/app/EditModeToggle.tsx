import { useModeText } from '../modeText'
import { CommandButton } from './CommandButton'
import { EDIT_MODE_KEYS } from './useEditMode'

/** The toolbar's Edit text: pressed while the essay takes typing. */
export function EditModeToggle({
  editing,
  onToggle,
  unavailable,
}: {
  editing: boolean
  onToggle: () => void
  /** Why the essay cannot be edited here now; null when it can. */
  unavailable: string | null
}) {
  const m = useModeText()
  return (
    <CommandButton
      className={editing ? 'edit-toggle editing' : 'edit-toggle'}
      aria-pressed={editing}
      aria-keyshortcuts={EDIT_MODE_KEYS}
      title={m.editTextHint}
      unavailable={unavailable}
      // Keep the essay's selection and caret where they are until the mode changes.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onToggle}
    >
      {m.editText}
    </CommandButton>
  )
}

/** Over the essay while it takes typing: what mode this is and how to leave it. */
export function EditModeBanner() {
  const m = useModeText()
  return (
    <p className="mode-banner" role="status">
      <strong>{m.editingTheText}</strong> <span className="hint">{m.editingHint}</span>
    </p>
  )
}

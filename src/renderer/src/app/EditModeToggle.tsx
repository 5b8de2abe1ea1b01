import { useModeText } from '../modeText'
import { EDIT_MODE_KEYS } from './useEditMode'

/** The toolbar's Edit text: pressed while the essay takes typing. */
export function EditModeToggle({
  editing,
  onToggle,
  disabled,
}: {
  editing: boolean
  onToggle: () => void
  disabled: boolean
}) {
  const m = useModeText()
  return (
    <button
      type="button"
      className={editing ? 'edit-toggle editing' : 'edit-toggle'}
      aria-pressed={editing}
      aria-keyshortcuts={EDIT_MODE_KEYS}
      title={m.editTextHint}
      disabled={disabled}
      // Keep the essay's selection and caret where they are until the mode changes.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onToggle}
    >
      {m.editText}
    </button>
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

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND } from 'lexical'
import { useEffect, useRef } from 'react'

/**
 * Review mode and Edit mode. In review mode the essay is read-only (Lexical's setEditable(false)): text
 * can still be selected, marked and clicked, and programmatic updates (marks, corrections, loading)
 * still apply, but typing, pasting, dropping and the IME change nothing. Entering Edit mode puts the
 * caret in the essay; Escape there leaves it.
 */
export function EditablePlugin({ editable, onLeave }: { editable: boolean; onLeave: () => void }): null {
  const [editor] = useLexicalComposerContext()
  const onLeaveRef = useRef(onLeave)
  onLeaveRef.current = onLeave

  useEffect(() => {
    if (editor.isEditable() === editable) return
    editor.setEditable(editable)
    if (editable) editor.focus()
    else editor.blur()
  }, [editor, editable])

  // Lexical only dispatches key commands while the essay is editable, so this is Edit mode's Escape.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          if (editor.isComposing()) return false
          event?.preventDefault()
          onLeaveRef.current()
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  )
  return null
}

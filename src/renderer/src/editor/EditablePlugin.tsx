import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND } from 'lexical'
import { useEffect, useEffectEvent } from 'react'

/**
 * Review mode and Edit mode. In review mode the essay is read-only (Lexical's setEditable(false)): text
 * can still be selected, marked and clicked, and programmatic updates (marks, corrections, loading)
 * still apply, but typing, pasting, dropping and the IME change nothing. Entering Edit mode puts the
 * caret in the essay; Escape there leaves it.
 */
export function EditablePlugin({ editable, onLeave }: { editable: boolean; onLeave: () => void }): null {
  const [editor] = useLexicalComposerContext()
  const leave = useEffectEvent(onLeave)

  useEffect(() => {
    if (editor.isEditable() === editable) return
    // Where the reviewer last clicked or selected in the essay is where the caret goes.
    const root = editor.getRootElement()
    const dom = window.getSelection()
    const range =
      root && dom && dom.rangeCount > 0 && root.contains(dom.anchorNode) ? dom.getRangeAt(0).cloneRange() : null
    editor.setEditable(editable)
    if (!editable) {
      editor.blur()
      return
    }
    // Once React has made the root editable; without scrolling, so the essay stays where it was read.
    const frame = requestAnimationFrame(() => {
      root?.focus({ preventScroll: true })
      if (range) {
        dom?.removeAllRanges()
        dom?.addRange(range)
      }
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, editable])

  // Before every commit React saves the focused editable element's selection as a character offset,
  // walking all of its DOM to count them — with the caret in a long essay, every render of the desk
  // (each key typed moves the claims) would walk the whole essay. React renders nothing inside it
  // (Lexical owns that DOM and the selection), so the essay root answers React's question with
  // "not editable by itself"; the attribute, which the browser and Lexical go by, is untouched.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root || Object.prototype.hasOwnProperty.call(root, 'contentEditable')) return
        const inherited = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable')
        Object.defineProperty(root, 'contentEditable', {
          configurable: true,
          get: () => 'inherit',
          set: (value: string) => inherited?.set?.call(root, value),
        })
      }),
    [editor],
  )

  // Lexical only dispatches key commands while the essay is editable, so this is Edit mode's Escape.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          if (editor.isComposing()) return false
          event?.preventDefault()
          leave()
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  )
  return null
}

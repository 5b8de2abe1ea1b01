import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'
import { isMac } from '../app/keys'

const MOVES: Record<string, { direction: 'forward' | 'backward'; granularity: 'character' | 'line' | 'lineboundary' }> =
  {
    ArrowLeft: { direction: 'backward', granularity: 'character' },
    ArrowRight: { direction: 'forward', granularity: 'character' },
    ArrowUp: { direction: 'backward', granularity: 'line' },
    ArrowDown: { direction: 'forward', granularity: 'line' },
    Home: { direction: 'backward', granularity: 'lineboundary' },
    End: { direction: 'forward', granularity: 'lineboundary' },
  }

/**
 * Selecting from the keyboard in review mode. A read-only essay has no caret of its own, so the arrows
 * (with Shift to extend, Ctrl — ⌥ on a Mac — for whole words), Home and End move the page's selection
 * over the text, as they would in Edit mode; Ctrl/⌘+Shift+M then marks it. Alt+↑/↓ stay the desk's.
 */
export function ReviewSelectionPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onKeyDown = (e: KeyboardEvent): void => {
          if (editor.isEditable() || !root) return
          const move = MOVES[e.key]
          if (!move || e.metaKey || (isMac ? e.ctrlKey : e.altKey)) return
          const byWord = (isMac ? e.altKey : e.ctrlKey) && move.granularity === 'character'
          if ((isMac ? e.altKey : e.ctrlKey) && !byWord) return
          const selection = window.getSelection()
          if (!selection) return
          if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
            // Start where the text starts: the reviewer moves on from there.
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
            const first = walker.nextNode()
            if (!first) return
            selection.collapse(first, 0)
          }
          e.preventDefault()
          selection.modify(e.shiftKey ? 'extend' : 'move', move.direction, byWord ? 'word' : move.granularity)
        }
        root?.addEventListener('keydown', onKeyDown)
        return () => root?.removeEventListener('keydown', onKeyDown)
      }),
    [editor],
  )
  return null
}

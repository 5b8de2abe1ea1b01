import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_HIGH, INSERT_LINE_BREAK_COMMAND, INSERT_PARAGRAPH_COMMAND } from 'lexical'
import { useEffect, useEffectEvent } from 'react'
import type { Block } from '../../../shared/essay'
import { $blocksFromEditor, $textIndex } from './essayState'

export const LOAD_TAG = 'factdesk-load'
export const MARKS_TAG = 'factdesk-marks'
export const CORRECTION_TAG = 'factdesk-correction'

export interface EssayEdit {
  /** The essay as blocks, read from the edited state when needed. */
  blocks: () => Block[]
  text: string
  /** Set when the edit applied a correction (rather than being typed). */
  correction: boolean
}

/**
 * Reports every change of the essay's text (typing, pasting, undo, a correction) with the blocks to
 * save. Loading the essay and redrawing marks are not edits.
 */
export function DocumentSyncPlugin({ onEdit }: { onEdit: (edit: EssayEdit) => void }): null {
  const [editor] = useLexicalComposerContext()
  const edited = useEffectEvent(onEdit)
  useEffect(() => {
    let lastText: string | null = null
    return mergeRegister(
      editor.registerUpdateListener(({ editorState, tags, dirtyLeaves, dirtyElements }) => {
        const loaded = tags.has(LOAD_TAG) || lastText === null
        // Caret moves and focus changes dirty nothing: no need to read the essay for them.
        if (!loaded && dirtyLeaves.size === 0 && dirtyElements.size === 0) return
        const text = editorState.read(() => $textIndex().text)
        if (loaded) {
          lastText = text
          return
        }
        // A redraw of the marks changes no text; formatting (bold) changes blocks without text.
        if (text === lastText && tags.has(MARKS_TAG)) return
        lastText = text
        // The blocks are only needed when the edit is saved, after typing pauses.
        const blocks = (): Block[] => editorState.read($blocksFromEditor)
        edited({ blocks, text, correction: tags.has(CORRECTION_TAG) })
      }),
      // The essay's plain text joins blocks with one line break; a line break inside a block would be
      // lost, so Shift+Enter starts a new paragraph as Enter does.
      editor.registerCommand(
        INSERT_LINE_BREAK_COMMAND,
        () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
        COMMAND_PRIORITY_HIGH,
      ),
    )
  }, [editor])
  return null
}

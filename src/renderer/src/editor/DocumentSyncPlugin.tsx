import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_HIGH, INSERT_LINE_BREAK_COMMAND, INSERT_PARAGRAPH_COMMAND } from 'lexical'
import { useEffectEvent, useLayoutEffect } from 'react'
import type { Block } from '../../../shared/essay'
import type { EditRegion } from '../../../shared/textDiff'
import { $blocksFromEditor } from './essayState'
import { essayIndexOf, followUpdate, LOAD_TAG, MARKS_TAG } from './essayIndex'

export { LOAD_TAG, MARKS_TAG }
export const CORRECTION_TAG = 'factdesk-correction'

export interface EssayEdit {
  /** The essay as blocks, read from the edited state when needed. */
  blocks: () => Block[]
  /**
   * The essay's plain text after the newest edit, joined on demand: a key costs its paragraph, and
   * joining half a million characters on every key would not.
   */
  text: () => string
  /** Where the text changed, in code points of the text before and after (shared/textDiff.ts). */
  region: EditRegion | null
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
  // A layout effect, as EssayContentPlugin's and ClaimMarksPlugin's: the index is ready for the marks.
  useLayoutEffect(() => {
    const { index, listeners } = essayIndexOf(editor)
    // The essay may have been loaded before this listener was registered (EssayContentPlugin loads it
    // in its own layout effect, which runs first).
    editor.getEditorState().read(() => index.$rebuild())
    return mergeRegister(
      editor.registerUpdateListener((update) => {
        const change = followUpdate(index, update)
        if (!change) return
        const { editorState, tags } = update
        for (const listener of listeners) listener(change)
        // A redraw of the marks changes no text; formatting (bold) changes blocks without text.
        if (change.region === null && tags.has(MARKS_TAG)) return
        // The blocks are only needed when the edit is saved, after typing pauses.
        const blocks = (): Block[] => editorState.read($blocksFromEditor)
        edited({ blocks, text: () => index.text(), region: change.region, correction: tags.has(CORRECTION_TAG) })
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

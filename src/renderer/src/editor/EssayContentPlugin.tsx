import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLayoutEffect } from 'react'
import type { Block } from '../../../shared/essay'
import { CLEAR_HISTORY_COMMAND } from 'lexical'
import { LOAD_TAG } from './DocumentSyncPlugin'
import { $buildEssay } from './essayState'

/** Loads the review's essay into the editor whenever a review is opened. */
export function EssayContentPlugin({ blocks }: { blocks: Block[] }): null {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => {
    editor.update(() => $buildEssay(blocks), { discrete: true, tag: ['historic', LOAD_TAG] })
    // Another review (or an import) is not something Ctrl+Z should take back.
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
  }, [editor, blocks])
  return null
}

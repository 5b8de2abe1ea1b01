import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLayoutEffect } from 'react'
import type { Block } from '../../../shared/essay'
import { $buildEssay } from './essayState'

/** Loads the review's essay into the editor whenever a review is opened. */
export function EssayContentPlugin({ blocks }: { blocks: Block[] }): null {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => {
    editor.update(() => $buildEssay(blocks), { discrete: true, tag: 'historic' })
  }, [editor, blocks])
  return null
}

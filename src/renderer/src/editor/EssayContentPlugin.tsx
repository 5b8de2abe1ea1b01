import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffectEvent, useLayoutEffect } from 'react'
import type { Block } from '../../../shared/essay'
import { CLEAR_HISTORY_COMMAND } from 'lexical'
import type { ClaimRange } from './markBlocks'
import { LOAD_TAG } from './DocumentSyncPlugin'
import { essayIndexOf } from './essayIndex'
import { $buildEssay } from './essayState'
import { registerSections, sectionSizeFor } from './SectionNode'

/**
 * Loads the review's essay into the editor whenever a review is opened, with its claims' highlights
 * built with it (essayState.ts): drawing them over an essay already on the page would split and
 * rebuild most of its paragraphs again. ClaimMarksPlugin learns what was drawn
 * from the essay index's entry (`loaded`). A long essay is built in sections (SectionNode.ts).
 */
export function EssayContentPlugin({ blocks, claims }: { blocks: Block[]; claims: readonly ClaimRange[] }): null {
  const [editor] = useLexicalComposerContext()
  const claimsNow = useEffectEvent(() => claims)
  // Before the first load: registered over an essay already in sections, it would visit every one.
  useLayoutEffect(() => registerSections(editor), [editor])
  useLayoutEffect(() => {
    const entry = essayIndexOf(editor)
    const drawn = claimsNow().map(({ id, start, end }) => ({ id, start, end }))
    entry.loaded = { count: entry.loaded.count + 1, claims: drawn }
    editor.update(() => $buildEssay(blocks, drawn, sectionSizeFor(blocks.length)), {
      discrete: true,
      tag: ['historic', LOAD_TAG],
    })
    // Another review (or an import) is not something Ctrl+Z should take back.
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
  }, [editor, blocks])
  return null
}

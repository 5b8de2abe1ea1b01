/**
 * A long essay in a headless editor, with the sections' upkeep and an essay index following its
 * updates as the desk's editor has them (test/editorSections.test.ts, test/editorReading.test.ts).
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical'
import { essayText, type Block } from '../../src/shared/essay'
import { BLOCK_SEPARATOR, codePointLength } from '../../src/shared/text'
import { EssayIndex, type EssayChange } from '../../src/renderer/src/editor/essayIndex'
import { $buildEssay, essayNodes } from '../../src/renderer/src/editor/essayState'
import {
  $isSectionNode,
  registerSections,
  sectionSizeFor,
  type SectionNode,
} from '../../src/renderer/src/editor/SectionNode'
import { longEssay } from '../../scripts/bench/longText'

export const essay = longEssay(60_000)
export const text = essayText(essay.blocks)
export const SEPARATOR = codePointLength(BLOCK_SEPARATOR)

/** Claims of a few words every few hundred code points, some crossing into the next block's edge. */
export const claims = Array.from({ length: Math.floor(codePointLength(text) / 400) }, (_, i) => ({
  id: `c${i}`,
  start: i * 400 + 10,
  end: i * 400 + 10 + 12 + (i % 5) * 7,
}))

/**
 * A headless editor holding `blocks`, and an essay index following its updates as DocumentSyncPlugin
 * keeps it. `sectioned`: with the sections' upkeep, built in sections if long, as the desk builds it;
 * else a flat editor of plain Lexical.
 */
export function indexedEditor(
  blocks: readonly Block[],
  sectioned: boolean,
): { editor: LexicalEditor; index: EssayIndex; changes: EssayChange[] } {
  const editor = createHeadlessEditor({
    nodes: [...essayNodes],
    onError: (e) => {
      throw e
    },
  })
  if (sectioned) registerSections(editor)
  editor.update(() => $buildEssay(blocks, [], sectioned ? sectionSizeFor(blocks.length) : 0), { discrete: true })
  const index = new EssayIndex()
  editor.getEditorState().read(() => index.$rebuild())
  const changes: EssayChange[] = []
  editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements }) => {
    const change = index.apply(editorState, dirtyLeaves, dirtyElements)
    if (change) changes.push(change)
  })
  return { editor, index, changes }
}

export const editorWith = (sectioned: boolean) => indexedEditor(essay.blocks, sectioned)

export const $sections = (): SectionNode[] => $getRoot().getChildren().filter($isSectionNode)

/** The last block of section `i` and the first of section `i + 1`, as the plain text has them. */
export function $edge(i: number): { last: ElementNode; first: ElementNode } {
  const sections = $sections()
  return {
    last: sections[i].getLastChildOrThrow<ElementNode>(),
    first: sections[i + 1].getFirstChildOrThrow<ElementNode>(),
  }
}

export const textOf = (node: LexicalNode) => node.getTextContent()

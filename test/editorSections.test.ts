import { $generateJSONFromSelectedNodes } from '@lexical/clipboard'
import { createHeadlessEditor } from '@lexical/headless'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  REDO_COMMAND,
  type TextNode,
  UNDO_COMMAND,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { essayText } from '../src/shared/essay'
import { codePointLength, BLOCK_SEPARATOR } from '../src/shared/text'
import { $markRanges } from '../src/renderer/src/editor/claimMarks'
import { EssayIndex, followUpdate, LOAD_TAG, MARKS_TAG, type EssayChange } from '../src/renderer/src/editor/essayIndex'
import { editRegion } from '../src/shared/textDiff'
import {
  $blocksFromEditor,
  $buildEssay,
  $leafBlocks,
  $textIndex,
  essayNodes,
} from '../src/renderer/src/editor/essayState'
import {
  $isSectionNode,
  registerSections,
  SECTION_BLOCKS,
  sectionSizeFor,
  type SectionNode,
} from '../src/renderer/src/editor/SectionNode'
import { longEssay } from '../scripts/bench/longText'

const essay = longEssay(60_000)
const text = essayText(essay.blocks)
const SEPARATOR = codePointLength(BLOCK_SEPARATOR)

/** Claims of a few words every few hundred code points, some crossing into the next block's edge. */
const claims = Array.from({ length: Math.floor(codePointLength(text) / 400) }, (_, i) => ({
  id: `c${i}`,
  start: i * 400 + 10,
  end: i * 400 + 10 + 12 + (i % 5) * 7,
}))

function editorWith(sectioned: boolean): { editor: LexicalEditor; index: EssayIndex; changes: EssayChange[] } {
  const editor = createHeadlessEditor({
    nodes: [...essayNodes],
    onError: (e) => {
      throw e
    },
  })
  registerSections(editor)
  editor.update(() => $buildEssay(essay.blocks, [], sectioned ? sectionSizeFor(essay.blocks.length) : 0), {
    discrete: true,
  })
  const index = new EssayIndex()
  editor.getEditorState().read(() => index.$rebuild())
  const changes: EssayChange[] = []
  editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements }) => {
    const change = index.apply(editorState, dirtyLeaves, dirtyElements)
    if (change) changes.push(change)
  })
  return { editor, index, changes }
}

const $sections = (): SectionNode[] => $getRoot().getChildren().filter($isSectionNode)

/** The last block of section `i` and the first of section `i + 1`, as the plain text has them. */
function $edge(i: number): { last: ElementNode; first: ElementNode } {
  const sections = $sections()
  return {
    last: sections[i].getLastChildOrThrow<ElementNode>(),
    first: sections[i + 1].getFirstChildOrThrow<ElementNode>(),
  }
}

const textOf = (node: LexicalNode) => node.getTextContent()

describe('a long essay is built in sections that the text never sees', () => {
  it('groups the top-level blocks by SECTION_BLOCKS, with the same text, blocks and highlights as without', () => {
    expect(essay.blocks.length).toBeGreaterThan(200)
    const plain = editorWith(false).editor
    const { editor } = editorWith(true)
    for (const e of [plain, editor])
      e.update(() => $buildEssay(essay.blocks, claims, e === editor ? SECTION_BLOCKS : 0), { discrete: true })
    editor.getEditorState().read(() => {
      const sections = $sections()
      expect(sections.length).toBe($getRoot().getChildrenSize())
      expect(sections.length).toBeGreaterThan(3)
      for (const s of sections.slice(0, -1)) expect(s.getChildrenSize()).toBe(SECTION_BLOCKS)
      expect($textIndex().text).toBe(text)
    })
    const read = (e: LexicalEditor) =>
      e.getEditorState().read(() => ({ blocks: $blocksFromEditor(), marks: [...$markRanges($getRoot())].sort() }))
    expect(read(editor)).toEqual(read(plain))
    expect(essayText(read(editor).blocks)).toBe(text)
    expect(read(editor).marks).toHaveLength(claims.length)
    expect(sectionSizeFor(200)).toBe(0)
  })

  it('joins two paragraphs across a section edge as it would inside one, and the index reads it', () => {
    const { editor, index, changes } = editorWith(true)
    let expected = ''
    editor.update(
      () => {
        const { last, first } = $edge(0)
        const lastText = textOf(last)
        const before = text.indexOf(lastText + BLOCK_SEPARATOR + textOf(first))
        expect(before).toBeGreaterThanOrEqual(0)
        expected =
          text.slice(0, before + lastText.length) + text.slice(before + lastText.length + BLOCK_SEPARATOR.length)
        // Backspace at the start of the second section's first paragraph.
        const selection = $createRangeSelection()
        selection.anchor.set(last.getLastDescendant()!.getKey(), textOf(last.getLastDescendant()!).length, 'text')
        selection.focus.set(first.getFirstDescendant()!.getKey(), 0, 'text')
        $setSelection(selection)
        selection.removeText()
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      expect($textIndex().text).toBe(expected)
      // The second section lost its first paragraph (merged up) and kept the rest.
      expect($sections()[1].getChildrenSize()).toBe(SECTION_BLOCKS - 1)
    })
    expect(index.text()).toBe(expected)
    expect(changes.at(-1)).toMatchObject({ structural: true })
    expect(codePointLength(index.text())).toBe(codePointLength(text) - SEPARATOR)
  })

  it('replaces a selection from one section into the next with the text typed', () => {
    const { editor, index } = editorWith(true)
    let expected = ''
    editor.update(
      () => {
        const { last, first } = $edge(1)
        const a = last.getLastDescendant()!
        const b = first.getFirstDescendant()!
        const from = text.indexOf(textOf(last) + BLOCK_SEPARATOR + textOf(first)) + textOf(last).length - 3
        expected = text.slice(0, from) + '확인' + text.slice(from + 3 + BLOCK_SEPARATOR.length + 4)
        const selection = $createRangeSelection()
        selection.anchor.set(a.getKey(), textOf(a).length - 3, 'text')
        selection.focus.set(b.getKey(), 4, 'text')
        $setSelection(selection)
        selection.insertText('확인')
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => expect($textIndex().text).toBe(expected))
    expect(index.text()).toBe(expected)
  })

  it('keeps a new paragraph in its section, and splits a section that grows past twice its size', () => {
    const { editor, index } = editorWith(true)
    editor.update(
      () => {
        const anchor = $sections()[2].getChildAtIndex<ElementNode>(10)!
        const added = Array.from({ length: 3 * SECTION_BLOCKS }, (_, i) =>
          $createParagraphNode().append($createTextNode(`붙여 넣은 문단 ${i}`)),
        )
        let at: ElementNode = anchor
        for (const p of added) {
          at.insertAfter(p)
          at = p
        }
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      const sizes = $sections().map((s) => s.getChildrenSize())
      for (const size of sizes) expect(size).toBeLessThanOrEqual(2 * SECTION_BLOCKS)
      // 50 + 150 blocks in the third section: four sections of 50 now.
      expect(sizes.slice(2, 6)).toEqual([50, 50, 50, 50])
      expect($getRoot().getChildren().every($isSectionNode)).toBe(true)
      const blocks = $leafBlocks().map(textOf)
      expect(blocks.filter((b) => b.startsWith('붙여 넣은 문단'))).toEqual(
        Array.from({ length: 3 * SECTION_BLOCKS }, (_, i) => `붙여 넣은 문단 ${i}`),
      )
      expect($textIndex().text).toBe(index.text())
    })
    editor.update(
      () => {
        const block = $sections()[0].getChildAtIndex<ElementNode>(5)!
        block.selectEnd().insertParagraph()
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => expect($sections()[0].getChildrenSize()).toBe(SECTION_BLOCKS + 1))
  })

  it('puts text that lands directly in a section into a paragraph of its own', () => {
    const { editor } = editorWith(true)
    editor.update(
      () => {
        const section = $sections()[1]
        section.getChildAtIndex(3)!.insertAfter($createTextNode('떠도는 글'))
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      const section = $sections()[1]
      const stray = section.getChildAtIndex(4)!
      expect($isElementNode(stray) && stray.getType()).toBe('paragraph')
      expect(textOf(stray)).toBe('떠도는 글')
      expect($leafBlocks().map(textOf)).toContain('떠도는 글')
    })
  })

  it('copies the blocks of a selection across sections, never the sections themselves', () => {
    const { editor } = editorWith(true)
    editor.update(
      () => {
        const { last, first } = $edge(0)
        const selection = $createRangeSelection()
        selection.anchor.set(last.getFirstDescendant()!.getKey(), 0, 'text')
        selection.focus.set(first.getLastDescendant()!.getKey(), 2, 'text')
        $setSelection(selection)
        const copied = $generateJSONFromSelectedNodes(editor, selection)
        const types = JSON.stringify(copied.nodes)
        expect(types).not.toContain('essay-section')
        expect(copied.nodes.map((n) => n.type)).toEqual([last.getType(), first.getType()])
      },
      { discrete: true },
    )
  })
})

describe('undo and redo are read as whole states', () => {
  /** An editor whose index follows its updates as DocumentSyncPlugin does, with Lexical's history. */
  function withHistory(sectioned: boolean) {
    const editor = createHeadlessEditor({
      nodes: [...essayNodes],
      onError: (e) => {
        throw e
      },
    })
    registerSections(editor)
    registerHistory(editor, createEmptyHistoryState(), 0)
    editor.update(() => $buildEssay(essay.blocks, claims, sectioned ? SECTION_BLOCKS : 0), {
      discrete: true,
      tag: ['historic', LOAD_TAG],
    })
    const index = new EssayIndex()
    const changes: EssayChange[] = []
    editor.registerUpdateListener((update) => {
      const change = followUpdate(index, update)
      if (change) changes.push(change)
    })
    editor.getEditorState().read(() => index.$rebuild())
    // The reviewer's click into the essay: the history's starting point.
    editor.update(() => $getRoot().selectStart(), { discrete: true })
    return { editor, index, changes }
  }

  // A command's update is committed a microtask after it is dispatched.
  const committed = () => new Promise((resolve) => setTimeout(resolve, 0))

  /** What the marks plugin does after an edit: a block's highlights redrawn, kept out of the history. */
  const redrawMarks = (editor: LexicalEditor, block: number) =>
    editor.update(
      () => {
        const b = $leafBlocks()[block]
        b.getFirstDescendant<TextNode>()!.setFormat(b.getFirstDescendant<TextNode>()!.getFormat())
        b.markDirty()
      },
      { discrete: true, tag: ['historic', MARKS_TAG] },
    )

  for (const sectioned of [true, false]) {
    it(`brings the index back with the text after undoing a join, and forward on redo (${sectioned ? 'in sections' : 'flat'})`, async () => {
      const { editor, index, changes } = withHistory(sectioned)
      editor.update(
        () => {
          const blocks = $leafBlocks()
          const [a, b] = [blocks[99], blocks[100]]
          const selection = $createRangeSelection()
          selection.anchor.set(a.getLastDescendant()!.getKey(), textOf(a.getLastDescendant()!).length, 'text')
          selection.focus.set(b.getFirstDescendant()!.getKey(), 0, 'text')
          $setSelection(selection)
          selection.removeText()
        },
        { discrete: true },
      )
      const joined = index.text()
      expect(joined.length).toBe(text.length - 1)
      redrawMarks(editor, 300)
      editor.dispatchCommand(UNDO_COMMAND, undefined)
      await committed()
      editor.getEditorState().read(() => expect($textIndex().text).toBe(text))
      expect(index.text()).toBe(text)
      expect(changes.at(-1)).toMatchObject({ wholesale: true, region: editRegion(joined, text) })
      editor.dispatchCommand(REDO_COMMAND, undefined)
      await committed()
      expect(index.text()).toBe(joined)
      expect(changes.at(-1)).toMatchObject({ wholesale: true, region: editRegion(text, joined) })
    })
  }
})

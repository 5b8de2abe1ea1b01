import { $generateJSONFromSelectedNodes } from '@lexical/clipboard'
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { essayText } from '../src/shared/essay'
import { BLOCK_SEPARATOR, codePointLength } from '../src/shared/text'
import { $markRanges } from '../src/renderer/src/editor/claimMarks'
import { $blocksFromEditor, $buildEssay, $leafBlocks, $textIndex } from '../src/renderer/src/editor/essayState'
import {
  $isSectionNode,
  LONG_ESSAY_BLOCKS,
  SECTION_BLOCKS,
  sectionSizeFor,
} from '../src/renderer/src/editor/SectionNode'
import {
  $edge,
  $sections,
  claims,
  editorWith,
  essay,
  indexedEditor,
  SEPARATOR,
  text,
  textOf,
} from './helpers/longEssayEditor'

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

/** A short essay (no sections) in an editor with the sections' upkeep, and an index following it. */
const shortEditor = (blocks = 150) => indexedEditor(essay.blocks.slice(0, blocks), true)

const pasted = (n: number) =>
  Array.from({ length: n }, (_, i) => $createParagraphNode().append($createTextNode(`붙여 넣은 문단 ${i}`)))

describe('blocks that land in the root', () => {
  it('leaves a short essay flat, and gathers it into sections once a paste makes it long', () => {
    const { editor, index } = shortEditor()
    editor.update(() => $getRoot().getChildAtIndex(20)!.insertAfter($createParagraphNode()), { discrete: true })
    editor.getEditorState().read(() => expect($sections()).toEqual([]))
    let before = ''
    editor.update(
      () => {
        before = $textIndex().text
        let at = $getRoot().getChildAtIndex(40)!
        for (const p of pasted(LONG_ESSAY_BLOCKS)) {
          at.insertAfter(p)
          at = p
        }
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      const root = $getRoot()
      expect(root.getChildren().every($isSectionNode)).toBe(true)
      const sizes = $sections().map((s) => s.getChildrenSize())
      expect(sizes.slice(0, -1).every((n) => n === SECTION_BLOCKS)).toBe(true)
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(151 + LONG_ESSAY_BLOCKS)
      const blocks = $leafBlocks().map(textOf)
      const first = blocks.indexOf('붙여 넣은 문단 0')
      expect(first).toBeGreaterThan(40)
      expect(blocks.slice(first, first + LONG_ESSAY_BLOCKS)).toEqual(
        Array.from({ length: LONG_ESSAY_BLOCKS }, (_, i) => `붙여 넣은 문단 ${i}`),
      )
      expect($textIndex().text.startsWith(before.slice(0, 200))).toBe(true)
      expect(index.text()).toBe($textIndex().text)
    })
  })

  it('puts a block left in the root of a long essay into the section before it, or one of its own', () => {
    const { editor, index } = editorWith(true)
    const count = () => $sections().length
    let sections = 0
    editor.update(
      () => {
        sections = count()
        const [p, q] = pasted(2)
        $sections()[3].insertAfter(p)
        $sections()[0].insertBefore(q)
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      expect($getRoot().getChildren().every($isSectionNode)).toBe(true)
      // The first has a section of its own; the second joined the fourth section.
      expect(count()).toBe(sections + 1)
      expect(textOf($sections()[0])).toBe('붙여 넣은 문단 1')
      expect(textOf($sections()[4].getLastChildOrThrow())).toBe('붙여 넣은 문단 0')
      expect(index.text()).toBe($textIndex().text)
    })
  })
})

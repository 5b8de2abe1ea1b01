import { createHeadlessEditor } from '@lexical/headless'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import {
  $createRangeSelection,
  $getRoot,
  $isTextNode,
  $setSelection,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { BLOCK_SEPARATOR, codePointIndex, describeRange } from '../src/shared/text'
import { editRegion } from '../src/shared/textDiff'
import { $anchorFromSelection, $selectionOfRange } from '../src/renderer/src/editor/claimMarks'
import { EssayIndex, followUpdate, LOAD_TAG, MARKS_TAG, type EssayChange } from '../src/renderer/src/editor/essayIndex'
import { $buildEssay, $leafBlocks, $textIndex, essayNodes } from '../src/renderer/src/editor/essayState'
import { registerSections, SECTION_BLOCKS } from '../src/renderer/src/editor/SectionNode'
import { $sections, claims, editorWith, essay, text, textOf } from './helpers/longEssayEditor'

/**
 * How the desk's editor reads the essay where it must be exact and cheap at once: undo and redo read
 * as whole states (so claims move back with the text), and a selection read from its two blocks.
 */
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

describe('a selection is read from its two blocks, as from the whole text', () => {
  /** The old reading, from the whole text's index: where a point falls in the plain text. */
  function $oracle(point: { node: LexicalNode; offset: number }): number {
    const index = $textIndex()
    if ($isTextNode(point.node)) {
      const seg = index.segments.find((s) => s.node.is(point.node))!
      return seg.start + codePointIndex(point.node.getTextContent(), point.offset)
    }
    const node = point.node as ElementNode
    const child = node.getChildAtIndex(point.offset)
    const leaf = (n: LexicalNode, last: boolean): TextNode | null => {
      const texts = $isTextNode(n) ? [n] : (n as ElementNode).getAllTextNodes()
      return (last ? texts.at(-1) : texts[0]) ?? null
    }
    if (child) {
      const t = leaf(child, false)!
      return index.segments.find((s) => s.node.is(t))!.start
    }
    const t = leaf(node, true)!
    const seg = index.segments.find((s) => s.node.is(t))!
    return seg.start + seg.length
  }

  it('for text and element points, in marks and across sections (random selections)', () => {
    const { editor } = editorWith(true)
    editor.update(() => $buildEssay(essay.blocks, claims, SECTION_BLOCKS), { discrete: true })
    const index = new EssayIndex()
    editor.getEditorState().read(() => index.$rebuild())
    const wholeText = vi.spyOn(index, 'text')
    const pointAt = fc.record({ text: fc.boolean(), which: fc.nat(), offset: fc.nat() })
    fc.assert(
      fc.property(pointAt, pointAt, (p, q) =>
        editor.getEditorState().read(() => {
          const texts = $leafBlocks().flatMap((b) => b.getAllTextNodes())
          const elements: ElementNode[] = [...$leafBlocks(), ...$sections()]
          const point = ({ text, which, offset }: typeof p) => {
            if (text) {
              const node = texts[which % texts.length]
              return { node, offset: offset % (node.getTextContentSize() + 1), type: 'text' as const }
            }
            const node = elements[which % elements.length]
            return { node, offset: offset % (node.getChildrenSize() + 1), type: 'element' as const }
          }
          const [a, b] = [point(p), point(q)]
          const selection = $createRangeSelection()
          selection.anchor.set(a.node.getKey(), a.offset, a.type)
          selection.focus.set(b.node.getKey(), b.offset, b.type)
          const [x, y] = [$oracle(a), $oracle(b)]
          const chars = Array.from(text).slice(Math.min(x, y), Math.max(x, y))
          const lead = chars.findIndex((c) => !/\s/u.test(c))
          const trail = chars.length - 1 - [...chars].reverse().findIndex((c) => !/\s/u.test(c))
          const expected = lead < 0 ? null : { start: Math.min(x, y) + lead, end: Math.min(x, y) + trail + 1 }
          // Its words and context as the whole text gives them, read without joining the essay.
          expect($anchorFromSelection(selection, index)).toEqual(
            expected && describeRange(text, expected.start, expected.end),
          )
        }),
      ),
      { numRuns: 300 },
    )
    expect(wholeText).not.toHaveBeenCalled()
  })

  it('and a range of the plain text becomes the selection of exactly those characters', () => {
    const { editor } = editorWith(true)
    editor.update(() => $buildEssay(essay.blocks, claims, SECTION_BLOCKS), { discrete: true })
    const index = new EssayIndex()
    editor.getEditorState().read(() => index.$rebuild())
    const chars = Array.from(text)
    const length = chars.length
    let found = 0
    fc.assert(
      fc.property(fc.nat(length - 1), fc.integer({ min: 1, max: 300 }), (start, size) => {
        const end = Math.min(length, start + size)
        editor.update(
          () => {
            const selection = $selectionOfRange(start, end, index)
            // Null only when the range starts on a line break between blocks, or ends just after one.
            if (!selection) return expect([chars[start], chars[end - 1]]).toContain(BLOCK_SEPARATOR)
            found++
            expect(selection.getTextContent()).toBe(chars.slice(start, end).join(''))
          },
          { discrete: true },
        )
      }),
      { numRuns: 200 },
    )
    expect(found).toBeGreaterThan(150)
  })
})

import { createHeadlessEditor } from '@lexical/headless'
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type NodeKey,
} from 'lexical'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { essayText, type Block } from '../src/shared/essay'
import { codePointIndex, codePointLength, cpSlice, describeRange } from '../src/shared/text'
import { editRegion } from '../src/shared/textDiff'
import { $anchorFromSelection, $applyClaimMarks, $markRanges } from '../src/renderer/src/editor/claimMarks'
import { EssayIndex } from '../src/renderer/src/editor/essayIndex'
import { $buildEssay, $leafBlocks, $textIndex, essayNodes } from '../src/renderer/src/editor/essayState'
import { $blockShows, $drawBlock, claimsByBlock, claimsIn } from '../src/renderer/src/editor/markBlocks'
import { indexedEditor } from './helpers/longEssayEditor'

const essay = parseEssayMarkdown(readFileSync('resources/essays/seoul-openai.md', 'utf8'))
const text = essayText(essay.blocks)

/** An editor with the essay and an index that follows its updates, as DocumentSyncPlugin keeps it. */
const follow = () => indexedEditor(essay.blocks, false)

const at = (quote: string) => {
  const i = text.indexOf(quote)
  expect(i).toBeGreaterThanOrEqual(0)
  return codePointIndex(text, i)
}

/** The text node holding `quote` and the UTF-16 offset of the quote in it. */
function $nodeWith(quote: string) {
  for (const block of $leafBlocks()) {
    for (const node of block.getAllTextNodes()) {
      const i = node.getTextContent().indexOf(quote)
      if (i >= 0) return { node, i }
    }
  }
  throw new Error(`${quote} is not in the editor`)
}

describe('the essay index follows edits paragraph by paragraph', () => {
  it('reads only the paragraph typed in and says where the text changed', () => {
    const { editor, index, changes } = follow()
    editor.update(
      () => {
        const { node, i } = $nodeWith('서울에 지사를')
        node.spliceText(i, 0, '새 ')
      },
      { discrete: true },
    )
    const expected = text.replace('서울에 지사를', '새 서울에 지사를')
    expect(index.text()).toBe(expected)
    expect(changes.at(-1)).toMatchObject({ structural: false, region: editRegion(text, expected) })
    expect(changes.at(-1)!.blocks).toHaveLength(1)
    editor.getEditorState().read(() => expect($textIndex().text).toBe(expected))
  })

  it('reads the whole essay again when paragraphs are added, and the region is still right', () => {
    const { editor, index, changes } = follow()
    editor.update(
      () => {
        const { node } = $nodeWith('서울에 지사를')
        node.getParentOrThrow().insertAfter($createParagraphNode().append($createTextNode('새 문단')))
      },
      { discrete: true },
    )
    const after = editor.getEditorState().read(() => $textIndex().text)
    expect(index.text()).toBe(after)
    expect(changes.at(-1)).toMatchObject({ structural: true, region: editRegion(text, after) })
  })

  it('offsets and block lookups agree with the plain text', () => {
    const { index } = follow()
    const start = at('오픈AI가 한국에 지사를')
    const i = index.blockAt(start)
    const span = index.span(i)
    expect(span.start).toBeLessThanOrEqual(start)
    expect(text.slice(span.start, span.end)).toContain('오픈AI가 한국에 지사를')
    expect(index.blockAt(span.end)).toBe(i)
    expect(index.blockAt(span.end + 1)).toBe(i + 1)
  })
})

describe('marks drawn block by block', () => {
  const claims = [
    { id: 'a', start: at('챗GPT 유료 가입자 수 2위'), end: at('챗GPT 유료 가입자 수 2위') + 15 },
    { id: 'b', start: at('유료 가입자 수 2위를'), end: at('유료 가입자 수 2위를') + 22 },
    { id: 'c', start: at('전환하고 있다는 신호다.'), end: at('오픈AI가 한국에 지사를') + 14 },
  ]

  it('redraws one paragraph to the claims it holds and leaves the others as they are', () => {
    const { editor, index, changes } = follow()
    editor.update(() => $applyClaimMarks($getRoot(), claims), { discrete: true })
    const moved = [{ ...claims[0], end: claims[0].end - 3 }, claims[1], claims[2]]
    const i = index.blockAt(claims[0].start)
    const keysBefore = editor.getEditorState().read(() => markKeysOutside(index.keyAt(i)))
    editor.update(
      () => {
        const block = $leafBlocks().find((b) => b.getKey() === index.keyAt(i))!
        const span = index.span(i)
        const mine = claimsIn(moved, span)
        expect($blockShows(block, span.start, mine)).toBe(false)
        $drawBlock(block, span.start, mine)
        expect($blockShows(block, span.start, mine)).toBe(true)
      },
      { discrete: true },
    )
    editor.getEditorState().read(() => {
      const drawn = $markRanges($getRoot())
      for (const c of moved) expect(drawn.get(c.id)).toEqual({ start: c.start, end: c.end })
      expect($textIndex().text).toBe(text)
      // The marks of other paragraphs are the same nodes: nothing there was drawn again.
      expect(markKeysOutside(index.keyAt(i))).toEqual(keysBefore)
    })
    // Its old marks were removed: still a change of that paragraph alone, not one to read the essay again for.
    expect(changes.at(-1)).toMatchObject({ structural: false, region: null, blocks: [index.keyAt(i)] })
  })

  it('gives each block the part of every claim it holds', () => {
    const spans = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
    ]
    const byBlock = claimsByBlock(spans, [
      { id: 'x', start: 5, end: 25 },
      { id: 'y', start: 10, end: 11 },
      { id: 'z', start: 21, end: 22 },
    ])
    expect(byBlock).toEqual([
      [{ id: 'x', start: 5, end: 10 }],
      [{ id: 'x', start: 11, end: 20 }],
      [
        { id: 'x', start: 21, end: 25 },
        { id: 'z', start: 21, end: 22 },
      ],
    ])
  })
})

describe('an essay loaded with its claims', () => {
  // The bundled essay, then blocks with bold runs, an empty run, astral characters and list items.
  const blocks: Block[] = [
    ...essay.blocks,
    {
      kind: 'paragraph',
      inlines: [{ text: '앞 ' }, { text: '굵은 😀 글씨', bold: true }, { text: '' }, { text: ' 뒤𝒳 끝' }],
    },
    { kind: 'item', inlines: [{ text: '첫째 항목' }] },
    { kind: 'subitem', inlines: [{ text: '둘째', bold: true }, { text: ' 하위 항목' }] },
    { kind: 'paragraph', inlines: [] },
    { kind: 'heading', inlines: [{ text: '마지막 제목' }] },
  ]
  const length = codePointLength(essayText(blocks))
  const editorWith = (build: () => void) => {
    const editor = createHeadlessEditor({
      nodes: [...essayNodes],
      onError: (e) => {
        throw e
      },
    })
    editor.update(build, { discrete: true })
    return JSON.stringify(editor.getEditorState().toJSON())
  }

  it('gets the same nodes as an essay whose claims are drawn after it is built', () => {
    const claim = fc
      .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 120 }))
      .map(([start, n]) => ({ start, end: Math.min(length, start + n) }))
    // Near the end too, where the short blocks are.
    const late = fc
      .tuple(fc.integer({ min: length - 60, max: length - 1 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, n]) => ({ start, end: Math.min(length, start + n) }))
    const claims = fc
      .array(fc.oneof(claim, late), { maxLength: 40 })
      .map((list) => list.map((c, i) => ({ id: `c${i}`, ...c })))
    fc.assert(
      fc.property(claims, (list) => {
        const built = editorWith(() => $buildEssay(blocks, list))
        const drawn = editorWith(() => {
          $buildEssay(blocks)
          $applyClaimMarks($getRoot(), list)
        })
        expect(built).toBe(drawn)
      }),
      { numRuns: 150 },
    )
  })
})

function markKeysOutside(blockKey: NodeKey): string[] {
  const keys: string[] = []
  for (const block of $leafBlocks()) {
    if (block.getKey() === blockKey) continue
    for (const child of block.getChildren()) if ($isElementNode(child) && !$isTextNode(child)) keys.push(child.getKey())
  }
  return keys
}

describe('editRegion by UTF-16 units', () => {
  const byCodePoints = (before: string, after: string) => {
    if (before === after) return null
    const a = Array.from(before)
    const b = Array.from(after)
    let p = 0
    while (p < a.length && p < b.length && a[p] === b[p]) p++
    let s = 0
    while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
    return { start: p, oldEnd: a.length - s, newEnd: b.length - s }
  }
  it('finds the same region as a comparison by code points, astral characters included', () => {
    const char = fc.constantFrom('가', '나', 'a', '😀', '😁', '𝒳', ' ')
    const str = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''))
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(editRegion(a, b)).toEqual(byCodePoints(a, b))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the range of a selection', () => {
  it('is given in code points without the white space at its edges, looking at the selected text only', () => {
    const editor = createHeadlessEditor({
      nodes: [...essayNodes],
      onError: (e) => {
        throw e
      },
    })
    const blocks: Block[] = [
      { kind: 'paragraph', inlines: [{ text: '😀 앞 문단' }] },
      { kind: 'paragraph', inlines: [{ text: '가 ' }, { text: ' 굵은 😀말 ', bold: true }, { text: '뒤' }] },
    ]
    editor.update(() => $buildEssay(blocks), { discrete: true })
    const all = essayText(blocks)
    const range = (from: string, fromAt: number, to: string, toAt: number) =>
      editor.getEditorState().read(() => {
        const selection = $createRangeSelection()
        const a = $nodeWithText(from)
        const b = $nodeWithText(to)
        selection.anchor.set(a.getKey(), fromAt, 'text')
        selection.focus.set(b.getKey(), toAt, 'text')
        const index = new EssayIndex()
        index.$rebuild()
        return $anchorFromSelection(selection, index)
      })
    // "가 " + " 굵은 😀말 ": the selection starts at the space after 가 and ends after the bold run's space.
    const r = range('가 ', 1, ' 굵은 😀말 ', ' 굵은 😀말 '.length)
    expect(r).not.toBeNull()
    const chars = Array.from(all)
    expect(chars.slice(r!.start, r!.end).join('')).toBe('굵은 😀말')
    expect(r!.start).toBe(Array.from('😀 앞 문단\n가  ').length)
    // Backwards, the same range; white space alone is no range.
    expect(range(' 굵은 😀말 ', ' 굵은 😀말 '.length, '가 ', 1)).toEqual(r)
    expect(range('가 ', 1, ' 굵은 😀말 ', 1)).toBeNull()
    // Any range's words and context, read from its paragraphs, are the whole text's: across the
    // separator, at either end, around the emoji.
    const index = new EssayIndex()
    editor.getEditorState().read(() => index.$rebuild())
    const length = chars.length
    for (let start = 0; start <= length; start++)
      for (let end = start; end <= length + 1; end++) {
        expect(index.slice(start, end)).toBe(cpSlice(all, start, end))
        expect(index.describe(start, end)).toEqual(describeRange(all, start, end))
      }
  })
})

function $nodeWithText(text: string) {
  for (const block of $leafBlocks()) {
    for (const node of block.getAllTextNodes()) if (node.getTextContent() === text) return node
  }
  throw new Error(`no text node holds ${text}`)
}

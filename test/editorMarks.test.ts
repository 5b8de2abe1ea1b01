import { createHeadlessEditor } from '@lexical/headless'
import { $isMarkNode, type MarkNode } from '@lexical/mark'
import { $createRangeSelection, $getRoot, $isElementNode, type LexicalNode } from 'lexical'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseEssayMarkdown } from '../src/core/document/essayFormat'
import { blockText, essayText } from '../src/shared/essay'
import { codePointIndex } from '../src/shared/text'
import { $anchorFromSelection, $applyClaimMarks } from '../src/renderer/src/editor/claimMarks'
import { EssayIndex } from '../src/renderer/src/editor/essayIndex'
import {
  $blocksFromEditor,
  $buildEssay,
  $leafBlocks,
  $textIndex,
  essayNodes,
} from '../src/renderer/src/editor/essayState'

const essay = parseEssayMarkdown(readFileSync('resources/essays/seoul-openai.md', 'utf8'))
const text = essayText(essay.blocks)

function editorWithEssay() {
  const editor = createHeadlessEditor({
    nodes: [...essayNodes],
    onError: (e) => {
      throw e
    },
  })
  editor.update(() => $buildEssay(essay.blocks), { discrete: true })
  return editor
}

function rangeOf(quote: string, from = 0) {
  const i = text.indexOf(quote, from)
  expect(i).toBeGreaterThanOrEqual(0)
  const start = codePointIndex(text, i)
  return { start, end: start + Array.from(quote).length }
}

function marks(editor: ReturnType<typeof editorWithEssay>): { ids: string[]; text: string }[] {
  return editor.getEditorState().read(() => {
    const out: MarkNode[] = []
    const visit = (n: LexicalNode) => {
      if ($isMarkNode(n)) out.push(n)
      if ($isElementNode(n)) n.getChildren().forEach(visit)
    }
    visit($getRoot())
    return out.map((m) => ({ ids: m.getIDs(), text: m.getTextContent() }))
  })
}

describe('the essay in the editor', () => {
  it('renders every block with the text and bold runs of the essay file', () => {
    const editor = editorWithEssay()
    editor.getEditorState().read(() => {
      expect($leafBlocks().map((b) => b.getTextContent())).toEqual(essay.blocks.map(blockText))
      expect($blocksFromEditor()).toEqual(essay.blocks)
      expect($textIndex().text).toBe(text)
    })
  })
})

describe('claim marks', () => {
  it('highlights exactly the claimed text, across paragraphs and overlaps', () => {
    const editor = editorWithEssay()
    const a = { id: 'a', ...rangeOf('챗GPT 유료 가입자 수 2위') }
    const b = { id: 'b', ...rangeOf('유료 가입자 수 2위를 기록하며, 글로벌') }
    const crossStart = rangeOf('전환하고 있다는 신호다.').start
    const crossEnd = rangeOf('오픈AI가 한국에 지사를').end
    const c = { id: 'c', start: crossStart, end: crossEnd }
    editor.update(() => $applyClaimMarks($getRoot(), [a, b, c]), { discrete: true })
    const found = marks(editor)
    expect(found).toEqual([
      { ids: ['a'], text: '챗GPT ' },
      { ids: ['a', 'b'], text: '유료 가입자 수 2위' },
      { ids: ['b'], text: '를 기록하며, 글로벌' },
      { ids: ['c'], text: '전환하고 있다는 신호다.' },
      { ids: ['c'], text: 'AI 소비를 넘어 창출로 – 한국이 가진 기술 기반의 힘' },
      { ids: ['c'], text: '오픈AI가 한국에 지사를' },
    ])
    editor.getEditorState().read(() => expect($textIndex().text).toBe(text))
  })

  it('redraws from positions and removes marks of removed claims', () => {
    const editor = editorWithEssay()
    const a = { id: 'a', ...rangeOf('결국 서울은 AI 기술') }
    editor.update(() => $applyClaimMarks($getRoot(), [a]), { discrete: true })
    expect(
      marks(editor)
        .map((m) => m.text)
        .join(''),
    ).toBe('결국 서울은 AI 기술')
    editor.update(() => $applyClaimMarks($getRoot(), []), { discrete: true })
    expect(marks(editor)).toEqual([])
    editor.getEditorState().read(() => expect($blocksFromEditor()).toEqual(essay.blocks))
  })

  it('turns a selection into the trimmed code point range of the plain text', () => {
    const editor = editorWithEssay()
    editor.update(
      () => {
        const { segments } = $textIndex()
        const target = rangeOf('서울에 지사를 설립')
        const seg = segments.find((s) => s.start <= target.start && target.end <= s.start + s.length)!
        const sel = $createRangeSelection()
        sel.anchor.set(seg.node.getKey(), target.end - seg.start, 'text')
        sel.focus.set(seg.node.getKey(), target.start - seg.start - 1, 'text')
        const index = new EssayIndex()
        index.$rebuild()
        expect($anchorFromSelection(sel, index)!.exact).toBe('서울에 지사를 설립')
      },
      { discrete: true },
    )
  })
})

import { $isMarkNode, type MarkNode } from '@lexical/mark'
import {
  $createRangeSelection,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type ElementNode,
  type PointType,
  type RangeSelection,
} from 'lexical'
import { BLOCK_SEPARATOR, codePointIndex, codePointLength, cpSlice, utf16Index } from '../../../shared/text'
import { $leafBlocks, $textIndex, type TextIndex } from './essayState'
import { $drawBlock, claimsByBlock, type BlockSpan, type ClaimRange } from './markBlocks'

export type { ClaimRange }

export function $allMarks(node: LexicalNode, out: MarkNode[] = []): MarkNode[] {
  if ($isMarkNode(node)) out.push(node)
  if ($isElementNode(node)) for (const child of node.getChildren()) $allMarks(child, out)
  return out
}

/**
 * Re-draws every claim highlight from the claims' positions. The marks are only a view of the
 * review file: each stretch of text covered by claims gets one flat mark carrying the ids of all the
 * claims that cover it, so overlaps need no nesting (markBlocks.ts draws them block by block).
 */
export function $applyClaimMarks(_root: LexicalNode, claims: readonly ClaimRange[]): void {
  const { blocks, spans } = $blockSpans()
  const byBlock = claimsByBlock(spans, claims)
  blocks.forEach((block, i) => {
    if (byBlock[i].length > 0 || block.getChildren().some($isMarkNode)) $drawBlock(block, spans[i].start, byBlock[i])
  })
}

/** Every leaf block with the code point range its text takes in the document's plain text. */
export function $blockSpans(): { blocks: ElementNode[]; spans: BlockSpan[] } {
  const blocks = $leafBlocks()
  let offset = 0
  const spans = blocks.map((block, i) => {
    if (i > 0) offset += codePointLength(BLOCK_SEPARATOR)
    const start = offset
    for (const node of block.getAllTextNodes()) offset += codePointLength(node.getTextContent())
    return { start, end: offset }
  })
  return { blocks, spans }
}

function $pointOffset(point: PointType, index: TextIndex): number | null {
  const node = point.getNode()
  if ($isTextNode(node)) {
    const seg = index.segments.find((s) => s.node.is(node))
    return seg ? seg.start + codePointIndex(node.getTextContent(), point.offset) : null
  }
  if (!$isElementNode(node)) return null
  const children = node.getChildren()
  const after = children.slice(point.offset)
  for (const child of after) {
    const start = $firstOffset(child, index)
    if (start !== null) return start
  }
  return $lastOffset(node, index)
}

function $firstOffset(node: LexicalNode, index: TextIndex): number | null {
  const block = index.blockStarts.get(node.getKey())
  if (block) return block.start
  if ($isTextNode(node)) return index.segments.find((s) => s.node.is(node))?.start ?? null
  if ($isElementNode(node)) {
    for (const child of node.getChildren()) {
      const start = $firstOffset(child, index)
      if (start !== null) return start
    }
  }
  return null
}

function $lastOffset(node: LexicalNode, index: TextIndex): number | null {
  const block = index.blockStarts.get(node.getKey())
  if (block) return block.start + block.length
  if ($isTextNode(node)) {
    const seg = index.segments.find((s) => s.node.is(node))
    return seg ? seg.start + seg.length : null
  }
  if ($isElementNode(node)) {
    for (const child of [...node.getChildren()].reverse()) {
      const end = $lastOffset(child, index)
      if (end !== null) return end
    }
  }
  return null
}

/**
 * The code point range a selection covers in the document's plain text, without the white space
 * at its edges (a triple click also selects the line break after a paragraph). Null when nothing
 * but white space is selected.
 */
export function $rangeFromSelection(selection: RangeSelection): { start: number; end: number; text: string } | null {
  const index = $textIndex()
  const a = $pointOffset(selection.anchor, index)
  const b = $pointOffset(selection.focus, index)
  if (a === null || b === null) return null
  const start = Math.min(a, b)
  // The selected characters only, not an array of the whole essay's (half a million in a long one).
  const chars = Array.from(cpSlice(index.text, start, Math.max(a, b)))
  let first = 0
  let last = chars.length
  while (first < last && /\s/u.test(chars[first])) first++
  while (last > first && /\s/u.test(chars[last - 1])) last--
  return first < last ? { start: start + first, end: start + last, text: index.text } : null
}

/** Where each claim is drawn now: the span from its first to its last marked character. */
export function $markRanges(root: LexicalNode): Map<string, { start: number; end: number }> {
  const index = $textIndex()
  const startOf = new Map(index.segments.map((s) => [s.node.getKey(), s]))
  const ranges = new Map<string, { start: number; end: number }>()
  for (const mark of $allMarks(root)) {
    for (const node of mark.getAllTextNodes()) {
      const seg = startOf.get(node.getKey())
      if (!seg) continue
      for (const id of mark.getIDs()) {
        const r = ranges.get(id)
        ranges.set(
          id,
          r
            ? { start: Math.min(r.start, seg.start), end: Math.max(r.end, seg.start + seg.length) }
            : { start: seg.start, end: seg.start + seg.length },
        )
      }
    }
  }
  return ranges
}

export function sameRanges(drawn: Map<string, { start: number; end: number }>, claims: readonly ClaimRange[]): boolean {
  if (drawn.size !== claims.length) return false
  return claims.every((c) => {
    const d = drawn.get(c.id)
    return d !== undefined && d.start === c.start && d.end === c.end
  })
}

/** A selection over [start, end) of the plain text, for replacing it. */
export function $selectionOfRange(start: number, end: number): RangeSelection | null {
  const { segments } = $textIndex()
  const locate = (offset: number, isEnd: boolean) =>
    segments.find((s) =>
      isEnd ? s.start < offset && offset <= s.start + s.length : s.start <= offset && offset < s.start + s.length,
    )
  const a = locate(start, false)
  const b = locate(end, true)
  if (!a || !b) return null
  const selection = $createRangeSelection()
  selection.anchor.set(a.node.getKey(), utf16Index(a.node.getTextContent(), start - a.start), 'text')
  selection.focus.set(b.node.getKey(), utf16Index(b.node.getTextContent(), end - b.start), 'text')
  $setSelection(selection)
  return selection
}

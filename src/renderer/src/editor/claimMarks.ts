import { $isMarkNode, type MarkNode } from '@lexical/mark'
import {
  $createRangeSelection,
  $getNodeByKey,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type ElementNode,
  type PointType,
  type RangeSelection,
} from 'lexical'
import { BLOCK_SEPARATOR, codePointIndex, codePointLength, utf16Index, type Anchor } from '../../../shared/text'
import { $leafBlocks, $textIndex } from './essayState'
import type { EssayIndex } from './essayIndex'
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

/**
 * The leaf block of the essay index holding `node` (or the node itself), with its number; null for a
 * node above the blocks (the root, a section, a list).
 */
function $blockOf(node: LexicalNode, index: EssayIndex): { block: ElementNode; i: number } | null {
  for (let n: LexicalNode | null = node; n; n = n.getParent()) {
    const i = index.indexOf(n.getKey())
    if (i !== undefined) return { block: n as ElementNode, i }
  }
  return null
}

/**
 * Where `node` starts (or, `after`, ends) in the plain text: its block's start plus the code points of
 * the block's text before it (or up to its end). Only the node's own block is read, never the essay.
 */
function $offsetOf(node: LexicalNode, index: EssayIndex, after: boolean): number | null {
  const found = $blockOf(node, index)
  if (!found) {
    // Above the blocks: where its first (or last) block starts (or ends).
    if (!$isElementNode(node)) return null
    const inner = after ? node.getLastDescendant() : node.getFirstDescendant()
    return inner ? $offsetOf(inner, index, after) : null
  }
  const { block, i } = found
  const span = index.span(i)
  if (block.is(node)) return after ? span.end : span.start
  let offset = span.start
  for (const text of block.getAllTextNodes()) {
    const inside = text.is(node) || node.isParentOf(text)
    if (inside ? !after : !text.isBefore(node)) break
    offset += codePointLength(text.getTextContent())
  }
  return offset
}

function $pointOffset(point: PointType, index: EssayIndex): number | null {
  const node = point.getNode()
  if ($isTextNode(node)) {
    const start = $offsetOf(node, index, false)
    return start === null ? null : start + codePointIndex(node.getTextContent(), point.offset)
  }
  if (!$isElementNode(node)) return null
  const child = node.getChildAtIndex(point.offset)
  return child ? $offsetOf(child, index, false) : $offsetOf(node, index, true)
}

/**
 * The anchor (range, words and context) of what a selection covers in the document's plain text,
 * without the white space at its edges (a triple click also selects the line break after a
 * paragraph). Null when nothing but white space is selected. Reads the selection's paragraphs and
 * those of its context, not the essay: marking a claim in a long essay costs what it does in a short one.
 */
export function $anchorFromSelection(selection: RangeSelection, index: EssayIndex): Anchor | null {
  const a = $pointOffset(selection.anchor, index)
  const b = $pointOffset(selection.focus, index)
  if (a === null || b === null) return null
  const start = Math.min(a, b)
  // The selected characters only, read from their paragraphs: not the whole essay, joined or spread.
  const chars = Array.from(index.slice(start, Math.max(a, b)))
  let first = 0
  let last = chars.length
  while (first < last && /\s/u.test(chars[first])) first++
  while (last > first && /\s/u.test(chars[last - 1])) last--
  return first < last ? index.describe(start + first, start + last) : null
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

/** A selection over [start, end) of the plain text, for replacing it: found in the two blocks it touches. */
export function $selectionOfRange(start: number, end: number, index: EssayIndex): RangeSelection | null {
  // The text node holding the code point at `offset` (isEnd: the one before it), and where it starts.
  const locate = (offset: number, isEnd: boolean) => {
    const i = index.blockAt(isEnd ? offset - 1 : offset)
    if (i < 0) return null
    let at = index.span(i).start
    for (const node of ($getNodeByKey(index.keyAt(i)) as ElementNode).getAllTextNodes()) {
      const length = codePointLength(node.getTextContent())
      if (isEnd ? at < offset && offset <= at + length : at <= offset && offset < at + length) return { node, at }
      at += length
    }
    return null
  }
  const a = locate(start, false)
  const b = locate(end, true)
  if (!a || !b) return null
  const selection = $createRangeSelection()
  selection.anchor.set(a.node.getKey(), utf16Index(a.node.getTextContent(), start - a.at), 'text')
  selection.focus.set(b.node.getKey(), utf16Index(b.node.getTextContent(), end - b.at), 'text')
  $setSelection(selection)
  return selection
}

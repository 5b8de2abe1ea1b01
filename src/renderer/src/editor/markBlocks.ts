import { $createMarkNode, $isMarkNode, $unwrapMarkNode, type MarkNode } from '@lexical/mark'
import { $createTextNode, type ElementNode, type TextNode } from 'lexical'
import { codePointLength, utf16Index } from '../../../shared/text'

/**
 * Claim highlights drawn block by block. Marks never cross a block, so a change of claims redraws only
 * the paragraphs it touches, and the whole essay is drawn in one pass over its blocks with each
 * block's own claims (not every claim for every run of text).
 */

export interface ClaimRange {
  id: string
  start: number
  end: number
}

export interface BlockSpan {
  start: number
  end: number
}

/** The part of a claim inside [start, end), or null when they share no character. */
function clip(c: ClaimRange, span: BlockSpan): ClaimRange | null {
  const start = Math.max(c.start, span.start)
  const end = Math.min(c.end, span.end)
  return start < end ? { id: c.id, start, end } : null
}

/** The claims with a character in `span`, cut to it. */
export function claimsIn(claims: readonly ClaimRange[], span: BlockSpan): ClaimRange[] {
  const out: ClaimRange[] = []
  for (const c of claims) {
    const part = c.start < span.end && c.end > span.start ? clip(c, span) : null
    if (part) out.push(part)
  }
  return out
}

/**
 * Each block's claims, cut to it, for blocks given in document order: a claim goes to every block it
 * covers. Sorting the claims by start lets each claim find its first block by binary search.
 */
export function claimsByBlock(spans: readonly BlockSpan[], claims: readonly ClaimRange[]): ClaimRange[][] {
  const out = spans.map((): ClaimRange[] => [])
  for (const c of claims) {
    let lo = 0
    let hi = spans.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (spans[mid].end <= c.start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < spans.length && spans[i].start < c.end; i++) {
      const part = clip(c, spans[i])
      if (part) out[i].push(part)
    }
  }
  return out
}

/** The text nodes of a block with the code point offset each starts at. */
function $runs(block: ElementNode, start: number): { node: TextNode; start: number; length: number }[] {
  let offset = start
  return block.getAllTextNodes().map((node) => {
    const length = codePointLength(node.getTextContent())
    const run = { node, start: offset, length }
    offset += length
    return run
  })
}

/** Where the block's marks put each claim now: its first to its last marked character in the block. */
export function $blockMarkSpans(block: ElementNode, start: number): Map<string, BlockSpan> {
  const spans = new Map<string, BlockSpan>()
  for (const { node, start: s, length } of $runs(block, start)) {
    const mark = node.getParent()
    if (!$isMarkNode(mark)) continue
    for (const id of mark.getIDs()) {
      const r = spans.get(id)
      spans.set(
        id,
        r ? { start: Math.min(r.start, s), end: Math.max(r.end, s + length) } : { start: s, end: s + length },
      )
    }
  }
  return spans
}

/** Whether the block's marks already show exactly `claims` (as claimsIn cut them). */
export function $blockShows(block: ElementNode, start: number, claims: readonly ClaimRange[]): boolean {
  const drawn = $blockMarkSpans(block, start)
  if (drawn.size !== claims.length) return false
  return claims.every((c) => {
    const d = drawn.get(c.id)
    return d !== undefined && d.start === c.start && d.end === c.end
  })
}

/**
 * Draws a block's claims: each stretch of text covered by claims gets one flat mark carrying the ids
 * of all the claims that cover it, so overlaps need no nesting. The block's old marks go first.
 */
export function $drawBlock(block: ElementNode, start: number, claims: readonly ClaimRange[]): void {
  for (const child of block.getChildren()) if ($isMarkNode(child)) $unwrapMarkNode(child)
  if (claims.length === 0) return
  const cuts = [...new Set(claims.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b)
  let next = 0
  for (const { node, start: s, length } of $runs(block, start)) {
    while (next < cuts.length && cuts[next] <= s) next++
    const inner: number[] = []
    for (let i = next; i < cuts.length && cuts[i] < s + length; i++) inner.push(cuts[i])
    const text = node.getTextContent()
    const pieces = inner.length ? node.splitText(...inner.map((p) => utf16Index(text, p - s))) : [node]
    let pieceStart = s
    for (const piece of pieces) {
      const pieceEnd = pieceStart + codePointLength(piece.getTextContent())
      const ids = claims.filter((c) => c.start <= pieceStart && pieceEnd <= c.end).map((c) => c.id)
      pieceStart = pieceEnd
      if (ids.length > 0) $wrapPiece(piece, ids)
    }
  }
}

function $wrapPiece(piece: TextNode, ids: string[]): void {
  const before = piece.getPreviousSibling()
  // Consecutive runs (e.g. bold then plain) under the same claims share one mark.
  if ($isMarkNode(before) && before.getIDs().join(' ') === ids.join(' ')) {
    before.append(piece)
    return
  }
  const mark = $createMarkNode(ids)
  piece.insertBefore(mark)
  mark.append(piece)
}

/**
 * Appends a block's runs with its claims already marked: what $drawBlock makes of the plain runs,
 * built directly, so an essay loaded with thousands of claims is not split again node by node.
 */
export function $appendMarkedRuns(
  target: ElementNode,
  runs: readonly { text: string; bold?: boolean }[],
  start: number,
  claims: readonly ClaimRange[],
): void {
  const cuts = claims.length > 0 ? [...new Set(claims.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b) : []
  let next = 0
  let s = start
  let mark: MarkNode | null = null
  let markIds = ''
  for (const run of runs) {
    if (run.text === '') continue
    const length = codePointLength(run.text)
    while (next < cuts.length && cuts[next] <= s) next++
    const bounds = [s]
    for (let i = next; i < cuts.length && cuts[i] < s + length; i++) bounds.push(cuts[i])
    bounds.push(s + length)
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [a, b] = [bounds[k], bounds[k + 1]]
      const piece = $createTextNode(
        bounds.length === 2 ? run.text : run.text.slice(utf16Index(run.text, a - s), utf16Index(run.text, b - s)),
      )
      if (run.bold) piece.toggleFormat('bold')
      const ids = claims.filter((c) => c.start <= a && b <= c.end).map((c) => c.id)
      if (ids.length === 0) {
        target.append(piece)
        mark = null
        continue
      }
      // Consecutive runs (e.g. bold then plain) under the same claims share one mark, as in $wrapPiece.
      const key = ids.join(' ')
      if (mark && markIds === key) mark.append(piece)
      else {
        mark = $createMarkNode(ids)
        markIds = key
        target.append(mark.append(piece))
      }
    }
    s += length
  }
}

import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text'
import { $createListItemNode, $createListNode, $isListItemNode, ListItemNode, ListNode } from '@lexical/list'
import { MarkNode } from '@lexical/mark'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  type ElementNode,
  type Klass,
  type LexicalNode,
  type TextNode,
} from 'lexical'
import type { Block, BlockKind } from '../../../shared/essay'
import { BLOCK_SEPARATOR, codePointLength } from '../../../shared/text'
import { $createSectionNode, SectionNode } from './SectionNode'
import { $createMetaNode, $isMetaNode, MetaNode } from './MetaNode'
import { $appendMarkedRuns, claimsByBlock, type ClaimRange } from './markBlocks'

const SEPARATOR = codePointLength(BLOCK_SEPARATOR)

export const essayNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  ListNode,
  ListItemNode,
  MarkNode,
  MetaNode,
  SectionNode,
]

function $blockElement(kind: BlockKind): ElementNode {
  switch (kind) {
    case 'title':
      return $createHeadingNode('h1')
    case 'heading':
      return $createHeadingNode('h2')
    case 'subtitle':
    case 'affiliation':
    case 'author':
      return $createMetaNode(kind)
    default:
      return $createParagraphNode()
  }
}

/**
 * Replaces the editor's content with the essay's blocks, with the claims' highlights drawn as it goes
 * (markBlocks.ts): each block is one leaf block of the plain text, in order. With `sectionSize`, the
 * top-level blocks go in sections of that many (SectionNode.ts).
 */
export function $buildEssay(blocks: readonly Block[], claims: readonly ClaimRange[] = [], sectionSize = 0): void {
  const essay = $getRoot()
  essay.clear()
  let section: ElementNode = essay
  let inSection = 0
  const root = {
    append(node: ElementNode): void {
      if (sectionSize > 0 && (inSection === 0 || inSection === sectionSize)) {
        section = $createSectionNode()
        essay.append(section)
        inSection = 0
      }
      inSection++
      section.append(node)
    },
  }
  let list: ListNode | null = null
  let offset = 0
  const spans = blocks.map((block) => {
    const start = offset
    for (const run of block.inlines) offset += codePointLength(run.text)
    const span = { start, end: offset }
    offset += SEPARATOR
    return span
  })
  const byBlock = claims.length > 0 ? claimsByBlock(spans, claims) : null
  for (const [i, block] of blocks.entries()) {
    let target: ElementNode
    if (block.kind === 'item' || block.kind === 'subitem') {
      if (!list) {
        list = $createListNode('number')
        root.append(list)
      }
      target = $createListItemNode()
      if (block.kind === 'subitem') {
        const nested = $createListNode('bullet')
        nested.append(target)
        list.append($createListItemNode().append(nested))
      } else {
        list.append(target)
      }
    } else {
      list = null
      target = $blockElement(block.kind)
      root.append(target)
    }
    if (byBlock && byBlock[i].length > 0) {
      $appendMarkedRuns(target, block.inlines, spans[i].start, byBlock[i])
      continue
    }
    for (const run of block.inlines) {
      if (run.text === '') continue
      const text = $createTextNode(run.text)
      if (run.bold) text.toggleFormat('bold')
      target.append(text)
    }
  }
}

function isLeafBlock(node: ElementNode): boolean {
  return node.getChildren().every((child) => !$isElementNode(child) || child.isInline())
}

/** The blocks whose text makes up the document's plain text, in document order. */
export function $leafBlocks(): ElementNode[] {
  const out: ElementNode[] = []
  const visit = (node: ElementNode): void => {
    for (const child of node.getChildren()) {
      if (!$isElementNode(child) || child.isInline()) continue
      if (isLeafBlock(child)) out.push(child)
      else visit(child)
    }
  }
  visit($getRoot())
  return out
}

export interface TextSegment {
  node: TextNode
  /** Code point offset of the node's first character in the document's plain text. */
  start: number
  length: number
}

export interface TextIndex {
  text: string
  segments: TextSegment[]
  blockStarts: Map<string, { start: number; length: number }>
}

/** Plain text of the editor (as src/shared/text.ts defines it) with each text node's offset. */
export function $textIndex(): TextIndex {
  const segments: TextSegment[] = []
  const blockStarts = new Map<string, { start: number; length: number }>()
  const parts: string[] = []
  let offset = 0
  $leafBlocks().forEach((block, i) => {
    if (i > 0) offset += codePointLength(BLOCK_SEPARATOR)
    const blockStart = offset
    let blockText = ''
    for (const node of block.getAllTextNodes()) {
      const text = node.getTextContent()
      const length = codePointLength(text)
      segments.push({ node, start: offset, length })
      offset += length
      blockText += text
    }
    blockStarts.set(block.getKey(), { start: blockStart, length: offset - blockStart })
    parts.push(blockText.normalize('NFC'))
  })
  return { text: parts.join(BLOCK_SEPARATOR), segments, blockStarts }
}

/** The editor's blocks as the essay model, for exports and for checks against the stored essay. */
export function $blocksFromEditor(): Block[] {
  return $leafBlocks().map((block) => ({
    kind: kindOf(block),
    inlines: block
      .getAllTextNodes()
      .map((t) => (t.hasFormat('bold') ? { text: t.getTextContent(), bold: true } : { text: t.getTextContent() })),
  }))
}

function kindOf(block: ElementNode): BlockKind {
  if ($isHeadingNode(block)) return block.getTag() === 'h1' ? 'title' : 'heading'
  if ($isMetaNode(block)) return block.getRole()
  if ($isListItemNode(block)) {
    const list = block.getParent()
    return $isListItemNode(list?.getParent()) ? 'subitem' : 'item'
  }
  return 'paragraph'
}

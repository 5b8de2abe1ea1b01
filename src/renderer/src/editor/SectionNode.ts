import { mergeRegister } from '@lexical/utils'
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $isElementNode,
  ElementNode,
  type LexicalEditor,
  type LexicalNode,
  RootNode,
  type SerializedElementNode,
} from 'lexical'

/** From this many blocks on, an essay is long: it is built in sections (styles.css, `.essay-long`). */
export const LONG_ESSAY_BLOCKS = 200
/** Top-level blocks per section as a long essay is built; a section that grows past twice this is split. */
export const SECTION_BLOCKS = 50

/** Blocks per section for an essay of `blocks` blocks; 0: no sections. */
export const sectionSizeFor = (blocks: number): number => (blocks > LONG_ESSAY_BLOCKS ? SECTION_BLOCKS : 0)

/**
 * A run of a long essay's top-level blocks, and nothing else: no text of its own, no place in the plain
 * text, never copied (its blocks are). It exists for the browser: the essay's root would otherwise have
 * thousands of children, and every key makes Chromium lay out each of them and check each one's
 * `content-visibility` against the view. Grouped, a key costs the sections and the blocks of its own
 * section (docs/editor-scale.md). The reader and the caret see paragraphs only: Lexical joins and
 * splits blocks across a section's edge as it does inside one.
 */
export class SectionNode extends ElementNode {
  static override getType(): string {
    return 'essay-section'
  }

  static override clone(node: SectionNode): SectionNode {
    return new SectionNode(node.__key)
  }

  override createDOM(): HTMLElement {
    const el = document.createElement('div')
    el.className = 'essay-section'
    return el
  }

  override updateDOM(): boolean {
    return false
  }

  // Emptied by a deletion, it goes with its last block.
  override canBeEmpty(): false {
    return false
  }

  override canIndent(): false {
    return false
  }

  override excludeFromCopy(): boolean {
    return true
  }

  static override importJSON(json: SerializedElementNode): SectionNode {
    return $createSectionNode().updateFromJSON(json)
  }
}

export function $createSectionNode(): SectionNode {
  return $applyNodeReplacement(new SectionNode())
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode
}

/**
 * Keeps a section a run of blocks of bounded size, after any change to its children (a paste, Enter):
 * text or inline nodes that land directly in it are wrapped in a paragraph, and a section past twice
 * SECTION_BLOCKS keeps its first SECTION_BLOCKS and gives the rest to new sections of that size after it.
 */
function $keepSection(section: SectionNode): void {
  let stray: ElementNode | null = null
  for (const child of section.getChildren()) {
    if ($isElementNode(child) && !child.isInline()) {
      stray = null
      continue
    }
    if (!stray) {
      stray = $createParagraphNode()
      child.insertBefore(stray)
    }
    stray.append(child)
  }
  const blocks = section.getChildren()
  if (blocks.length <= 2 * SECTION_BLOCKS) return
  // All at once: splitting off one section at a time would move a long paste's blocks again and again.
  let last: ElementNode = section
  for (let i = SECTION_BLOCKS; i < blocks.length; i += SECTION_BLOCKS) {
    const next = $createSectionNode().append(...blocks.slice(i, i + SECTION_BLOCKS))
    last.insertAfter(next)
    last = next
  }
}

/**
 * Keeps a long essay's root a list of sections: blocks that land directly in it join the section
 * before them, or, where there is none, sections of their own; and a short essay that grows past
 * LONG_ESSAY_BLOCKS (a long paste) is gathered into sections as it would be built when opened. Lexical
 * runs a root transform after every change, so the root's children are looked at only when their
 * number changed since the last look: blocks land in the root only by being added to it.
 */
function rootKeeper(): (root: RootNode) => void {
  let size = -1
  return (root) => {
    if (root.getChildrenSize() === size) return
    let loose = 0
    let sectioned = false
    for (let child = root.getFirstChild(); child; child = child.getNextSibling()) {
      if ($isSectionNode(child)) sectioned = true
      else loose++
    }
    if (loose > 0 && (sectioned || loose > LONG_ESSAY_BLOCKS)) {
      let run: LexicalNode[] = []
      // Into the section before, or a new one; a section's own transform then splits it if too long.
      const gather = () => {
        const previous = run[0].getPreviousSibling()
        if ($isSectionNode(previous)) previous.append(...run)
        else {
          const section = $createSectionNode()
          run[0].insertBefore(section)
          section.append(...run)
        }
        run = []
      }
      for (const child of root.getChildren()) {
        if (!$isSectionNode(child)) run.push(child)
        else if (run.length > 0) gather()
      }
      if (run.length > 0) gather()
    }
    size = root.getChildrenSize()
  }
}

/** The sections' upkeep in an editor that holds SectionNode; returns its removal. */
export function registerSections(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(SectionNode, $keepSection),
    editor.registerNodeTransform(RootNode, rootKeeper()),
  )
}

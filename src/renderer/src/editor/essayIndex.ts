import { $getNodeByKey, $getRoot, $isElementNode, type EditorState, type ElementNode, type NodeKey } from 'lexical'
import {
  BLOCK_SEPARATOR,
  CONTEXT_LENGTH,
  codePointLength,
  cpSlice,
  describeRange,
  type Anchor,
} from '../../../shared/text'
import type { EditRegion } from '../../../shared/textDiff'
import { editRegion } from '../../../shared/textDiff'
import { $leafBlocks } from './essayState'
import { $isSectionNode } from './SectionNode'

const SEPARATOR = codePointLength(BLOCK_SEPARATOR)

/** An update that loads an essay: the index reads it, and it is no edit. */
export const LOAD_TAG = 'factdesk-load'
/** An update that only redraws highlights: no edit. */
export const MARKS_TAG = 'factdesk-marks'

/** Where a change of the essay happened: the region of the plain text, and the blocks it touched. */
export interface EssayChange {
  region: EditRegion | null
  /** Keys of the blocks whose text (or runs) changed; empty after a change of the block structure. */
  blocks: NodeKey[]
  /** The blocks were rebuilt (a paragraph split or joined, a paste, undo): every block may have changed. */
  structural: boolean
  /** The editor state was set as a whole (undo, redo): marks drawn since it was saved may be missing anywhere. */
  wholesale?: boolean
}

/**
 * The essay's plain text kept block by block, so a key typed in one paragraph costs that paragraph,
 * not the whole essay: the text of each leaf block (NFC), its length in code points and, on demand, the
 * offset it starts at. A change confined to blocks that existed before is applied to those blocks
 * only; anything else (Enter, a paste over paragraphs, undo, a load) reads the essay again.
 */
export class EssayIndex {
  private keys: NodeKey[] = []
  private texts: string[] = []
  private lengths: number[] = []
  private position = new Map<NodeKey, number>()
  private topLevel = 0
  private starts: number[] | null = null
  private joined: string | null = null

  /** Reads every block of the current editor state (inside read/update). */
  $rebuild(): void {
    const blocks = $leafBlocks()
    this.keys = blocks.map((b) => b.getKey())
    this.texts = blocks.map(blockText)
    this.lengths = this.texts.map(codePointLength)
    this.position = new Map(this.keys.map((k, i) => [k, i]))
    this.topLevel = $topLevelSize()
    this.starts = null
    this.joined = null
  }

  text(): string {
    this.joined ??= this.texts.join(BLOCK_SEPARATOR)
    return this.joined
  }

  get size(): number {
    return this.keys.length
  }

  keyAt(i: number): NodeKey {
    return this.keys[i]
  }

  indexOf(key: NodeKey): number | undefined {
    return this.position.get(key)
  }

  /** Code point offset of block i's first character, and its length. */
  span(i: number): { start: number; end: number } {
    if (!this.starts) {
      const starts = new Array<number>(this.keys.length)
      let offset = 0
      for (let j = 0; j < this.keys.length; j++) {
        starts[j] = offset
        offset += this.lengths[j] + SEPARATOR
      }
      this.starts = starts
    }
    return { start: this.starts[i], end: this.starts[i] + this.lengths[i] }
  }

  /** The block holding code point `offset` (a separator counts with the block before it). */
  blockAt(offset: number): number {
    if (this.keys.length === 0) return -1
    this.span(0)
    const starts = this.starts!
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /**
   * The text of code points [start, end), read from the blocks they lie in: marking a claim costs the
   * paragraphs around it, not the essay joined (half a million characters in a long one).
   */
  slice(start: number, end: number): string {
    const w = this.window(start, end)
    return cpSlice(w.text, start - w.offset, end - w.offset)
  }

  /** `describeRange` of [start, end) on the essay, read from the blocks it and its context lie in. */
  describe(start: number, end: number): Anchor {
    const w = this.window(Math.max(0, start - CONTEXT_LENGTH), end + CONTEXT_LENGTH)
    return { ...describeRange(w.text, start - w.offset, end - w.offset), start, end }
  }

  /**
   * The blocks holding code points [from, to), joined, and the offset of the first. The last is the
   * one holding `to` itself: when the character before it is a separator, that is the block after it.
   */
  private window(from: number, to: number): { text: string; offset: number } {
    if (this.keys.length === 0) return { text: '', offset: 0 }
    const first = this.blockAt(from)
    const last = this.blockAt(to)
    return { text: this.texts.slice(first, last + 1).join(BLOCK_SEPARATOR), offset: this.span(first).start }
  }

  /**
   * Follows one update of the editor. Typing, deleting or replacing inside paragraphs that stay where
   * they were costs those paragraphs; other updates read the essay again. Null: no text changed.
   */
  apply(state: EditorState, dirtyLeaves: Set<NodeKey>, dirtyElements: Map<NodeKey, boolean>): EssayChange | null {
    const touched = state.read(() => touchedBlocks(dirtyLeaves, dirtyElements, this.position, this.topLevel))
    if (touched === null) return this.reread(state)
    const changed: { i: number; text: string }[] = []
    state.read(() => {
      for (const key of touched) {
        const i = this.position.get(key)!
        const text = blockText($getNodeByKey(key) as ElementNode)
        if (text !== this.texts[i]) changed.push({ i, text })
      }
    })
    if (changed.length === 0) return touched.size > 0 ? { region: null, blocks: [...touched], structural: false } : null
    if (changed.length > 1) return this.reread(state)
    const { i, text } = changed[0]
    const inner = editRegion(this.texts[i], text)
    const start = this.span(i).start
    this.texts[i] = text
    this.lengths[i] = codePointLength(text)
    this.starts = null
    this.joined = null
    const region = inner && { start: start + inner.start, oldEnd: start + inner.oldEnd, newEnd: start + inner.newEnd }
    return { region, blocks: [...touched], structural: false }
  }

  /** Reads the whole essay again (a state set as a whole: undo, redo) and says where its text changed. */
  reread(state: EditorState): EssayChange | null {
    const before = this.text()
    state.read(() => this.$rebuild())
    const region = editRegion(before, this.text())
    return { region, blocks: [], structural: true }
  }
}

function blockText(block: ElementNode): string {
  return block
    .getAllTextNodes()
    .map((t) => t.getTextContent())
    .join('')
    .normalize('NFC')
}

/**
 * The known leaf blocks an update touched, or null when it changed the blocks themselves (a block
 * added, removed or moved, a state set wholesale as undo does) and the essay must be read again.
 */
function touchedBlocks(
  dirtyLeaves: Set<NodeKey>,
  dirtyElements: Map<NodeKey, boolean>,
  known: Map<NodeKey, number>,
  topLevel: number,
): Set<NodeKey> | null {
  const blocks = new Set<NodeKey>()
  const blockOf = (key: NodeKey): boolean => {
    let node = $getNodeByKey(key)
    while (node && !($isElementNode(node) && known.has(node.getKey()))) {
      if ($isElementNode(node) && !node.isInline()) return false
      node = node.getParent()
    }
    if (!node || !node.isAttached()) return false
    blocks.add(node.getKey())
    return true
  }
  for (const key of dirtyLeaves) {
    // A leaf removed by the update: its parent, marked dirty by the removal, says where.
    if (!$getNodeByKey(key)) continue
    if (!blockOf(key)) return null
  }
  let intentional = false
  for (const [key, self] of dirtyElements) {
    // Lexical marks the root on every update; whether its blocks changed is told by their number below.
    if (!self || key === 'root') continue
    intentional = true
    // An element removed by the update (a mark unwrapped when its block is redrawn): its parent, made
    // writable by the removal, says where. A removed block changes their number, checked below.
    if (!$getNodeByKey(key)) continue
    if (!blockOf(key)) return null
  }
  // Marked dirty with nothing under it changed on purpose: the state was set as a whole (undo, redo).
  if (!intentional && dirtyLeaves.size === 0 && dirtyElements.size > 0) return null
  // Every block still where it was: as many blocks under the root (and its sections) as before.
  if ($topLevelSize() !== topLevel) return null
  return blocks
}

/** The blocks directly under the root, looking through a long essay's sections (SectionNode.ts). */
function $topLevelSize(): number {
  let size = 0
  for (const child of $getRoot().getChildren()) size += $isSectionNode(child) ? child.getChildrenSize() : 1
  return size
}

/**
 * Follows one update of the editor with its essay index: what changed in the essay's text, or null
 * when nothing did (a load, a caret move).
 */
export function followUpdate(
  index: EssayIndex,
  update: {
    editorState: EditorState
    tags: Set<string>
    dirtyLeaves: Set<NodeKey>
    dirtyElements: Map<NodeKey, boolean>
  },
): EssayChange | null {
  const { editorState, tags, dirtyLeaves, dirtyElements } = update
  if (tags.has(LOAD_TAG)) {
    editorState.read(() => index.$rebuild())
    return null
  }
  // Caret moves and focus changes dirty nothing: no need to read the essay for them.
  if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return null
  // Undo and redo set a state saved earlier (HistoryPlugin tags them so), and what Lexical marks dirty
  // then is not what differs from the state before: the essay is read again whole.
  const wholesale = tags.has('historic') && !tags.has(MARKS_TAG)
  // Otherwise only the paragraphs the update touched are read again.
  const change = wholesale ? index.reread(editorState) : index.apply(editorState, dirtyLeaves, dirtyElements)
  if (change) change.wholesale = wholesale
  return change
}

/** What an editor's essay index is shared with: the changes as they happen, and the last load. */
export interface EssayIndexEntry {
  index: EssayIndex
  listeners: Set<(change: EssayChange) => void>
  /** The claims EssayContentPlugin drew with the essay when it last loaded it, and how many loads so far. */
  loaded: { count: number; claims: readonly { id: string; start: number; end: number }[] }
}

const indexes = new WeakMap<object, EssayIndexEntry>()

/**
 * The essay index of an editor, kept by DocumentSyncPlugin as the essay changes, and the changes as
 * they happen: ClaimMarksPlugin follows them to know which paragraphs to look at again.
 */
export function essayIndexOf(editor: object): EssayIndexEntry {
  let entry = indexes.get(editor)
  if (!entry) {
    entry = { index: new EssayIndex(), listeners: new Set(), loaded: { count: 0, claims: [] } }
    indexes.set(editor, entry)
  }
  return entry
}

import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical'

/** The lines above an essay's text that are neither title nor heading: subtitle and byline. */
export type MetaRole = 'subtitle' | 'affiliation' | 'author'

type SerializedMetaNode = Spread<{ role: MetaRole }, SerializedElementNode>

export class MetaNode extends ElementNode {
  __role: MetaRole

  static override getType(): string {
    return 'essay-meta'
  }

  static override clone(node: MetaNode): MetaNode {
    return new MetaNode(node.__role, node.__key)
  }

  constructor(role: MetaRole, key?: NodeKey) {
    super(key)
    this.__role = role
  }

  getRole(): MetaRole {
    return this.getLatest().__role
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const el = document.createElement('p')
    el.className = `essay-${this.__role}`
    return el
  }

  override updateDOM(prev: MetaNode): boolean {
    return prev.__role !== this.__role
  }

  static override importJSON(json: SerializedMetaNode): MetaNode {
    return $createMetaNode(json.role).updateFromJSON(json)
  }

  override exportJSON(): SerializedMetaNode {
    return { ...super.exportJSON(), role: this.getRole() }
  }
}

export function $createMetaNode(role: MetaRole): MetaNode {
  return $applyNodeReplacement(new MetaNode(role))
}

export function $isMetaNode(node: LexicalNode | null | undefined): node is MetaNode {
  return node instanceof MetaNode
}

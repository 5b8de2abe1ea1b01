import { $isMarkNode } from '@lexical/mark'
import { $getNodeByKey, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical'
import type { DeskClaim } from '../../../shared/deskClaim'

/** The class of a highlight covering a claim whose text changed since it was rated. */
export const TEXT_CHANGED_CLASS = 'claim-mark-text-changed'

/** What a claim's highlights show of it; the length ranks overlapping claims (the shortest colours the mark). */
const lookOf = (c: DeskClaim): string => `${c.verdict}|${c.textChanged ? 1 : 0}|${c.end - c.start}`

/**
 * The look of the highlights: the verdict colour of the most specific claim under each mark, the
 * selected claim, and the wavy underline of a claim whose text changed since it was rated. It knows
 * which marks show which claim (from Lexical's mutations), so a change of one claim touches only that
 * claim's marks, and a new mark is decorated when it is created.
 */
export class MarkLooks {
  /** The claims drawn, by id, as of the last render. */
  claims = new Map<string, DeskClaim>()
  activeId: string | null = null
  private seen = new Map<string, DeskClaim>()
  private applied = new Map<string, string>()
  private appliedActive: string | null = null
  private marksOf = new Map<string, Set<NodeKey>>()
  private idsOf = new Map<NodeKey, string[]>()

  constructor(private readonly editor: LexicalEditor) {}

  /** The claims and the selection of the latest render. */
  show(claims: Map<string, DeskClaim>, activeId: string | null): void {
    this.claims = claims
    this.activeId = activeId
  }

  /** Lexical created, changed or removed these marks: learn their claims and decorate the new ones. */
  follow(mutations: Map<NodeKey, NodeMutation>): void {
    const keys = new Set<NodeKey>()
    const touched = new Set<string>()
    this.editor.read(() => {
      for (const [key, kind] of mutations) {
        for (const id of this.idsOf.get(key) ?? []) touched.add(id)
        this.forget(key)
        const node = kind === 'destroyed' ? null : $getNodeByKey(key)
        if (!$isMarkNode(node)) continue
        const ids = node.getIDs()
        this.idsOf.set(key, ids)
        for (const id of ids) {
          const keysOf = this.marksOf.get(id) ?? new Set<NodeKey>()
          keysOf.add(key)
          this.marksOf.set(id, keysOf)
          touched.add(id)
        }
        keys.add(key)
      }
    })
    // A claim's first and last marks carry its edges: a new or removed mark may move them.
    for (const id of touched) for (const key of this.marksOf.get(id) ?? []) keys.add(key)
    for (const key of keys) this.decorate(key)
    // Every mark of these claims now shows them as they are: refresh() need not decorate them again
    // (at open, that would be every mark twice).
    for (const id of touched) {
      const c = this.claims.get(id)
      if (!c) continue
      this.seen.set(id, c)
      this.applied.set(id, lookOf(c))
    }
  }

  /** After a render: decorates again the marks of claims whose look changed, and of the selection. */
  refresh(): void {
    const changed = new Set<string>()
    for (const [id, c] of this.claims) {
      if (this.seen.get(id) === c) continue
      this.seen.set(id, c)
      const look = lookOf(c)
      if (this.applied.get(id) === look) continue
      this.applied.set(id, look)
      changed.add(id)
    }
    if (this.seen.size > this.claims.size) {
      for (const id of this.seen.keys()) {
        if (this.claims.has(id)) continue
        this.seen.delete(id)
        this.applied.delete(id)
      }
    }
    if (this.activeId !== this.appliedActive) {
      if (this.appliedActive) changed.add(this.appliedActive)
      if (this.activeId) changed.add(this.activeId)
      this.appliedActive = this.activeId
    }
    const keys = new Set<NodeKey>()
    for (const id of changed) for (const key of this.marksOf.get(id) ?? []) keys.add(key)
    for (const key of keys) this.decorate(key)
  }

  /** Shortest claim first: on an overlap, the most specific claim is what the user pointed at. */
  rank(ids: readonly string[]): string[] {
    const length = (id: string): number => {
      const c = this.claims.get(id)
      return c ? c.end - c.start : 0
    }
    return [...ids].sort((a, b) => length(a) - length(b))
  }

  /** The claim's first highlight in the essay. */
  firstMark(id: string): HTMLElement | null {
    let first: HTMLElement | null = null
    for (const key of this.marksOf.get(id) ?? []) {
      const el = this.editor.getElementByKey(key)
      if (el && (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) first = el
    }
    return first
  }

  private forget(key: NodeKey): void {
    for (const id of this.idsOf.get(key) ?? []) {
      const keys = this.marksOf.get(id)
      keys?.delete(key)
      if (keys?.size === 0) this.marksOf.delete(id)
    }
    this.idsOf.delete(key)
  }

  /** True when no other mark of the claim lies on `side` of `el` (its first or its last mark). */
  private isEdge(id: string, el: HTMLElement, side: number): boolean {
    for (const key of this.marksOf.get(id) ?? []) {
      const other = this.editor.getElementByKey(key)
      if (other && other !== el && el.compareDocumentPosition(other) & side) return false
    }
    return true
  }

  private decorate(key: NodeKey): void {
    const el = this.editor.getElementByKey(key)
    const ids = this.idsOf.get(key)
    if (!el || !ids) return
    const ranked = this.rank(ids)
    el.dataset.claimIds = ids.join(' ')
    el.dataset.verdict = this.claims.get(ranked[0])?.verdict ?? 'unrated'
    el.classList.toggle('claim-mark-active', this.activeId !== null && ids.includes(this.activeId))
    // Where a claim starts and ends the highlight gets a bar, so two claims side by side read as two.
    el.classList.toggle(
      'claim-mark-start',
      ids.some((id) => this.isEdge(id, el, Node.DOCUMENT_POSITION_PRECEDING)),
    )
    el.classList.toggle(
      'claim-mark-end',
      ids.some((id) => this.isEdge(id, el, Node.DOCUMENT_POSITION_FOLLOWING)),
    )
    // A verdict awaiting re-confirmation shows on the highlight too (src/core/claims/textChange.ts).
    el.classList.toggle(
      TEXT_CHANGED_CLASS,
      ids.some((id) => this.claims.get(id)?.textChanged === true),
    )
  }
}

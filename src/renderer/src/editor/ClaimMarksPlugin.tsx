import { $isMarkNode, MarkNode } from '@lexical/mark'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { $getNearestNodeFromDOMNode, $getNodeByKey, $getRoot, $isElementNode, type NodeKey } from 'lexical'
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { mapRange, type EditRegion } from '../../../shared/textDiff'
import { $markRanges } from './claimMarks'
import { MARKS_TAG } from './DocumentSyncPlugin'
import { essayIndexOf, type EssayChange } from './essayIndex'
import { $blockShows, $drawBlock, claimsByBlock, type BlockSpan, type ClaimRange } from './markBlocks'
import { MarkLooks } from './markLooks'
import { scrollWithin } from '../scrollWithin'

interface Props {
  claims: DeskClaim[]
  activeId: string | null
  onSelectClaim: (id: string) => void
}

/**
 * Draws the claims as marks and keeps their look (verdict colour, the selected claim) in step.
 * Clicking a mark selects its claim; on an overlap, repeated clicks cycle through the claims there.
 *
 * Nothing here costs the whole essay or every claim's marks on a key press: the marks are redrawn only
 * in the paragraphs whose claims moved other than with the text (or that an edit touched), and only
 * the marks of claims whose look changed are decorated again.
 */
export function ClaimMarksPlugin({ claims, activeId, onSelectClaim }: Props): null {
  const [editor] = useLexicalComposerContext()
  const claimsRef = useRef(claims)
  const activeRef = useRef(activeId)
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims])
  const looks = useMemo(() => new MarkLooks(editor), [editor])
  // First of the layout effects: the ones below, and Lexical's listeners, read the claims of this render.
  useLayoutEffect(() => {
    claimsRef.current = claims
    activeRef.current = activeId
    looks.show(byId, activeId)
  })
  // Each claim's range as its marks show it, moved along with every edit of the text: the edits'
  // regions are kept (`unmoved`) and applied when the ranges are next compared, not on every key.
  const drawn = useRef(new Map<string, ClaimRange>())
  const unmoved = useRef<EditRegion[]>([])
  const drawnNow = useCallback((): Map<string, ClaimRange> => {
    const regions = unmoved.current
    if (regions.length === 0) return drawn.current
    unmoved.current = []
    for (const [id, range] of drawn.current) {
      let moved: { start: number; end: number } | null = range
      for (let i = 0; i < regions.length && moved; i++) moved = mapRange(moved, regions[i])
      if (!moved) drawn.current.delete(id)
      else if (moved !== range) drawn.current.set(id, { id, start: moved.start, end: moved.end })
    }
    return drawn.current
  }, [])
  // The paragraphs an edit touched, whose marks may no longer match the claims; null: look everywhere.
  const recheck = useRef<Set<NodeKey> | null>(new Set())
  // The essay is built anew whenever the review is (re)loaded — opened, imported, its verdict scale
  // switched — with the claims of that render drawn (EssayContentPlugin): what is drawn starts again
  // from those, before the next edit or change of claims is compared with it.
  const loadSeen = useRef(0)
  const sinceLoad = useCallback((): void => {
    const { loaded } = essayIndexOf(editor)
    if (loaded.count === loadSeen.current) return
    loadSeen.current = loaded.count
    drawn.current = new Map(loaded.claims.map((c) => [c.id, c]))
    unmoved.current = []
    recheck.current = new Set()
  }, [editor])

  useEffect(() => {
    const { index, listeners } = essayIndexOf(editor)
    const follow = (change: EssayChange): void => {
      sinceLoad()
      const { region } = change
      if (region) unmoved.current.push(region)
      if (recheck.current === null) return
      // A state set as a whole (undo, redo) may lack marks drawn since it was saved, anywhere.
      if (change.wholesale) recheck.current = null
      else if (change.structural) {
        if (region)
          for (let i = index.blockAt(region.start); i >= 0 && i <= index.blockAt(region.newEnd); i++)
            recheck.current.add(index.keyAt(i))
      } else for (const key of change.blocks) recheck.current.add(key)
    }
    listeners.add(follow)
    return () => void listeners.delete(follow)
  }, [editor, sinceLoad])

  useLayoutEffect(() => {
    // Redrawing while a Hangul syllable is being composed would break the composition: wait for it.
    const redraw = (): boolean => {
      if (editor.isComposing()) return false
      sinceLoad()
      const { index } = essayIndexOf(editor)
      const list = claimsRef.current
      let blocks = recheck.current
      if (blocks === null) {
        const now = editor.read(() => $markRanges($getRoot()))
        drawn.current = new Map([...now].map(([id, r]) => [id, { id, ...r }]))
        unmoved.current = []
        blocks = new Set()
      }
      recheck.current = new Set()
      // Where claims differ from what is drawn: their old and new places.
      const shown = drawnNow()
      const spans: BlockSpan[] = []
      const listed = new Set<string>()
      for (const c of list) {
        listed.add(c.id)
        const d = shown.get(c.id)
        if (d && d.start === c.start && d.end === c.end) continue
        if (d) spans.push(d)
        spans.push(c)
      }
      for (const [id, d] of shown) if (!listed.has(id)) spans.push(d)
      for (const span of spans) {
        const last = index.blockAt(Math.max(span.start, span.end - 1))
        for (let i = index.blockAt(span.start); i >= 0 && i <= last; i++) blocks.add(index.keyAt(i))
      }
      drawn.current = new Map(list.map((c) => [c.id, { id: c.id, start: c.start, end: c.end }]))
      if (blocks.size === 0) return true
      const order = [...blocks].flatMap((key) => {
        const i = index.indexOf(key)
        return i === undefined ? [] : [i]
      })
      order.sort((a, b) => a - b)
      const blockSpans = order.map((i) => index.span(i))
      const mine = claimsByBlock(blockSpans, list)
      editor.update(
        () => {
          order.forEach((i, n) => {
            const block = $getNodeByKey(index.keyAt(i))
            if (!$isElementNode(block) || !block.isAttached()) return
            if (!$blockShows(block, blockSpans[n].start, mine[n])) $drawBlock(block, blockSpans[n].start, mine[n])
          })
        },
        { discrete: true, tag: ['historic', MARKS_TAG] },
      )
      return true
    }
    if (redraw()) return
    const unregister = editor.registerUpdateListener(() => {
      if (redraw()) unregister()
    })
    return unregister
  }, [editor, claims, sinceLoad, drawnNow])

  // Verdict colours, the selected claim and text-changed marks: only for the claims that changed.
  useEffect(() => looks.refresh(), [looks, claims, activeId])

  // Registered once: registering it again walks every mark of the essay (skipInitialization: false).
  // A layout effect: the marks are decorated before anything (the claims list) measures the page, so
  // the first layout already has their look.
  useLayoutEffect(
    () =>
      editor.registerMutationListener(MarkNode, (mutations) => looks.follow(mutations), { skipInitialization: false }),
    [editor, looks],
  )

  const select = useEffectEvent(onSelectClaim)
  useEffect(() => {
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        let down = { x: 0, y: 0 }
        const onMouseDown = (event: MouseEvent): void => {
          down = { x: event.clientX, y: event.clientY }
        }
        const onClick = (event: MouseEvent): void => {
          // A drag that selects text is not a click on a highlight.
          if (Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4) return
          const ids = editor.read(() => {
            let node = $getNearestNodeFromDOMNode(event.target as Node)
            while (node && !$isMarkNode(node)) node = node.getParent()
            return node ? node.getIDs() : []
          })
          if (ids.length === 0) return
          const ranked = looks.rank(ids)
          const at = ranked.indexOf(activeRef.current ?? '')
          select(ranked[(at + 1) % ranked.length])
        }
        previous?.removeEventListener('click', onClick)
        root?.addEventListener('mousedown', onMouseDown)
        root?.addEventListener('click', onClick)
        return () => {
          root?.removeEventListener('mousedown', onMouseDown)
          root?.removeEventListener('click', onClick)
        }
      }),
    )
  }, [editor, looks])

  useEffect(() => {
    if (!activeId) return
    const el = looks.firstMark(activeId)
    // The essay scrolls, never the app's toolbar.
    scrollWithin(el?.closest('.essay-pane'), el)
  }, [looks, activeId])

  return null
}

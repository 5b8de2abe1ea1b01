import { $isMarkNode, MarkNode } from '@lexical/mark'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { $getNearestNodeFromDOMNode, $getRoot, type LexicalEditor } from 'lexical'
import { useEffect, useEffectEvent, useLayoutEffect, useMemo } from 'react'
import type { Claim } from '../../../shared/domain'
import { $allMarks, $applyClaimMarks, $markRanges, sameRanges } from './claimMarks'
import { LOAD_TAG, MARKS_TAG } from './DocumentSyncPlugin'
import { scrollWithin } from '../scrollWithin'

/** The class of a highlight covering a claim whose text changed since it was rated. */
export const TEXT_CHANGED_CLASS = 'claim-mark-text-changed'

interface Props {
  claims: Claim[]
  activeId: string | null
  onSelectClaim: (id: string) => void
}

/**
 * Draws the claims as marks and keeps their look (verdict colour, the selected claim) in step.
 * Clicking a mark selects its claim; on an overlap, repeated clicks cycle through the claims there.
 */
export function ClaimMarksPlugin({ claims, activeId, onSelectClaim }: Props): null {
  const [editor] = useLexicalComposerContext()
  const positions = useMemo(
    () => claims.map((c) => `${c.id}:${c.start}:${c.end}`).join(','),
    [claims],
  )
  // The claims and the selection as they are when the editor reports a change or a click.
  const currentClaims = useEffectEvent(() => claims)
  const currentActive = useEffectEvent(() => activeId)

  useLayoutEffect(() => {
    // Redrawing while a Hangul syllable is being composed would break the composition: wait for it.
    const redraw = (): boolean => {
      if (editor.isComposing()) return false
      const drawn = editor.read(() => $markRanges($getRoot()))
      const latest = currentClaims()
      if (!sameRanges(drawn, latest)) {
        editor.update(() => $applyClaimMarks($getRoot(), latest), {
          discrete: true,
          tag: ['historic', MARKS_TAG],
        })
      }
      return true
    }
    if (redraw()) return
    const unregister = editor.registerUpdateListener(() => {
      if (redraw()) unregister()
    })
    return unregister
  }, [editor, positions])

  // The essay is built anew whenever the review is (re)loaded — opened, imported, its verdict scale
  // switched — which drops every mark; when the claims' positions did not change, the effect above does
  // not run again, so the marks are drawn again here.
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags }) => {
        if (!tags.has(LOAD_TAG) || editor.isComposing()) return
        const latest = currentClaims()
        editor.update(() => $applyClaimMarks($getRoot(), latest), { discrete: true, tag: ['historic', MARKS_TAG] })
      }),
    [editor],
  )

  useEffect(() => {
    decorateMarks(editor, claims, activeId)
  }, [editor, claims, activeId, positions])

  useEffect(() => {
    return mergeRegister(
      editor.registerMutationListener(MarkNode, () => decorateMarks(editor, currentClaims(), currentActive()), {
        skipInitialization: true,
      }),
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
          const ranked = rankBySpecificity(ids, currentClaims())
          const at = ranked.indexOf(currentActive() ?? '')
          onSelectClaim(ranked[(at + 1) % ranked.length])
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
  }, [editor, onSelectClaim])

  useEffect(() => {
    if (!activeId) return
    const el = editor.getRootElement()?.querySelector(`[data-claim-ids~="${CSS.escape(activeId)}"]`)
    scrollWithin(el?.closest('.essay-pane'), el)
  }, [editor, activeId])

  return null
}

/** Shortest claim first: on an overlap, the most specific claim is what the user pointed at. */
function rankBySpecificity(ids: string[], claims: Claim[]): string[] {
  const length = new Map(claims.map((c) => [c.id, c.end - c.start]))
  return [...ids].sort((a, b) => (length.get(a) ?? 0) - (length.get(b) ?? 0))
}

function decorateMarks(editor: LexicalEditor, claims: Claim[], activeId: string | null): void {
  const verdictOf = new Map(claims.map((c) => [c.id, c.verdict]))
  const changed = new Set(claims.filter((c) => c.textChanged).map((c) => c.id))
  const marks = editor.read(() => $allMarks($getRoot()).map((m) => ({ key: m.getKey(), ids: m.getIDs() })))
  // In essay order: a claim starts in the first mark that carries it and ends in the last, where the
  // highlight gets a bar, so two claims side by side read as two.
  const lastMark = new Map<string, number>()
  marks.forEach(({ ids }, i) => ids.forEach((id) => lastMark.set(id, i)))
  const seen = new Set<string>()
  for (const [i, { key, ids }] of marks.entries()) {
    const starts = ids.some((id) => !seen.has(id))
    ids.forEach((id) => seen.add(id))
    const el = editor.getElementByKey(key)
    if (!el) continue
    const ranked = rankBySpecificity(ids, claims)
    el.dataset.claimIds = ids.join(' ')
    el.dataset.verdict = verdictOf.get(ranked[0]) ?? 'unrated'
    el.classList.toggle('claim-mark-active', activeId !== null && ids.includes(activeId))
    el.classList.toggle('claim-mark-start', starts)
    el.classList.toggle('claim-mark-end', ids.some((id) => lastMark.get(id) === i))
    // A verdict awaiting re-confirmation shows on the highlight too (src/core/claims/textChange.ts).
    el.classList.toggle(TEXT_CHANGED_CLASS, ids.some((id) => changed.has(id)))
  }
}

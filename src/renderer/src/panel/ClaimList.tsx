import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { scrollWithin } from '../scrollWithin'
import { ClaimCard } from './ClaimCard'

/** Up to this many claims every card is in the page (find in page, screen readers' list counts). */
const ALL_CARDS_UP_TO = 150
/** A compact card's height before it is measured (px); the gap between cards. */
const ESTIMATE = 88
const GAP = 10

interface Props {
  claims: DeskClaim[]
  label: string
  activeId: string | null
  /** The panel's search, while one is typed: its matches are marked in the cards. */
  search?: string
}

/**
 * The claims' cards. A long list is virtualised: only the cards in view (and a few around them) are
 * in the page, each measured as it renders (a selected card is taller), and the selected card stays
 * rendered while it is scrolled away, so the keyboard focus it holds is never lost. Selecting a claim
 * (in the essay, with J/K or Alt+arrows, or by marking it) scrolls its card into view.
 */
export function ClaimList({ claims, label, activeId, search }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = claims.length > ALL_CARDS_UP_TO
  const activeIndex = activeId ? claims.findIndex((c) => c.id === activeId) : -1
  const activeRef = useRef(activeIndex)
  // The virtualizer asks for its range while it renders: the selected card's index as of this render.
  useLayoutEffect(() => {
    activeRef.current = activeIndex
  })
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range)
    const active = activeRef.current
    if (active >= 0 && !indexes.includes(active)) indexes.push(active)
    return indexes.sort((a, b) => a - b)
  }, [])
  // The app is not built with the React Compiler, which is what this rule protects: nothing memoises
  // the virtualizer's functions here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? claims.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    getItemKey: (i) => claims[i].id,
    gap: GAP,
    overscan: 6,
    rangeExtractor,
    // The list's height before it is measured: the window's, not 0, so the first render already has
    // the cards in view. With 0, opening a long review forced two layouts of the whole page before its
    // first paint (measuring the first cards, then the list); now one.
    initialRect: { width: 0, height: window.innerHeight },
  })

  // Only a change of the selection scrolls; the list changing under it (typing) does not, so the
  // list's state is read when the selection changes rather than being a reason to scroll.
  const scrollToActive = useEffectEvent((id: string) => {
    if (virtual) {
      if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
      return
    }
    // The list scrolls, never the panel's header or the app's toolbar.
    scrollWithin(scrollRef.current, scrollRef.current?.querySelector(`[data-claim-id="${CSS.escape(id)}"]`))
  })
  useEffect(() => {
    if (activeId) scrollToActive(activeId)
  }, [activeId])

  const card = (c: DeskClaim) => <ClaimCard claim={c} active={c.id === activeId} search={search} />

  return (
    <div className="claim-list" ref={scrollRef}>
      {virtual ? (
        <ol aria-label={label} className="claim-items virtual" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {card(claims[item.index])}
            </li>
          ))}
        </ol>
      ) : (
        <ol aria-label={label} className="claim-items">
          {claims.map((c) => (
            <li key={c.id}>{card(c)}</li>
          ))}
        </ol>
      )}
    </div>
  )
}

import { useEffect } from 'react'
import type { SyncPeer } from '../../../shared/sync'
import { initials, useShareText } from './shareText'

/**
 * The others' initials on the claims they have open: on the claim's card and on its highlight in the
 * essay, as a `data-peers` attribute the stylesheet shows. Cards and highlights are drawn by their own
 * components (and highlights by the editor), so the marks are put back whenever those redraw.
 */
export function SharePresence({ peers }: { peers: SyncPeer[] }) {
  const s = useShareText()
  useEffect(() => {
    const byClaim = new Map<string, string[]>()
    for (const p of peers) if (p.claimId) byClaim.set(p.claimId, [...(byClaim.get(p.claimId) ?? []), p.name])
    let frame = 0
    const apply = (): void => {
      frame = 0
      for (const el of document.querySelectorAll<HTMLElement>('[data-peers]')) {
        const ids = (el.dataset.claimId ?? el.dataset.claimIds ?? '').split(' ')
        if (!ids.some((claimId) => byClaim.has(claimId))) clear(el)
      }
      for (const [claimId, names] of byClaim) {
        const selector = `article[data-claim-id="${CSS.escape(claimId)}"], [data-claim-ids~="${CSS.escape(claimId)}"]`
        for (const el of document.querySelectorAll<HTMLElement>(selector)) {
          const badge = names.map(initials).join(' ')
          if (el.dataset.peers === badge) continue
          el.dataset.peers = badge
          el.dataset.peersTitle = names.map(s.peerOpen).join('\n')
          if (el.tagName === 'ARTICLE') el.setAttribute('aria-description', names.map(s.peerOpen).join('. '))
        }
      }
    }
    apply()
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(apply)
    })
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-claim-ids'],
    })
    return () => {
      observer.disconnect()
      if (frame) cancelAnimationFrame(frame)
      for (const el of document.querySelectorAll<HTMLElement>('[data-peers]')) clear(el)
    }
  }, [peers, s])
  return null
}

function clear(el: HTMLElement): void {
  delete el.dataset.peers
  delete el.dataset.peersTitle
  el.removeAttribute('aria-description')
}

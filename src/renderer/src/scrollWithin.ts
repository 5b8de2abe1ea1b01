/**
 * Brings `el` into view by scrolling only `container` (the essay pane or the claims list), never the
 * page or the app's chrome: Element.scrollIntoView would scroll every scrollable ancestor, the toolbar's
 * too, whenever anything in the layout overflows by a pixel.
 */
export function scrollWithin(
  container: Element | null | undefined,
  el: Element | null | undefined,
  smooth = true,
): void {
  if (!container || !el || !container.contains(el)) return
  const box = container.getBoundingClientRect()
  const r = el.getBoundingClientRect()
  const margin = 8
  let dy = 0
  if (r.height > box.height - 2 * margin || r.top < box.top + margin) dy = r.top - box.top - margin
  else if (r.bottom > box.bottom - margin) dy = r.bottom - box.bottom + margin
  if (dy !== 0) container.scrollBy({ top: dy, behavior: smooth && !reducedMotion() ? 'smooth' : 'auto' })
}

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

import { useCallback, useLayoutEffect } from 'react'
import type { UndoStep } from '../state/useUndo'

/** Whether the keyboard focus is lost: on the page body, or on an element no longer in the page. */
function focusLost(): boolean {
  const el = document.activeElement
  return !el || el === document.body || !el.isConnected
}

/** The latest focus watch: a newer one (another dialog closing, another undo) ends the older. */
let watches = 0

function focusable(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.isConnected && el !== document.body && !el.closest('[inert]')
}

/**
 * Gives the focus back to `back` once the page has settled (React has removed a dialog, drawn a card),
 * unless something else took it on purpose meanwhile; `fallback` when `back` is gone.
 */
export function returnFocus(back: Element | null, fallback?: () => HTMLElement | null | undefined, move = false): void {
  // Watched for a few frames: the element that had the focus may be taken away a render or two later
  // (a card whose claim an undo removed). `move`: the focus goes to `fallback` even where it still is.
  // The watch ends as soon as the user puts the focus somewhere else, so it never takes it back later.
  const generation = ++watches
  let seen = document.activeElement
  const settle = (tries: number): void => {
    if (generation !== watches) return
    const now = document.activeElement
    if (now !== seen && now && now !== document.body && now.isConnected) return
    seen = now
    if (move || focusLost()) {
      const target = !move && focusable(back) ? back : fallback?.()
      if (target) {
        target.focus({ preventScroll: true })
        return
      }
    }
    if (tries > 0) requestAnimationFrame(() => settle(tries - 1))
  }
  requestAnimationFrame(() => settle(40))
}

/**
 * For a dialog component: the element focused when it opened gets the focus back when it closes
 * (Close, Esc, Save, or being taken away), so the keyboard user goes on where they were.
 */
export function useReturnFocus(open = true): void {
  useLayoutEffect(() => {
    if (!open) return
    const back = focusToReturnTo()
    return () => returnFocus(back)
  }, [open])
}

/**
 * Where the focus is now, for giving it back later; a menu item (about to go with its menu) or the
 * page body stands for the last place the user worked in.
 */
function focusToReturnTo(): Element | null {
  const el = document.activeElement
  if (el && el !== document.body && !el.closest('[role="menu"]')) return el
  return last
}

let last: Element | null = null
/**
 * The last element focused outside the notice bar: a notice's Undo button is not where the user was
 * working, so after Undo the focus goes back there.
 */
export function trackFocus(): () => void {
  const onFocus = (e: FocusEvent): void => {
    if (e.target instanceof Element && !e.target.closest('.notice, dialog, [role="menu"]')) last = e.target
  }
  document.addEventListener('focusin', onFocus)
  return () => document.removeEventListener('focusin', onFocus)
}

export function lastFocused(): Element | null {
  const el = document.activeElement
  if (el && el !== document.body && !el.closest('.notice')) return el
  return last
}

/**
 * Undo (Ctrl/⌘+Z, a notice's Undo, the import summary) that leaves the focus where the user was; where
 * that is gone, a claim brought back takes it on its card, else the essay does.
 */
export function useFocusedUndo(takeBack: (only?: UndoStep) => Promise<unknown>): (only?: UndoStep) => Promise<void> {
  return useCallback(
    async (only?: UndoStep) => {
      const back = lastFocused()
      await takeBack(only)
      // The card of a claim brought back may take a few frames to render: the essay only after that.
      let frames = 0
      // Undo in the removal notice is about the claim: its card takes the focus, not the notice.
      const fromNotice = back?.closest('.notice') != null
      returnFocus(
        fromNotice ? null : back,
        () =>
          document.querySelector<HTMLElement>('.claims-panel article.active .claim-quote') ??
          (++frames > 30 ? document.querySelector<HTMLElement>('.essay') : null),
        fromNotice,
      )
    },
    [takeBack],
  )
}

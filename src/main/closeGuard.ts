/** The part of a BrowserWindow the guard needs (kept structural so it is testable without Electron). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  close(): void
  isDestroyed(): boolean
}

export const CLOSE_GRACE_MS = 3000

/**
 * Lets the page save its last edits before its window closes: the essay is saved a moment after typing
 * stops, so a close right after a keystroke would otherwise lose it. The first close asks the page;
 * the window closes when the page reports its edits saved, or after a grace period if it cannot.
 */
export function guardClose(win: ClosableWindow, askPage: () => void, graceMs = CLOSE_GRACE_MS): { editsSaved(): void } {
  let mayClose = false
  let asked = false
  const closeNow = (): void => {
    mayClose = true
    if (!win.isDestroyed()) win.close()
  }
  win.on('close', (event) => {
    if (mayClose) return
    event.preventDefault()
    if (asked) return
    asked = true
    askPage()
    setTimeout(closeNow, graceMs)
  })
  return {
    editsSaved() {
      if (asked) closeNow()
    },
  }
}

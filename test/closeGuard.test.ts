import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { guardClose } from '../src/main/closeGuard'

class FakeWindow extends EventEmitter {
  closed = false
  close(): void {
    let prevented = false
    this.emit('close', { preventDefault: () => (prevented = true) })
    if (!prevented) this.closed = true
  }
  isDestroyed(): boolean {
    return this.closed
  }
}

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

it('asks the page to save before the window closes, and closes once it has', () => {
  const win = new FakeWindow()
  const ask = vi.fn()
  const guard = guardClose(win, ask)
  guard.editsSaved() // nothing asked yet: a save report alone never closes the window
  expect(win.closed).toBe(false)
  win.close()
  expect(win.closed).toBe(false)
  expect(ask).toHaveBeenCalledTimes(1)
  win.close() // a second click while the page saves does not ask again
  expect(ask).toHaveBeenCalledTimes(1)
  guard.editsSaved()
  expect(win.closed).toBe(true)
})

it('closes after the grace period when the page does not answer', () => {
  const win = new FakeWindow()
  guardClose(win, () => undefined, 3000)
  win.close()
  vi.advanceTimersByTime(2999)
  expect(win.closed).toBe(false)
  vi.advanceTimersByTime(1)
  expect(win.closed).toBe(true)
})

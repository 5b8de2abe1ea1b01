import { afterEach, describe, expect, it, vi } from 'vitest'
import { RETRY_FIRST_MS, SaveTracker, type SaveStatus } from '../src/renderer/src/state/saveTracker'

/** A service that fails while `down` is set, and records what it was sent. */
function service() {
  const state = { down: false, received: [] as string[] }
  const send = (value: string) => async () => {
    await Promise.resolve()
    if (state.down) throw new Error('The harness is not running.')
    state.received.push(value)
  }
  return { state, send }
}

function tracked() {
  const seen: SaveStatus[] = []
  const tracker = new SaveTracker((s) => seen.push(s))
  return { tracker, seen }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the save tracker', () => {
  it('says Saving… while a save is out and Saved only once it succeeded', async () => {
    const { tracker, seen } = tracked()
    const { send } = service()
    const done = tracker.run('claim:a', send('verdict'))
    expect(tracker.status).toEqual({ phase: 'saving' })
    expect(await done).toBe(true)
    expect(seen.map((s) => s.phase)).toEqual(['saving', 'saved'])
  })

  it('keeps a failed save with its reason, never says Saved for it, and sends it again on retry', async () => {
    const { tracker } = tracked()
    const { state, send } = service()
    state.down = true
    expect(await tracker.run('claim:a', send('note 1'))).toBe(false)
    expect(tracker.status).toEqual({ phase: 'failed', reason: 'The harness is not running.' })
    // Still down: a retry fails again and the status stays failed.
    tracker.retry()
    await tracker.settled()
    expect(tracker.status.phase).toBe('failed')
    state.down = false
    tracker.retry()
    await tracker.settled()
    expect(tracker.status).toEqual({ phase: 'saved' })
    expect(state.received).toEqual(['note 1'])
    tracker.dispose()
  })

  it('retries on its own with a growing pause, and at once when another save gets through', async () => {
    vi.useFakeTimers()
    const { tracker } = tracked()
    const { state, send } = service()
    state.down = true
    await tracker.run('essay', send('text'))
    expect(tracker.status.phase).toBe('failed')
    // The first automatic retry comes after RETRY_FIRST_MS and fails; the next waits twice as long.
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS)
    expect(tracker.status.phase).toBe('failed')
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS)
    expect(state.received).toEqual([])
    state.down = false
    // Another edit gets through before the timer: the failed essay save goes right after it.
    await tracker.run('claim:b', send('verdict b'))
    await tracker.settled()
    expect(state.received).toEqual(['verdict b', 'text'])
    expect(tracker.status).toEqual({ phase: 'saved' })
    tracker.dispose()
  })

  it('counts a change sent outside run as being saved until the service answers it', async () => {
    const { tracker } = tracked()
    let answer: () => void = () => undefined
    const reply = new Promise<void>((done) => (answer = done))
    tracker.watch(reply)
    expect(tracker.status.phase).toBe('saving')
    answer()
    await reply
    await Promise.resolve()
    expect(tracker.status.phase).toBe('saved')
  })

  it('says Saving… while an edit waits for the typing pause, until it is handed over and answered', async () => {
    const { tracker } = tracked()
    const { send } = service()
    tracker.waiting('essay-typing', true)
    expect(tracker.status.phase).toBe('saving')
    const done = tracker.run('essay', send('text'))
    tracker.waiting('essay-typing', false)
    expect(tracker.status.phase).toBe('saving')
    await done
    expect(tracker.status.phase).toBe('saved')
  })

  it('sends the saves of one key in order, even when the first is slower', async () => {
    const { tracker } = tracked()
    const received: string[] = []
    const slow = () => new Promise<void>((done) => setTimeout(() => (received.push('first'), done()), 30))
    const fast = async () => void received.push('second')
    const a = tracker.run('essay', slow)
    const b = tracker.run('essay', fast)
    await Promise.all([a, b])
    expect(received).toEqual(['first', 'second'])
  })
})

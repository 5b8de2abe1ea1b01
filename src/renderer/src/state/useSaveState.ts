import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

export type SavePhase = 'saved' | 'saving' | 'failed'

export interface SaveStatus {
  phase: SavePhase
  /** Why the last failed save failed (the service's or the transport's message). */
  reason?: string
}

interface Failed {
  save: () => Promise<void>
  reason: string
}

/** The first automatic retry waits this long; each failure doubles it, up to the cap. */
const RETRY_FIRST_MS = 2000
const RETRY_CAP_MS = 30000

/**
 * The one place that knows whether the reviewer's edits are in the review file. Every save of an edit
 * runs through `run` under a key (one per thing saved: the essay, a claim's fields): saves of one key go
 * one after another, so an older edit never lands after a newer one. A save that fails stays on the
 * list with its reason, and the indicator says so, until it is sent again and succeeds — on Retry,
 * automatically with a growing pause, or as soon as any other save gets through. The save function
 * must read what to send when it runs, so a retry sends the newest edit, not the one that failed.
 */
export function useSaveState() {
  const [status, setStatus] = useState<SaveStatus>({ phase: 'saved' })
  const inFlight = useRef(0)
  const failed = useRef(new Map<string, Failed>())
  const chains = useRef(new Map<string, Promise<unknown>>())
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const delay = useRef(RETRY_FIRST_MS)
  const retryRef = useRef<() => void>(() => undefined)

  const publish = useCallback(() => {
    const last = [...failed.current.values()].at(-1)
    if (last) setStatus({ phase: 'failed', reason: last.reason })
    else setStatus({ phase: inFlight.current > 0 ? 'saving' : 'saved' })
  }, [])

  const run = useCallback(
    (key: string, save: () => Promise<void>): Promise<boolean> => {
      const attempt = async (): Promise<boolean> => {
        inFlight.current += 1
        publish()
        try {
          await save()
          failed.current.delete(key)
          return true
        } catch (err) {
          // Latest failure last, so the indicator gives the newest reason.
          failed.current.delete(key)
          failed.current.set(key, { save, reason: err instanceof Error ? err.message : String(err) })
          return false
        } finally {
          inFlight.current -= 1
          publish()
        }
      }
      const next = (chains.current.get(key) ?? Promise.resolve()).then(attempt)
      chains.current.set(key, next)
      return next.then((ok) => {
        if (chains.current.get(key) === next) chains.current.delete(key)
        if (!ok) {
          if (timer.current === undefined) {
            timer.current = setTimeout(() => retryRef.current(), delay.current)
            delay.current = Math.min(delay.current * 2, RETRY_CAP_MS)
          }
        } else if (failed.current.size > 0) {
          // The service answers again: the edits that failed go now rather than at the next timer.
          retryRef.current()
        } else {
          delay.current = RETRY_FIRST_MS
        }
        return ok
      })
    },
    [publish],
  )

  const retry = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const waiting = [...failed.current.entries()]
    // Each is sent again once: a key already queued again is not doubled.
    for (const [key, { save }] of waiting) if (!chains.current.has(key)) void run(key, save)
  }, [run])
  retryRef.current = retry

  useEffect(() => () => clearTimeout(timer.current), [])

  /** Resolves once every save queued so far has been answered (whether it succeeded or not). */
  const settled = useCallback(async () => {
    await Promise.all([...chains.current.values()])
  }, [])

  return useMemo(() => ({ status, run, retry, settled }), [status, run, retry, settled])
}

export type SaveState = ReturnType<typeof useSaveState>

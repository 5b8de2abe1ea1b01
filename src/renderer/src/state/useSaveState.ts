import { createContext, useContext, useEffect, useMemo, useState } from 'react'
import { watchWrites } from '../bridge'
import { SaveTracker, type SaveStatus } from './saveTracker'

/**
 * The page's one save tracker (saveTracker.ts): `saves` stays the same object for the page's life (so
 * callbacks built on it do not change), `status` is what the toolbar's indicator shows.
 */
export function useSaveState() {
  const [status, setStatus] = useState<SaveStatus>({ phase: 'saved' })
  const [tracker] = useState(() => new SaveTracker(setStatus))
  useEffect(() => {
    watchWrites((done) => tracker.watch(done))
    return () => {
      watchWrites(null)
      tracker.dispose()
    }
  }, [tracker])
  const saves = useMemo(
    () => ({
      run: (key: string, save: () => Promise<void>) => tracker.run(key, save),
      retry: () => tracker.retry(),
      waiting: (key: string, on: boolean) => tracker.waiting(key, on),
      settled: () => tracker.settled(),
    }),
    [tracker],
  )
  return { status, saves }
}

export type Saves = ReturnType<typeof useSaveState>['saves']

/** The tracker for components deep in the panel (a note's typing pause), without threading props. */
export const SavesContext = createContext<Saves | null>(null)

export function useSaves(): Saves | null {
  return useContext(SavesContext)
}

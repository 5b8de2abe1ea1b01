import { useCallback } from 'react'
import type { Claim, SourceFields } from '../../../shared/domain'
import { call } from '../bridge'
import type { UndoStep } from './useUndo'

/**
 * A claim's sources and corrections. A change answers with its claim, which replaces the one in the
 * list (as tags and replies do: src/state/useThread.ts); a refused change is shown in the notice bar.
 */
export function useClaimEdits(
  report: (err: unknown) => void,
  upsert: (claim: Claim) => void,
  /** A removal happened: Undo can take it back (src/state/useUndo.ts). */
  removed: (step: UndoStep, text: string) => void,
) {
  /** True when the change was made. */
  const claimCall = useCallback(
    async (run: () => Promise<Claim>): Promise<boolean> => {
      try {
        upsert(await run())
        return true
      } catch (err) {
        report(err)
        return false
      }
    },
    [report, upsert],
  )

  const addSource = useCallback(
    (claimId: string, source: SourceFields): Promise<boolean> => claimCall(() => call('source-add', { claimId, source })),
    [claimCall],
  )

  const updateSource = useCallback(
    (id: string, source: SourceFields): Promise<boolean> => claimCall(() => call('source-update', { id, source })),
    [claimCall],
  )

  const removeSource = useCallback(
    async (id: string) => {
      if (await claimCall(() => call('source-delete', { id }))) removed({ kind: 'source-removed', id }, 'sourceRemoved')
    },
    [claimCall, removed],
  )

  const proposeCorrection = useCallback(
    (claimId: string, replacement: string, explanation: string): Promise<boolean> =>
      claimCall(() => call('correction-propose', { claimId, replacement, explanation })),
    [claimCall],
  )

  const updateCorrection = useCallback(
    (id: string, replacement: string, explanation: string): Promise<boolean> =>
      claimCall(() => call('correction-update', { id, replacement, explanation })),
    [claimCall],
  )

  const deleteCorrection = useCallback(
    async (id: string) => {
      await claimCall(() => call('correction-delete', { id }))
    },
    [claimCall],
  )

  return { addSource, updateSource, removeSource, proposeCorrection, updateCorrection, deleteCorrection }
}

import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState } from 'react'
import { call } from '../bridge'
import { dropClaim, upsertClaim } from './claimCache'
import { keys } from './queryClient'

/**
 * One step the user can take back. Every destructive action of the desk pushes one: the notice's Undo
 * button takes back that step, Ctrl/⌘+Z (outside text fields) the last one.
 */
export type UndoStep =
  | { kind: 'claim-removed'; id: string }
  | { kind: 'claim-marked'; id: string }
  | { kind: 'source-removed'; id: string }
  | { kind: 'reply-removed'; id: string }
  | { kind: 'tag-removed'; claimId: string; name: string }
  | { kind: 'suggestion-dismissed'; key: string }
  /** The imports of one drop or file choice, in the order they ran. */
  | { kind: 'import'; ids: string[] }

/**
 * The desk's undo stack. The service does the work (each step is a new version with a history entry,
 * or Undo import); `suggestionsEpoch` moves when a dismissed suggestion comes back, so an open
 * Suggest claims dialog reads its list again.
 */
export function useUndo(setActiveId: (id: string) => void) {
  const client = useQueryClient()
  const stack = useRef<UndoStep[]>([])
  const [suggestionsEpoch, setSuggestionsEpoch] = useState(0)

  const push = useCallback((step: UndoStep) => void stack.current.push(step), [])
  const clear = useCallback(() => void (stack.current = []), [])

  const takeBack = useCallback(
    async (step: UndoStep): Promise<void> => {
      // A claim or tag that comes back or goes away changes the tag list's counts.
      const refreshTags = () => void client.invalidateQueries({ queryKey: keys.tags })
      switch (step.kind) {
        case 'claim-removed': {
          const claim = await call('claim-restore', { id: step.id })
          upsertClaim(client, claim)
          setActiveId(claim.id)
          refreshTags()
          break
        }
        case 'claim-marked':
          await call('claim-delete', { id: step.id })
          dropClaim(client, step.id)
          refreshTags()
          break
        case 'source-removed':
          upsertClaim(client, await call('source-restore', { id: step.id }))
          break
        case 'reply-removed':
          upsertClaim(client, await call('reply-restore', { id: step.id }))
          break
        case 'tag-removed':
          upsertClaim(client, await call('tag-add', { claimId: step.claimId, name: step.name }))
          refreshTags()
          break
        case 'suggestion-dismissed':
          await call('suggestion-restore', { key: step.key })
          setSuggestionsEpoch((n) => n + 1)
          break
        case 'import':
          // Newest first: each undo gives back the state the import before it left.
          for (const id of [...step.ids].reverse()) await call('import-undo', { id })
          break
      }
    },
    [client, setActiveId],
  )

  /** Takes back the given step (or the last one); resolves null when there was none, throws when it failed. */
  const take = useCallback(
    async (only?: UndoStep): Promise<UndoStep | null> => {
      const at = only ? stack.current.lastIndexOf(only) : stack.current.length - 1
      if (at < 0) return null
      const [step] = stack.current.splice(at, 1)
      try {
        await takeBack(step)
      } catch (err) {
        // Not taken back (the service did not answer, say): it stays on the stack to try again.
        stack.current.splice(at, 0, step)
        throw err
      }
      return step
    },
    [takeBack],
  )

  return useMemo(() => ({ push, clear, take, suggestionsEpoch }), [push, clear, take, suggestionsEpoch])
}

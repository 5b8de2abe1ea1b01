import { useQueryClient } from '@tanstack/react-query'
import { createContext, useContext, useMemo } from 'react'
import type { ClaimPatch, Correction, SourceFields } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import { call } from '../bridge'
import { changeClaim } from './claimCache'
import { change, keys } from './queryClient'
import type { UndoStep } from './useUndo'

/**
 * Everything a claim card or panel can do, from one context (App provides it), so cards take only
 * their claim and never a chain of callbacks. Each function is the same for the page's life, so a
 * card re-renders only when its claim does. A change that answers `Promise<boolean>` resolves true
 * when it was made (a form then closes); a failure is in the notice bar already.
 */
export interface DeskActions {
  select: (id: string) => void
  updateClaim: (id: string, patch: ClaimPatch) => Promise<void>
  removeClaim: (id: string) => Promise<void>
  /** Attaches a claim not found in the essay to the text selected there. */
  attachSelection: (id: string) => void
  openConflict: (claimId: string) => void
  addSource: (claimId: string, source: SourceFields) => Promise<boolean>
  updateSource: (id: string, source: SourceFields) => Promise<boolean>
  removeSource: (id: string) => Promise<void>
  proposeCorrection: (claimId: string, replacement: string, explanation: string) => Promise<boolean>
  updateCorrection: (id: string, replacement: string, explanation: string) => Promise<boolean>
  deleteCorrection: (id: string) => Promise<void>
  /** Puts the correction's wording into the essay (useDocumentSync.ts). */
  applyCorrection: (claim: DeskClaim, correction: Correction) => Promise<void>
  addTag: (claimId: string, name: string) => Promise<boolean>
  removeTag: (claimId: string, name: string) => Promise<void>
  setTagColor: (name: string, color: string) => Promise<void>
  addReply: (claimId: string, body: string) => Promise<boolean>
  updateReply: (id: string, body: string) => Promise<boolean>
  deleteReply: (id: string) => Promise<void>
  /** Team workflow (src/core/workflow): who checks the claim, and the editor's sign-off. */
  assign: (claimId: string, reviewer: string) => Promise<boolean>
  signOff: (claimId: string) => Promise<boolean>
  withdrawSignOff: (claimId: string) => Promise<boolean>
}

export const DeskActionsContext = createContext<DeskActions | null>(null)

export function useDeskActions(): DeskActions {
  const actions = useContext(DeskActionsContext)
  // A programming error (a component used outside the desk's provider), never shown to a reader.
  if (!actions) throw new Error('DeskActionsContext')
  return actions
}

type ClaimActions = Pick<
  DeskActions,
  | 'addSource'
  | 'updateSource'
  | 'removeSource'
  | 'proposeCorrection'
  | 'updateCorrection'
  | 'deleteCorrection'
  | 'addTag'
  | 'removeTag'
  | 'setTagColor'
  | 'addReply'
  | 'updateReply'
  | 'deleteReply'
  | 'assign'
  | 'signOff'
  | 'withdrawSignOff'
>

/**
 * A claim's sources, corrections, tags and replies. Each change answers with its claim, which replaces
 * the one in the list; a tag change also makes the tag list (names, colours, counts) stale.
 */
export function useClaimActions(
  /** A removal happened: Undo can take it back (useUndo.ts). */
  removed: (step: UndoStep, text: string) => void,
): ClaimActions {
  const client = useQueryClient()
  return useMemo(() => {
    const tagsChanged = () => void client.invalidateQueries({ queryKey: keys.tags })
    return {
      addSource: (claimId, source) => changeClaim(client, (a) => call('source-add', a), { claimId, source }),
      updateSource: (id, source) => changeClaim(client, (a) => call('source-update', a), { id, source }),
      removeSource: async (id) => {
        if (await changeClaim(client, (a) => call('source-delete', a), { id }))
          removed({ kind: 'source-removed', id }, 'sourceRemoved')
      },
      proposeCorrection: (claimId, replacement, explanation) =>
        changeClaim(client, (a) => call('correction-propose', a), { claimId, replacement, explanation }),
      updateCorrection: (id, replacement, explanation) =>
        changeClaim(client, (a) => call('correction-update', a), { id, replacement, explanation }),
      deleteCorrection: async (id) => void (await changeClaim(client, (a) => call('correction-delete', a), { id })),
      addTag: async (claimId, name) => {
        const made = await changeClaim(client, (a) => call('tag-add', a), { claimId, name })
        if (made) tagsChanged()
        return made
      },
      removeTag: async (claimId, name) => {
        if (!(await changeClaim(client, (a) => call('tag-remove', a), { claimId, name }))) return
        tagsChanged()
        removed({ kind: 'tag-removed', claimId, name }, 'tagRemoved')
      },
      setTagColor: async (name, color) => {
        const tags = await change(client, (a) => call('tag-set-color', a), { name, color })
        if (tags) client.setQueryData(keys.tags, tags)
      },
      addReply: (claimId, body) => changeClaim(client, (a) => call('reply-add', a), { claimId, body }),
      updateReply: (id, body) => changeClaim(client, (a) => call('reply-update', a), { id, body }),
      deleteReply: async (id) => {
        if (await changeClaim(client, (a) => call('reply-delete', a), { id }))
          removed({ kind: 'reply-removed', id }, 'replyRemoved')
      },
      assign: (id, reviewer) => changeClaim(client, (a) => call('claim-assign', a), { id, reviewer }),
      signOff: (id) => changeClaim(client, (a) => call('claim-sign-off', a), { id }),
      withdrawSignOff: (id) => changeClaim(client, (a) => call('claim-sign-off-withdraw', a), { id }),
    }
  }, [client, removed])
}

import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Claim } from '../../../shared/domain'
import type { TagSummary } from '../../../shared/thread'
import { call, on } from '../bridge'
import type { UndoStep } from './useUndo'

/** What a claim card needs for its tags and discussion thread. */
export interface ThreadActions {
  /** The review's tags with their colours and counts (also the filter bar's tag list). */
  tags: TagSummary[]
  /** Who "you" are: replies by this name show Edit and Delete. */
  reviewerName: string
  addTag: (claimId: string, name: string) => Promise<boolean>
  removeTag: (claimId: string, name: string) => Promise<void>
  setTagColor: (name: string, color: string) => Promise<void>
  addReply: (claimId: string, body: string) => Promise<boolean>
  updateReply: (id: string, body: string) => Promise<boolean>
  deleteReply: (id: string) => Promise<void>
  /** Team workflow (src/core/workflow): assignment and the editor's sign-off. */
  assign: (claimId: string, reviewer: string) => Promise<boolean>
  signOff: (claimId: string) => Promise<boolean>
  withdrawSignOff: (claimId: string) => Promise<boolean>
  /** Shows an error in the notice bar. */
  report: (err: unknown) => void
  /** Reads the tag list again. */
  refreshTags: () => Promise<void>
}

/**
 * Tags and replies of the open review. A change answers with its claim, which replaces the one in the
 * list; the tag list is read again after a tag change, an import, and when claims come or go.
 */
export function useThread(
  report: (err: unknown) => void,
  upsert: (claim: Claim) => void,
  claims: Claim[],
  reviewerName: string,
  /** A removal happened: Undo can take it back (src/state/useUndo.ts). */
  removed: (step: UndoStep, text: string) => void,
): ThreadActions {
  const [tags, setTags] = useState<TagSummary[]>([])

  const refreshTags = useCallback(async () => {
    try {
      setTags(await call('tags-list', {}))
    } catch (err) {
      report(err)
    }
  }, [report])

  // Counts change when a claim is removed or restored; names when tags come with an import.
  const liveCount = claims.length
  useEffect(() => {
    void refreshTags()
  }, [refreshTags, liveCount])
  useEffect(() => on('review-changed', () => void refreshTags()), [refreshTags])

  const claimCall = useCallback(
    async (run: () => Promise<Claim>, afterTags = false): Promise<boolean> => {
      try {
        upsert(await run())
        if (afterTags) void refreshTags()
        return true
      } catch (err) {
        report(err)
        return false
      }
    },
    [report, upsert, refreshTags],
  )

  const addTag = useCallback((claimId: string, name: string) => claimCall(() => call('tag-add', { claimId, name }), true), [claimCall])
  const removeTag = useCallback(
    async (claimId: string, name: string) => {
      if (await claimCall(() => call('tag-remove', { claimId, name }), true)) removed({ kind: 'tag-removed', claimId, name }, 'tagRemoved')
    },
    [claimCall, removed],
  )
  const setTagColor = useCallback(
    async (name: string, color: string) => {
      try {
        setTags(await call('tag-set-color', { name, color }))
      } catch (err) {
        report(err)
      }
    },
    [report],
  )
  const addReply = useCallback((claimId: string, body: string) => claimCall(() => call('reply-add', { claimId, body })), [claimCall])
  const updateReply = useCallback((id: string, body: string) => claimCall(() => call('reply-update', { id, body })), [claimCall])
  const deleteReply = useCallback(
    async (id: string) => {
      if (await claimCall(() => call('reply-delete', { id }))) removed({ kind: 'reply-removed', id }, 'replyRemoved')
    },
    [claimCall, removed],
  )

  const assign = useCallback((id: string, reviewer: string) => claimCall(() => call('claim-assign', { id, reviewer })), [claimCall])
  const signOff = useCallback((id: string) => claimCall(() => call('claim-sign-off', { id })), [claimCall])
  const withdrawSignOff = useCallback((id: string) => claimCall(() => call('claim-sign-off-withdraw', { id })), [claimCall])

  return useMemo(
    () => ({ tags, reviewerName, addTag, removeTag, setTagColor, addReply, updateReply, deleteReply, assign, signOff, withdrawSignOff, report, refreshTags }),
    [tags, reviewerName, addTag, removeTag, setTagColor, addReply, updateReply, deleteReply, assign, signOff, withdrawSignOff, report, refreshTags],
  )
}

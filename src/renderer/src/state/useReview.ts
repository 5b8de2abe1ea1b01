import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClaimPatch, Prefs } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { Anchor } from '../../../shared/text'
import { call, CallError } from '../bridge'
import { changeClaim, currentClaims, dropClaim, replaceClaims, upsertClaim } from './claimCache'
import { useClaimActions } from './deskActions'
import { change, claimsQuery, keys, queries, subscribeErrors, unsavedEdits } from './queryClient'
import { useServiceEvents } from './serviceEvents'
import { useSaveState } from './useSaveState'
import { useUndo, type UndoStep } from './useUndo'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
  code?: string
  /** The step the notice's Undo button takes back: that one, even if other steps came after it. */
  undo?: UndoStep
}

const noClaims: DeskClaim[] = []

/**
 * The open review as the UI sees it (read from the query cache: queryClient.ts), and every change the
 * user can make to it. Every function returned is the same for the page's life.
 */
export function useReview() {
  const client = useQueryClient()
  const essay = useQuery(queries.document).data ?? null
  const claimsRead = useQuery(claimsQuery(client))
  const claims = claimsRead.data ?? noClaims
  // The essay is shown once its claims are known too, so the editor builds it with its highlights in
  // one pass rather than drawing thousands of them over a text already on the page.
  const doc = claimsRead.data !== undefined || claimsRead.isError ? essay : null
  const prefs = useQuery(queries.prefs).data ?? null
  const [activeId, setActiveId] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const undoer = useUndo(setActiveId)
  const noticeSeq = useRef(0)
  const { status: saveStatus, saves } = useSaveState()

  const report = useCallback((err: unknown) => {
    const text = err instanceof Error ? err.message : String(err)
    const code = err instanceof CallError ? err.code : 'internal'
    setNotice({ id: ++noticeSeq.current, kind: 'error', text, code })
  }, [])
  useEffect(() => subscribeErrors(client, report), [client, report])

  // Steps of another review (or of a file the review was replaced by) cannot be taken back here; an
  // import, or its undo, is a step of this review's stack.
  useServiceEvents((reason) => {
    if (reason !== 'imported' && reason !== 'import-undone') undoer.clear()
  })

  /** Reads the whole review again (after an import or a resolved conflict). */
  const reload = useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.review }),
        client.invalidateQueries({ queryKey: keys.prefs }),
      ]).then(() => undefined),
    [client],
  )

  /** A step that can be taken back was done: it goes on the stack, and the notice offers Undo. */
  const removed = useCallback(
    (step: UndoStep, text: string) => {
      undoer.push(step)
      setNotice({ id: ++noticeSeq.current, kind: 'info', text, undo: step })
    },
    [undoer],
  )

  const markClaim = useCallback(
    async (anchor: Anchor): Promise<DeskClaim | null> => {
      const claim = await change(client, (a) => call('claim-create', a), { id: crypto.randomUUID(), anchor })
      if (!claim) return null
      upsertClaim(client, claim)
      setActiveId(claim.id)
      undoer.push({ kind: 'claim-marked', id: claim.id })
      void client.invalidateQueries({ queryKey: keys.tags })
      return claim
    },
    [client, undoer],
  )

  // Claim fields edited here and not yet confirmed by the service are shown at once, kept while a
  // save fails, and laid over whatever the service answers until their own save gets through.
  const updateClaim = useCallback(
    async (id: string, patch: ClaimPatch) => {
      const unsaved = unsavedEdits(client)
      unsaved.set(id, { ...unsaved.get(id), ...patch })
      const shown = currentClaims(client).find((c) => c.id === id)
      if (shown) upsertClaim(client, { ...shown, ...patch })
      // Not through the mutation cache: a save that fails is the save tracker's to show and retry.
      await saves.run(`claim:${id}`, async () => {
        const sending = unsaved.get(id)
        if (!sending) return
        unsaved.delete(id)
        try {
          const claim = await call('claim-update', { id, patch: sending })
          upsertClaim(client, { ...claim, ...unsaved.get(id) })
        } catch (err) {
          if (err instanceof CallError && err.refused) {
            // Refused by the service (the claim was removed, say): sending it again cannot help. Say
            // why, and show the claims as the review file has them.
            report(err)
            const list = await call('claims-desk', {}).catch(() => null)
            if (list) replaceClaims(client, list)
            return
          }
          unsaved.set(id, { ...sending, ...unsaved.get(id) })
          throw err
        }
      })
    },
    [client, saves, report],
  )

  const removeClaim = useCallback(
    async (id: string) => {
      if (!(await change(client, (a) => call('claim-delete', a), { id }))) return
      dropClaim(client, id)
      setActiveId((current) => (current === id ? null : current))
      void client.invalidateQueries({ queryKey: keys.tags })
      removed({ kind: 'claim-removed', id }, 'claimRemoved')
    },
    [client, removed],
  )

  /**
   * Undoes the last step of this session (or the given one, from a notice's Undo button): a removal or
   * dismissal comes back, a new mark goes away, an import is taken back (src/state/useUndo.ts).
   */
  const undo = useCallback(
    async (only?: UndoStep) => {
      const step = await change(client, undoer.take, only)
      if (!step) return
      setNotice(step.kind === 'import' ? { id: ++noticeSeq.current, kind: 'info', text: 'importUndone' } : null)
    },
    [client, undoer],
  )

  const attachClaim = useCallback(
    async (id: string, anchor: Anchor) => {
      if (await changeClaim(client, (a) => call('claim-attach', a), { id, anchor })) setActiveId(id)
    },
    [client],
  )

  const savePrefs = useCallback(
    async (patch: Partial<Prefs>) => {
      const saved = await change(client, (a) => call('prefs-set', a), patch)
      if (saved) client.setQueryData(keys.prefs, saved)
    },
    [client],
  )

  const claimActions = useClaimActions(removed)

  return {
    client,
    saves,
    saveStatus,
    claimActions,
    reload,
    attachClaim,
    doc,
    claims,
    /** The claims list has arrived (until then `claims` is empty, not the review's). */
    claimsLoaded: claimsRead.data !== undefined,
    prefs,
    activeId,
    setActiveId,
    notice,
    setNotice,
    report,
    markClaim,
    updateClaim,
    removeClaim,
    undo,
    /** Puts a step on the undo stack with its notice (a dismissed suggestion, an import). */
    removed,
    suggestionsEpoch: undoer.suggestionsEpoch,
    savePrefs,
  }
}

export type Review = ReturnType<typeof useReview>

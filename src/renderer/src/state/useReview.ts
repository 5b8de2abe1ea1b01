import { useCallback, useEffect, useRef, useState } from 'react'
import type { DocumentView } from '../../../shared/contract'
import type { Claim, ClaimPatch, Prefs } from '../../../shared/domain'
import { cpSlice, type Anchor } from '../../../shared/text'
import { call, CallError, on } from '../bridge'
import { useClaimEdits } from './useClaimEdits'
import { useSaveState } from './useSaveState'
import { useThread, type ThreadActions } from './useThread'
import { useUndo, type UndoStep } from './useUndo'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
  code?: string
  /** The step the notice's Undo button takes back: that one, even if other steps came after it. */
  undo?: UndoStep
}

function byPosition(a: Claim, b: Claim): number {
  return a.start - b.start || a.end - b.end || a.created.localeCompare(b.created)
}

/** The claims as the service has them, with the reviewer's edits that it has not confirmed yet on top. */
function withUnsaved(claims: Claim[], unsaved: ReadonlyMap<string, ClaimPatch>): Claim[] {
  if (unsaved.size === 0) return claims
  return claims.map((c) => (unsaved.has(c.id) ? { ...c, ...unsaved.get(c.id) } : c))
}

/** The open review as the UI sees it, and every change the user can make to it. */
export function useReview() {
  const [doc, setDoc] = useState<DocumentView | null>(null)
  const [claims, setClaims] = useState<Claim[]>([])
  const [prefs, setPrefs] = useState<Prefs | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const threadRef = useRef<ThreadActions | null>(null)
  const undoer = useUndo({
    upsert: (claim) => upsert(claim),
    drop: (id) => setClaims((list) => list.filter((c) => c.id !== id)),
    setActiveId: (id) => setActiveId(id),
    refreshTags: () => threadRef.current?.refreshTags(),
  })
  // The latest claims for edits reported between renders (typing fast moves claims on every key).
  const claimsRef = useRef(claims)
  claimsRef.current = claims
  const noticeSeq = useRef(0)
  const { status: saveStatus, saves } = useSaveState()
  // Claim fields edited here and not yet confirmed by the service: shown at once, kept while a save
  // fails, and laid over whatever the service answers until their own save gets through.
  const unsaved = useRef(new Map<string, ClaimPatch>())

  const report = useCallback((err: unknown) => {
    const text = err instanceof Error ? err.message : String(err)
    const code = err instanceof CallError ? err.code : 'internal'
    setNotice({ id: ++noticeSeq.current, kind: 'error', text, code })
  }, [])

  const reload = useCallback(async () => {
    try {
      const [d, c, p] = await Promise.all([call('document-get', {}), call('claims-list', {}), call('prefs-get', {})])
      setDoc(d)
      setClaims(withUnsaved(c, unsaved.current))
      setPrefs(p)
    } catch (err) {
      report(err)
    }
  }, [report])

  useEffect(() => {
    void reload()
    const offs = [
      on('review-changed', ({ reason }) => {
        // Steps of another review (or of a file the review was replaced by) cannot be taken back here;
        // an import, or its undo, is a step of this review's stack.
        if (reason !== 'imported' && reason !== 'import-undone') undoer.clear()
        void reload()
      }),
      on('prefs-changed', (p) => setPrefs(p)),
    ]
    return () => offs.forEach((off) => off())
  }, [reload, undoer])

  const upsert = useCallback((claim: Claim) => {
    setClaims((list) => [...list.filter((c) => c.id !== claim.id), claim].sort(byPosition))
  }, [])

  /** A step that can be taken back was done: it goes on the stack, and the notice offers Undo. */
  const removed = useCallback(
    (step: UndoStep, text: string) => {
      undoer.push(step)
      setNotice({ id: ++noticeSeq.current, kind: 'info', text, undo: step })
    },
    [undoer],
  )

  const replaceClaims = useCallback((list: Claim[]) => {
    const shown = withUnsaved(list, unsaved.current)
    claimsRef.current = shown
    setClaims(shown)
  }, [])

  const markClaim = useCallback(
    async (anchor: Anchor): Promise<Claim | null> => {
      try {
        const claim = await call('claim-create', { id: crypto.randomUUID(), anchor })
        upsert(claim)
        setActiveId(claim.id)
        undoer.push({ kind: 'claim-marked', id: claim.id })
        return claim
      } catch (err) {
        report(err)
        return null
      }
    },
    [report, upsert, undoer],
  )

  const updateClaim = useCallback(
    async (id: string, patch: ClaimPatch) => {
      unsaved.current.set(id, { ...unsaved.current.get(id), ...patch })
      const shown = claimsRef.current.find((c) => c.id === id)
      if (shown) upsert({ ...shown, ...patch })
      await saves.run(`claim:${id}`, async () => {
        const sending = unsaved.current.get(id)
        if (!sending) return
        unsaved.current.delete(id)
        try {
          const claim = await call('claim-update', { id, patch: sending })
          upsert({ ...claim, ...unsaved.current.get(id) })
        } catch (err) {
          if (err instanceof CallError && err.refused) {
            // Refused by the service (the claim was removed, say): sending it again cannot help. Say
            // why, and show the claims as the review file has them.
            report(err)
            const list = await call('claims-list', {}).catch(() => null)
            if (list) replaceClaims(list)
            return
          }
          unsaved.current.set(id, { ...sending, ...unsaved.current.get(id) })
          throw err
        }
      })
    },
    [saves, upsert, report, replaceClaims],
  )

  const removeClaim = useCallback(
    async (id: string) => {
      try {
        await call('claim-delete', { id })
        setClaims((list) => list.filter((c) => c.id !== id))
        setActiveId((current) => (current === id ? null : current))
        removed({ kind: 'claim-removed', id }, 'claimRemoved')
      } catch (err) {
        report(err)
      }
    },
    [report, removed],
  )

  /**
   * Undoes the last step of this session (or the given one, from a notice's Undo button): a removal or
   * dismissal comes back, a new mark goes away, an import is taken back (src/state/useUndo.ts).
   */
  const undo = useCallback(
    async (only?: UndoStep) => {
      try {
        const step = await undoer.take(only)
        if (!step) return
        setNotice(step.kind === 'import' ? { id: ++noticeSeq.current, kind: 'info', text: 'importUndone' } : null)
      } catch (err) {
        report(err)
      }
    },
    [report, undoer],
  )

  const attachClaim = useCallback(
    async (id: string, anchor: Anchor) => {
      try {
        upsert(await call('claim-attach', { id, anchor }))
        setActiveId(id)
      } catch (err) {
        report(err)
      }
    },
    [report, upsert],
  )

  /** Moves claims as the essay was edited: `place` gives each anchored claim's new range, or null when its text is gone. */
  const moveClaims = useCallback((place: (c: Claim) => { start: number; end: number } | null, text: string): Claim[] => {
    const next = claimsRef.current.map((c) => {
      if (!c.anchored) return c
      const range = place(c)
      if (!range) return { ...c, anchored: false }
      const exact = cpSlice(text, range.start, range.end)
      // Claims the edit did not touch stay the same objects, so their cards do not re-render.
      if (range.start === c.start && range.end === c.end && exact === c.exact) return c
      return { ...c, ...range, exact }
    })
    claimsRef.current = next
    setClaims(next)
    return next
  }, [])

  const savePrefs = useCallback(
    async (patch: Partial<Prefs>) => {
      try {
        setPrefs(await call('prefs-set', patch))
      } catch (err) {
        report(err)
      }
    },
    [report],
  )

  const { addSource, updateSource, removeSource, proposeCorrection, updateCorrection, deleteCorrection } = useClaimEdits(report, upsert, removed)
  const thread = useThread(report, upsert, claims, prefs?.reviewerName ?? '', removed)
  threadRef.current = thread

  return {
    saves,
    saveStatus,
    thread,
    proposeCorrection,
    updateCorrection,
    deleteCorrection,
    reload,
    moveClaims,
    replaceClaims,
    attachClaim,
    doc,
    claims,
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
    addSource,
    updateSource,
    removeSource,
    savePrefs,
  }
}

export type Review = ReturnType<typeof useReview>

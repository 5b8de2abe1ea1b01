import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Correction } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { Block } from '../../../shared/essay'
import { codePointLength } from '../../../shared/text'
import { essaySplice } from '../../../shared/essaySplice'
import { call, CallError } from '../bridge'
import type { EssayEditorHandle } from '../editor/EssayEditor'
import type { EssayEdit } from '../editor/DocumentSyncPlugin'
import { applyQueuedMoves, currentClaims, dropQueuedMoves, patchClaims, queueMove } from './claimCache'
import type { Review } from './useReview'

const SAVE_DELAY_MS = 400

interface PendingSave {
  blocks: () => Block[]
  ranges: { id: string; start: number; end: number }[]
  /** Edits made when it was sent for: the service's claims replace the list only if none came since. */
  edits: number
  /** An applied correction the service has not recorded yet: the save records it (correction-apply). */
  correctionId?: string
}

const rangesOf = (claims: DeskClaim[]) =>
  claims.filter((c) => c.anchored).map(({ id, start, end }) => ({ id, start, end }))

/**
 * Keeps the review file in step with the essay as the reviewer edits it: the highlights move with the
 * text at once (they are the editor's own nodes), the claims in the list when typing pauses (each key
 * only queues its edit, claimCache.ts: moving thousands of claims on every key would cost more than
 * the key), and the essay with every claim's new position is saved shortly after typing pauses, when
 * a claim is marked, and before the window goes away. Each save sends the whole essay, so only the
 * newest edit needs to reach the service: a save that fails keeps it (and any correction it applied)
 * for the save tracker to send again.
 */
export function useDocumentSync(review: Review, editor: RefObject<EssayEditorHandle | null>) {
  const { doc, client, report, saves } = review
  const loaded = useRef(false)
  const edits = useRef(0)
  // The newest typed edit not handed to the save yet.
  const pending = useRef<Pick<PendingSave, 'blocks'> | null>(null)
  const unsent = useRef<PendingSave | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  const correcting = useRef<{ correction: Correction; start: number } | null>(null)
  // The essay as the review last saved it: a save sends only what changed since (EssaySplice).
  const saved = useRef<{ blocks: Block[]; savedAs: string } | null>(null)

  useEffect(() => {
    loaded.current = doc != null
    saved.current = doc ? { blocks: doc.blocks, savedAs: doc.savedAs } : null
    // The essay is built again from this document: edits queued before were edits of the one it replaces.
    dropQueuedMoves(client)
  }, [doc, client])

  const saveEssay = useCallback(async () => {
    const save = unsent.current
    if (!save) return
    unsent.current = null
    try {
      const blocks = save.blocks()
      const args = { blocks, ranges: save.ranges }
      const base = saved.current
      const answer = save.correctionId
        ? await call('correction-apply', { id: save.correctionId, ...args })
        : base
          ? await call('document-save', {
              splice: essaySplice(base.blocks, blocks),
              savedAs: base.savedAs,
              ranges: save.ranges,
            }).catch((err: unknown) => {
              // Saved from elsewhere since (or not as this page last saved it): the whole essay, then.
              if (err instanceof CallError && err.code === 'essay-saved-since') return call('document-save', args)
              throw err
            })
          : await call('document-save', args)
      saved.current = { blocks, savedAs: answer.savedAs }
      // Newer edits have moved the claims since: the list keeps its own positions.
      patchClaims(
        client,
        answer.claims,
        edits.current === save.edits && pending.current === null && unsent.current === null,
      )
    } catch (err) {
      // The service refused the correction itself (not the transport): say why, and keep the text.
      const refused = save.correctionId !== undefined && err instanceof CallError && err.refused
      if (refused) report(err)
      const correctionId = refused ? undefined : save.correctionId
      const newer = unsent.current as PendingSave | null
      unsent.current = newer
        ? { ...newer, correctionId: newer.correctionId ?? correctionId }
        : { ...save, correctionId }
      throw err
    }
  }, [client, report])

  const queue = useCallback(
    (save: PendingSave) => {
      unsent.current = { ...save, correctionId: save.correctionId ?? unsent.current?.correctionId }
      saving.current = saves.run('essay', saveEssay)
      return saving.current
    },
    [saves, saveEssay],
  )

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    const typed = pending.current
    pending.current = null
    // The claims move now, once for all the keys typed since the last pause.
    if (typed) void queue({ blocks: typed.blocks, ranges: rangesOf(currentClaims(client)), edits: edits.current })
    saves.waiting('essay-typing', false)
    await saving.current
  }, [queue, saves, client])

  const onEdit = useCallback(
    (edit: EssayEdit) => {
      edits.current += 1
      // The editor says where the text changed (diffing the whole essay on every key would cost its length).
      queueMove(client, loaded.current ? edit.region : null, edit.text)
      const corrected = edit.correction ? correcting.current : null
      if (corrected) {
        const { correction, start } = corrected
        const claims = applyQueuedMoves(client, {
          id: correction.claimId,
          start,
          end: start + codePointLength(correction.replacement),
        })
        correcting.current = null
        clearTimeout(timer.current)
        pending.current = null
        saves.waiting('essay-typing', false)
        void queue({ blocks: edit.blocks, ranges: rangesOf(claims), edits: edits.current, correctionId: correction.id })
        return
      }
      pending.current = { blocks: edit.blocks }
      // Not saved yet while typing pauses: the indicator says Saving… from the first key.
      saves.waiting('essay-typing', true)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS)
    },
    [client, queue, flush, saves],
  )

  /** Puts the correction's wording into the essay as one undoable edit; the review records it. */
  const applyCorrection = useCallback(
    async (claim: DeskClaim, correction: Correction) => {
      await flush()
      correcting.current = { correction, start: claim.start }
      if (!editor.current?.replaceRange(claim.start, claim.end, correction.replacement)) correcting.current = null
      await saving.current
    },
    [editor, flush],
  )

  useEffect(() => {
    const beforeUnload = () => void flush()
    window.addEventListener('beforeunload', beforeUnload)
    window.addEventListener('blur', beforeUnload)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      window.removeEventListener('blur', beforeUnload)
    }
  }, [flush])

  return useMemo(() => ({ onEdit, flush, applyCorrection }), [onEdit, flush, applyCorrection])
}

import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Correction } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { Block } from '../../../shared/essay'
import { codePointLength } from '../../../shared/text'
import {
  essaySplice,
  insideSplice,
  nearSplice,
  spliceRegion,
  widenSpan,
  type TextSpan,
} from '../../../shared/essaySplice'
import { call, CallError } from '../bridge'
import type { EssayEditorHandle } from '../editor/EssayEditor'
import type { EssayEdit } from '../editor/DocumentSyncPlugin'
import { applyQueuedMoves, currentClaims, dropQueuedMoves, patchClaims, queueMove } from './claimCache'
import type { Review } from './useReview'

const SAVE_DELAY_MS = 400

interface PendingSave {
  blocks: () => Block[]
  ranges: { id: string; start: number; end: number }[]
  /**
   * What its edits touched, in the text it saves, counted from the save before it (`from`: the edits
   * made when that one was sent for). Null: not known. See `spliced`.
   */
  touched: { span: TextSpan; from: number } | null
  /** Edits made when it was sent for: the service's claims replace the list only if none came since. */
  edits: number
  /** An applied correction the service has not recorded yet: the save records it (correction-apply). */
  correctionId?: string
}

const rangesOf = (claims: DeskClaim[]) =>
  claims.filter((c) => c.anchored).map(({ id, start, end }) => ({ id, start, end }))

/** The essay as the review last saved it, and the edits made when that save was sent for. */
interface SavedEssay {
  blocks: Block[]
  savedAs: string
  edits: number
}

/**
 * A save of only what changed since the last save (`base`). When the edits lie inside the blocks it
 * changed, every other claim moved by the change's length alone, as the service moves them: only the
 * ranges of the claims near it are sent (a pause above thousands of claims sent them all).
 */
function spliced(base: SavedEssay, blocks: Block[], save: PendingSave) {
  const splice = essaySplice(base.blocks, blocks)
  const region = spliceRegion(base.blocks, splice)
  // Its edits are all those since `base` only when the save before it is the one that landed.
  const near = save.touched !== null && save.touched.from === base.edits && insideSplice(save.touched.span, region)
  return {
    splice,
    savedAs: base.savedAs,
    ranges: near ? save.ranges.filter((r) => nearSplice(r, region)) : save.ranges,
  }
}

/**
 * Keeps the review file in step with the essay as the reviewer edits it: the highlights move with the
 * text at once (they are the editor's own nodes), the claims in the list when typing pauses (each key
 * only queues its edit, claimCache.ts: moving thousands of claims on every key would cost more than
 * the key), and the essay with every claim's new position is saved shortly after typing pauses, when
 * a claim is marked, and before the window goes away. Each save sends the essay as it now is (what
 * changed since the last save that landed), so only the newest edit needs to reach the service: a save
 * that fails keeps it (and any correction it applied) for the save tracker to send again.
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
  const saved = useRef<SavedEssay | null>(null)
  // What the edits not handed to a save yet touched: null before the first, 'unknown' once one was not
  // followed; and the edits made when the last save was sent for.
  const touched = useRef<TextSpan | null | 'unknown'>(null)
  const sentAt = useRef(0)
  const takeTouched = useCallback((): PendingSave['touched'] => {
    const span = touched.current
    const from = sentAt.current
    touched.current = null
    sentAt.current = edits.current
    return span === null || span === 'unknown' ? null : { span, from }
  }, [])

  useEffect(() => {
    loaded.current = doc != null
    saved.current = doc ? { blocks: doc.blocks, savedAs: doc.savedAs, edits: edits.current } : null
    // Edits typed into the essay this one replaces were not made in its text.
    touched.current = pending.current || unsent.current ? 'unknown' : null
    sentAt.current = edits.current
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
          ? await call('document-save', spliced(base, blocks, save)).catch((err: unknown) => {
              // Saved from elsewhere since (or not as this page last saved it): the whole essay, then.
              if (err instanceof CallError && err.code === 'essay-saved-since') return call('document-save', args)
              throw err
            })
          : await call('document-save', args)
      saved.current = { blocks, savedAs: answer.savedAs, edits: save.edits }
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
    if (typed)
      void queue({
        blocks: typed.blocks,
        ranges: rangesOf(currentClaims(client)),
        edits: edits.current,
        touched: takeTouched(),
      })
    saves.waiting('essay-typing', false)
    await saving.current
  }, [queue, saves, client, takeTouched])

  const onEdit = useCallback(
    (edit: EssayEdit) => {
      edits.current += 1
      // The editor says where the text changed (diffing the whole essay on every key would cost its length).
      queueMove(client, loaded.current ? edit.region : null, edit.text)
      if (!loaded.current) touched.current = 'unknown'
      else if (edit.region && touched.current !== 'unknown') touched.current = widenSpan(touched.current, edit.region)
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
        void queue({
          blocks: edit.blocks,
          ranges: rangesOf(claims),
          edits: edits.current,
          correctionId: correction.id,
          touched: takeTouched(),
        })
        return
      }
      pending.current = { blocks: edit.blocks }
      // Not saved yet while typing pauses: the indicator says Saving… from the first key.
      saves.waiting('essay-typing', true)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS)
    },
    [client, queue, flush, saves, takeTouched],
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

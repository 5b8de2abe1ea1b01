import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Claim, Correction } from '../../../shared/domain'
import type { Block } from '../../../shared/essay'
import { codePointLength } from '../../../shared/text'
import { editRegion, mapRange } from '../../../shared/textDiff'
import { call } from '../bridge'
import type { EssayEditorHandle } from '../editor/EssayEditor'
import type { EssayEdit } from '../editor/DocumentSyncPlugin'
import type { Review } from './useReview'

const SAVE_DELAY_MS = 400

interface PendingSave {
  blocks: () => Block[]
  ranges: { id: string; start: number; end: number }[]
  text: string
}

const rangesOf = (claims: Claim[]) => claims.filter((c) => c.anchored).map(({ id, start, end }) => ({ id, start, end }))

/**
 * Keeps the review file in step with the essay as the reviewer edits it: claims move with the text at
 * once (so highlights never jump), and the essay with every claim's new position is saved shortly after
 * typing pauses, when a claim is marked, and before the window goes away.
 */
export function useDocumentSync(review: Review, editor: RefObject<EssayEditorHandle | null>) {
  const { doc, moveClaims, replaceClaims, report } = review
  const lastText = useRef<string | null>(null)
  const pending = useRef<PendingSave | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saving = useRef<Promise<void>>(Promise.resolve())
  const correcting = useRef<{ correction: Correction; start: number } | null>(null)

  useEffect(() => {
    lastText.current = doc?.text ?? null
  }, [doc])

  const send = useCallback(
    (run: () => Promise<Claim[]>, text: string) => {
      saving.current = saving.current.then(async () => {
        try {
          const claims = await run()
          // Newer edits have moved the claims since; the next save brings their positions.
          if (lastText.current === text && pending.current === null) replaceClaims(claims)
        } catch (err) {
          report(err)
        }
      })
      return saving.current
    },
    [replaceClaims, report],
  )

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const save = pending.current
    pending.current = null
    if (save) void send(() => call('document-save', { blocks: save.blocks(), ranges: save.ranges }), save.text)
    return saving.current
  }, [send])

  const onEdit = useCallback(
    (edit: EssayEdit) => {
      const before = lastText.current
      lastText.current = edit.text
      const region = before === null ? null : editRegion(before, edit.text)
      const corrected = edit.correction ? correcting.current : null
      const claims = moveClaims((c) => {
        if (corrected && c.id === corrected.correction.claimId) {
          return { start: corrected.start, end: corrected.start + codePointLength(corrected.correction.replacement) }
        }
        return mapRange(c, region)
      }, edit.text)
      if (corrected) {
        correcting.current = null
        clearTimeout(timer.current)
        pending.current = null
        const ranges = rangesOf(claims)
        void send(() => call('correction-apply', { id: corrected.correction.id, blocks: edit.blocks(), ranges }), edit.text)
        return
      }
      pending.current = { blocks: edit.blocks, ranges: rangesOf(claims), text: edit.text }
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS)
    },
    [moveClaims, send, flush],
  )

  /** Puts the correction's wording into the essay as one undoable edit; the review records it. */
  const applyCorrection = useCallback(
    async (claim: Claim, correction: Correction) => {
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

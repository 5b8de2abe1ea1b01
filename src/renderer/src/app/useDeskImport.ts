import { useCallback, useRef, useState } from 'react'
import type { ImportSummary } from '../../../shared/exchange'
import type { Review } from '../state/useReview'
import { readyImport, useExchange } from '../state/useExchange'
import type { UndoStep } from '../state/useUndo'

/**
 * The desk's imports: the Import… button's file field, a drop on the desk and File > Import all start
 * them here; the files of one drop or choice are one step, which "Undo import" (the summary, the
 * notice, Ctrl/⌘+Z) takes back. Apart from App so the desk's composition stays readable.
 */
export function useDeskImport(review: Review, undo: (only?: UndoStep) => Promise<void>) {
  const { removed, setNotice } = review
  const [importStep, setImportStep] = useState<UndoStep | null>(null)
  const onImported = useCallback(
    (done: ImportSummary[]) => {
      const ids = done.flatMap((s) => (s.importId ? [s.importId] : []))
      if (ids.length === 0) return
      const step: UndoStep = { kind: 'import', ids }
      removed(step, 'importDone')
      setImportStep(step)
    },
    [removed],
  )
  const exchange = useExchange(review.report, review.reload, onImported)
  const importInput = useRef<HTMLInputElement>(null)
  // Import… is greyed out while an import runs; a drop or the File menu, which do not pass through that
  // button, say the same instead of starting a second import alongside the first.
  const importBusy = (): boolean => {
    if (exchange.progress === null) return false
    setNotice({ id: Date.now(), kind: 'info', text: 'unavailableImporting' })
    return true
  }
  return {
    exchange,
    importInput,
    /** File > Import: the file dialog of the Import… button. */
    chooseFiles: () => {
      if (importBusy()) return
      readyImport()
      importInput.current?.click()
    },
    /** Files dropped on the desk. */
    dropFiles: (files: File[]) => {
      if (!importBusy()) void exchange.importFiles(files)
    },
    /** The summary's Undo import, while the last import is still the one to take back. */
    undoImport: importStep
      ? () => {
          exchange.dismissSummaries()
          setImportStep(null)
          void undo(importStep)
        }
      : undefined,
  }
}

export type DeskImport = ReturnType<typeof useDeskImport>

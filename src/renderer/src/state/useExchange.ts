import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useReviewShown } from './opening'
import { useCallback, useState } from 'react'
import type { ConflictChoice, ConflictView, ExportFormat, ImportSummary } from '../../../shared/exchange'
import { call, CallError } from '../bridge'
import { errorInfo } from '../../../shared/errors'
import { change, queries } from './queryClient'

const noConflicts: ConflictView[] = []

/**
 * A file may come soon (the file dialog opens, files are dragged over the desk): the service loads the
 * import's worker meanwhile, which is most of a small import's time. Nothing to tell if it cannot.
 */
export function readyImport(): void {
  void call('import-prepare', {}).catch(() => undefined)
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    // readAsDataURL gives a string.
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new CallError(errorInfo('file-unreadable', { file: file.name })))
    reader.readAsDataURL(file)
  })
}

function download(fileName: string, mimeType: string, data: string, encoding: 'utf8' | 'base64'): void {
  const bytes =
    encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data)
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export interface ImportProgress {
  fileName: string
  index: number
  total: number
}

/** Import, export and conflict resolution, as the toolbar, dialogs and cards use them. */
export function useExchange(
  report: (err: unknown) => void,
  /** Reads the review again. */
  afterChange: () => Promise<void>,
  /** The files that were imported (before a refused one), once the review shows them. */
  onImported: (summaries: ImportSummary[]) => void = () => undefined,
) {
  const client = useQueryClient()
  const [summaries, setSummaries] = useState<ImportSummary[] | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  // Asked once the review is on the page (opening.ts): a conflict cannot be opened before that.
  const conflicts = useQuery({ ...queries.conflicts, enabled: useReviewShown() }).data ?? noConflicts

  const importFiles = useCallback(
    async (files: File[]) => {
      const done: ImportSummary[] = []
      try {
        for (const [index, file] of files.entries()) {
          setProgress({ fileName: file.name, index, total: files.length })
          const data = await readAsBase64(file)
          done.push(await call('review-import', { fileName: file.name, data }))
        }
      } catch (err) {
        report(err)
      } finally {
        setProgress(null)
        if (done.length) setSummaries(done)
        // The whole review, its conflicts among it, is read again before the summary offers Undo.
        await afterChange()
        if (done.length) onImported(done)
      }
    },
    [report, afterChange, onImported],
  )

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      const file = await change(client, (a) => call('review-export', a), { format })
      if (file) download(file.fileName, file.mimeType, file.data, file.encoding)
    },
    [client],
  )

  const resolve = useCallback(
    async (id: string, choice: ConflictChoice) => {
      await change(client, (a) => call('conflict-resolve', a), { id, choice })
      await afterChange()
    },
    [client, afterChange],
  )

  /** Threads resolved in Word that the reviewer confirmed: their claims become checked. */
  const acceptResolved = useCallback(
    async (ids: string[]) => {
      try {
        for (const id of ids) await call('claim-update', { id, patch: { status: 'checked' } })
      } catch (err) {
        report(err)
        throw err
      } finally {
        await afterChange()
      }
    },
    [report, afterChange],
  )

  return {
    summaries,
    dismissSummaries: () => setSummaries(null),
    progress,
    conflicts,
    importFiles,
    exportAs,
    resolve,
    acceptResolved,
  }
}

export type Exchange = ReturnType<typeof useExchange>

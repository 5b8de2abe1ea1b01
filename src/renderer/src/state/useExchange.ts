import { useCallback, useEffect, useState } from 'react'
import type { ConflictChoice, ConflictView, ExportFormat, ImportSummary } from '../../../shared/exchange'
import { call, CallError, on } from '../bridge'
import { errorInfo } from '../../../shared/errors'

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new CallError(errorInfo('file-unreadable', { file: file.name })))
    reader.readAsDataURL(file)
  })
}

function download(fileName: string, mimeType: string, data: string, encoding: 'utf8' | 'base64'): void {
  const bytes = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data)
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
  afterChange: () => Promise<void>,
  /** The files that were imported (before a refused one), once the review shows them. */
  onImported: (summaries: ImportSummary[]) => void = () => undefined,
) {
  const [summaries, setSummaries] = useState<ImportSummary[] | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [conflicts, setConflicts] = useState<ConflictView[]>([])

  const loadConflicts = useCallback(async () => {
    try {
      setConflicts(await call('conflicts-list', {}))
    } catch (err) {
      report(err)
    }
  }, [report])

  useEffect(() => {
    void loadConflicts()
    return on('review-changed', () => void loadConflicts())
  }, [loadConflicts])

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
        await afterChange()
        await loadConflicts()
        if (done.length) onImported(done)
      }
    },
    [report, afterChange, loadConflicts, onImported],
  )

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      try {
        const file = await call('review-export', { format })
        download(file.fileName, file.mimeType, file.data, file.encoding)
      } catch (err) {
        report(err)
      }
    },
    [report],
  )

  const resolve = useCallback(
    async (id: string, choice: ConflictChoice) => {
      try {
        await call('conflict-resolve', { id, choice })
      } catch (err) {
        report(err)
      }
      await afterChange()
      await loadConflicts()
    },
    [report, afterChange, loadConflicts],
  )

  return { summaries, dismissSummaries: () => setSummaries(null), progress, conflicts, importFiles, exportAs, resolve }
}

export type Exchange = ReturnType<typeof useExchange>

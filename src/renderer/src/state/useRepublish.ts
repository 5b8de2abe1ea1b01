import { useCallback, useRef, useState } from 'react'
import type { ExportedFile } from '../../../shared/exchange'
import type { RepublishFormat } from '../../../shared/republish'

/** The exports readers see: they hold only claims with a verdict unless the reviewer asks for the rest. */
export const readerFormats: readonly RepublishFormat[] = ['html', 'pdf', 'docx']
import { call } from '../bridge'

/** Saves an exported file through the browser's download (the app asks where, the harness downloads). */
export function saveFile(file: ExportedFile): void {
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))
      : new TextEncoder().encode(file.data)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** What an export is asked for besides its format (src/shared/republish.ts, republishOptionsSchema). */
export interface RepublishChoice {
  includeUnrated?: boolean
  /** Word only: a copy for reviewers whose comments come back by import (docs/word-round-trip.md). */
  forReview?: boolean
  /** Only claims an editor signed off. */
  signedOffOnly?: boolean
}

export type RepublishState =
  | { phase: 'idle' }
  | ({ phase: 'exporting'; format: RepublishFormat } & RepublishChoice)
  | ({ phase: 'ready'; format: RepublishFormat; file: ExportedFile } & RepublishChoice)
  | ({ phase: 'failed'; format: RepublishFormat; message: string } & RepublishChoice)

/**
 * One export for republication at a time: it is made (the dialog shows progress), shown (a preview or
 * a summary), and only saved when the reviewer says so. Nothing is written before that.
 */
export function useRepublish() {
  const [state, setState] = useState<RepublishState>({ phase: 'idle' })
  const run = useRef(0)

  /** Makes the export; ticking an option in the dialog makes it again with that choice. */
  const start = useCallback(async (format: RepublishFormat, choice: RepublishChoice = {}) => {
    const id = ++run.current
    const kind = { format, ...choice }
    setState({ phase: 'exporting', ...kind })
    const options = Object.fromEntries(Object.entries(choice).filter(([, on]) => on === true))
    try {
      const file = await call('review-export', { format, ...options })
      if (run.current === id) setState({ phase: 'ready', ...kind, file })
    } catch (err) {
      if (run.current === id)
        setState({ phase: 'failed', ...kind, message: err instanceof Error ? err.message : String(err) })
    }
  }, [])

  const close = useCallback(() => {
    run.current++
    setState({ phase: 'idle' })
  }, [])

  const save = useCallback(() => {
    if (state.phase === 'ready') saveFile(state.file)
    close()
  }, [state, close])

  return { state, start, save, close }
}

export type Republish = ReturnType<typeof useRepublish>

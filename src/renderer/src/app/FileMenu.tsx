import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { ExportFormat } from '../../../shared/exchange'
import { useI18n } from '../i18n'
import type { Exchange } from '../state/useExchange'
import { CommandButton } from './CommandButton'
import { ContextMenu } from './ContextMenu'
import { republishFormats } from '../../../shared/republish'
import { on } from '../bridge'
import type { MenuCommand } from '../../../shared/contract'
import { useRepublish } from '../state/useRepublish'
import { RepublishDialog } from './RepublishDialog'
import { RepublishSettings } from './RepublishSettings'
import { useRepublishText } from './republishText'
import { useWordText } from './wordText'

export const IMPORT_ACCEPT =
  '.factdesk,.json,.jsonld,.docx,application/json,application/ld+json,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Import and export in the page, so the harness has them too; the app's File menu opens the same. */
export function FileMenu({
  exchange,
  importInput,
  chooseFiles,
}: {
  exchange: Exchange
  importInput: React.RefObject<HTMLInputElement | null>
  /** Import…: the file dialog, as File > Import opens it (./useDeskImport.ts). */
  chooseFiles: () => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState<{ x: number; y: number } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const formats: [ExportFormat, string][] = [
    ['bundle', t.exportBundle],
    ['w3c', t.exportW3c],
    ['sqlite', t.exportSqlite],
  ]
  // Exports for republication: each is previewed (or summarised) in a dialog before it is saved.
  const republish = useRepublish()
  const rt = useRepublishText()
  const wt = useWordText()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const openMenu = (): void => {
    const r = button.current!.getBoundingClientRect()
    setOpen({ x: r.left, y: r.bottom + 4 })
  }
  // The app's File > Export for republication opens the same menu.
  const onMenuCommand = useEffectEvent((command: MenuCommand) => {
    if (command === 'export-republication') openMenu()
  })
  useEffect(() => on('menu-command', ({ command }) => onMenuCommand(command)), [])
  return (
    <>
      <CommandButton onClick={chooseFiles} unavailable={exchange.progress === null ? null : t.unavailableImporting}>
        {t.importReview}
      </CommandButton>
      <input
        ref={importInput}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        aria-label={t.importReview}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length) void exchange.importFiles(files)
        }}
      />
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        onClick={() => {
          const r = button.current!.getBoundingClientRect()
          setOpen({ x: r.left, y: r.bottom + 4 })
        }}
      >
        {t.exportReview}
      </button>
      {open && (
        <ContextMenu
          x={open.x}
          y={open.y}
          label={t.exportReview}
          onClose={() => setOpen(null)}
          items={[
            ...formats.map(([format, label]) => ({ label, run: () => void exchange.exportAs(format) })),
            ...republishFormats.map((format) => ({
              label: rt.formats[format],
              run: () => void republish.start(format),
            })),
            { label: wt.exportForReview, run: () => void republish.start('docx', { forReview: true }) },
            { label: rt.settings, run: () => setSettingsOpen(true) },
          ]}
        />
      )}
      <RepublishDialog republish={republish} onOpenSettings={() => setSettingsOpen(true)} />
      {settingsOpen && <RepublishSettings onClose={() => setSettingsOpen(false)} />}
    </>
  )
}

import type { HandlerRegistry, ServiceContext } from '../registry'
import { listConflicts, resolveConflict } from './conflicts'
import { exportReview, importFile } from './files'
import { listImports } from './importLog'
import { checkpointSoon } from '../db/checkpoint'
import { undoImport } from './importUndo'
import type { ImportPhase } from './importRunner'
import { isRepublishFormat } from '../../shared/republish'
import { exportRepublication } from '../republish'

export function registerExchangeHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = () => ctx.session.store
  const actor = (): string => ctx.prefs.get().reviewerName
  reg.register('review-export', ({ format, ...options }) =>
    isRepublishFormat(format)
      ? exportRepublication(store(), format, options, { renderPdf: ctx.renderPdf })
      : exportReview(store(), format, actor()),
  )
  let running: AbortController | null = null
  reg.register('review-import', async ({ fileName, data, acceptResolved }) => {
    const s = store()
    const bytes = Buffer.from(data, 'base64')
    const progress = (phase: ImportPhase): void => ctx.emit('import-progress', { fileName, phase })
    const controller = new AbortController()
    running = controller
    progress('reading')
    try {
      // A file-backed review imports on its own connection in a worker (when the host gives one), so
      // the window stays answerable and the import can be cancelled; in memory it runs here.
      const summary =
        ctx.runImport && s.path !== ':memory:'
          ? await ctx.runImport(
              {
                reviewPath: s.path,
                openedAs: s.identity ?? undefined,
                fileName,
                bytes,
                importer: actor(),
                acceptResolved,
              },
              progress,
              controller.signal,
            )
          : await importFile(s, fileName, bytes, actor(), progress, { acceptResolved }).finally(() =>
              checkpointSoon(s.db),
            )
      ctx.session.noteOwnChange()
      ctx.emit('import-progress', { fileName, phase: 'done' })
      ctx.emit('review-changed', { reason: 'imported' })
      return summary
    } catch (err) {
      ctx.emit('import-progress', { fileName, phase: controller.signal.aborted ? 'cancelled' : 'failed' })
      throw err
    } finally {
      if (running === controller) running = null
    }
  })
  // Writes nothing, so a window that only reads the review may ask it too: there no import will come.
  reg.register('import-prepare', () => {
    if (!store().readOnly) ctx.runImport?.prepare?.()
    return { ok: true as const }
  })
  reg.register('import-cancel', () => {
    const cancelled = running !== null && !running.signal.aborted
    running?.abort()
    return { cancelled }
  })
  reg.register('conflicts-list', () => listConflicts(store()))
  reg.register('conflict-resolve', ({ id, choice }) => {
    resolveConflict(store(), id, choice, actor())
    return { id }
  })
  reg.register('imports-list', () => listImports(store()))
  reg.register('import-undo', ({ id }) => {
    const undone = undoImport(store().db, id, actor())
    ctx.emit('review-changed', { reason: 'import-undone' })
    return { id: undone }
  })
}

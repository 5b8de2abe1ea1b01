import type { HandlerRegistry, ServiceContext } from '../service'
import { listConflicts, resolveConflict } from './conflicts'
import { exportReview, importFile } from './files'
import { listImports } from './importLog'
import { undoImport } from './importUndo'
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
  reg.register('review-import', async ({ fileName, data }) => {
    ctx.emit('import-progress', { fileName, phase: 'reading' })
    try {
      const summary = await importFile(store(), fileName, Buffer.from(data, 'base64'), actor())
      ctx.emit('import-progress', { fileName, phase: 'done' })
      ctx.emit('review-changed', { reason: 'imported' })
      return summary
    } catch (err) {
      ctx.emit('import-progress', { fileName, phase: 'failed' })
      throw err
    }
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

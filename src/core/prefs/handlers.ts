import type { HandlerRegistry, ServiceContext } from '../registry'

export function registerPrefsHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  reg.register('prefs-get', () => ctx.prefs.get())
  reg.register('edits-saved', () => {
    ctx.onEditsSaved?.()
    return { ok: true as const }
  })
  reg.register('prefs-set', (patch) => {
    const prefs = ctx.prefs.set(patch)
    ctx.emit('prefs-changed', prefs)
    return prefs
  })
}

import type { HandlerRegistry, ServiceContext } from '../registry'
import { loginName } from './prefs'

export function registerPrefsHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  reg.register('prefs-get', () => ctx.prefs.get())
  reg.register('login-name', () => ({ name: loginName() }))
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

import type { HandlerRegistry, ServiceContext } from '../registry'
import { readSettings, writeSettings } from './settings'

export function registerRepublishHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const store = () => ctx.session.store
  reg.register('settings-get', () => readSettings(store()))
  reg.register('settings-set', (patch) => writeSettings(store(), patch))
}

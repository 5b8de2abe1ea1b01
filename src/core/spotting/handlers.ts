import { handlerContext, type HandlerRegistry, type ServiceContext } from '../registry'
import { dismissSuggestion, listSuggestions } from './spotting'

export function registerSpottingHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const { store, actor } = handlerContext(ctx)
  reg.register('suggestions-list', () => listSuggestions(store()))
  reg.register('suggestion-dismiss', ({ key }) => {
    dismissSuggestion(store(), key, actor())
    return { key }
  })
}

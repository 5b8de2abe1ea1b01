import { BUILTIN_SCALES } from '../../shared/scales'
import { handlerContext, type HandlerRegistry, type ServiceContext } from '../registry'
import { activeScale, setScale } from './scales'

export function registerScaleHandlers(reg: HandlerRegistry, ctx: ServiceContext): void {
  const { store, actor } = handlerContext(ctx)
  reg.register('scale-get', () => activeScale(store()))
  reg.register('scales-builtin', () => [...BUILTIN_SCALES])
  reg.register('scale-set', ({ scale }) => {
    const summary = setScale(store(), scale, actor())
    ctx.emit('review-changed', { reason: 'scale-changed' })
    return summary
  })
}

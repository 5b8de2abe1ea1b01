import { z } from 'zod'
import { blockSchema, type Block } from './essay'

/**
 * An essay save of only what changed: the saved blocks from `at`, `remove` of them, replaced by
 * `blocks`. A pause in typing changes a block or two of thousands; sending the whole essay each time
 * cost the page its serialisation (a book-length essay is over a megabyte) and the service its parse.
 */
export const essaySpliceSchema = z
  .object({
    at: z.number().int().min(0),
    remove: z.number().int().min(0),
    blocks: z.array(blockSchema).max(100_000),
  })
  .strict()
export type EssaySplice = z.infer<typeof essaySpliceSchema>

const sameBlock = (a: Block, b: Block): boolean =>
  a.kind === b.kind &&
  a.inlines.length === b.inlines.length &&
  a.inlines.every((r, i) => r.text === b.inlines[i].text && !r.bold === !b.inlines[i].bold)

/** The smallest splice that makes `after` of `before`: what lies between their equal starts and ends. */
export function essaySplice(before: readonly Block[], after: readonly Block[]): EssaySplice {
  let start = 0
  while (start < before.length && start < after.length && sameBlock(before[start], after[start])) start++
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    sameBlock(before[before.length - 1 - end], after[after.length - 1 - end])
  )
    end++
  return { at: start, remove: before.length - start - end, blocks: after.slice(start, after.length - end) }
}

/** `blocks` with `splice` applied, or null when it does not fit them (they are not the blocks it was made for). */
export function applyEssaySplice(blocks: readonly Block[], splice: EssaySplice): Block[] | null {
  if (splice.at + splice.remove > blocks.length) return null
  const out = [...blocks.slice(0, splice.at), ...splice.blocks, ...blocks.slice(splice.at + splice.remove)]
  return out.length > 0 ? out : null
}

import { z } from 'zod'
import { joinBlocks } from './text'

/**
 * An essay as the desk shows it: a flat list of blocks with inline runs. Lists are runs of
 * `item` blocks; a `subitem` belongs to the item before it (the "→" explanation of a function).
 * Plain data, no markup: a block can only be one of these kinds, so nothing else can be rendered.
 */
export const blockKinds = [
  'title',
  'subtitle',
  'affiliation',
  'author',
  'heading',
  'paragraph',
  'item',
  'subitem',
] as const
export type BlockKind = (typeof blockKinds)[number]

export const inlineSchema = z.object({
  text: z.string().max(100_000),
  bold: z.boolean().optional(),
})
export type Inline = z.infer<typeof inlineSchema>

export const blockSchema = z.object({
  kind: z.enum(blockKinds),
  inlines: z.array(inlineSchema).max(10_000),
})
export type Block = z.infer<typeof blockSchema>

export function blockText(block: Block): string {
  return block.inlines.map((r) => r.text).join('')
}

export function essayText(blocks: readonly Block[]): string {
  return joinBlocks(blocks.map(blockText))
}

export function essayTitle(blocks: readonly Block[]): string {
  const title = blocks.find((b) => b.kind === 'title')
  return title ? blockText(title) : ''
}

export function essayByline(blocks: readonly Block[]): string {
  return blocks
    .filter((b) => b.kind === 'affiliation' || b.kind === 'author')
    .map(blockText)
    .join(' · ')
}

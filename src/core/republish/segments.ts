import type { Block, BlockKind } from '../../shared/essay'
import { blockText, essayText } from '../../shared/essay'
import { FactdeskError } from '../../shared/errors'
import { codePointLength, cpSlice } from '../../shared/text'

/** A claim's place in the essay's plain text (code points, as the review stores it). */
export interface Span {
  id: string
  start: number
  end: number
}

/** A stretch of one block with one style, covered by the same claims (the ids of `spans`, in order). */
export interface Segment {
  text: string
  bold: boolean
  /** Claims covering this stretch. */
  claims: string[]
  /** Claims whose first / last covered segment this is (over the whole essay). */
  opens: string[]
  closes: string[]
}

export interface BlockView {
  kind: BlockKind
  block: Block
  /** Offsets of the block's text in the essay's plain text. */
  start: number
  end: number
  segments: Segment[]
}

/**
 * Cuts the essay into blocks of segments at every style change and every claim boundary, the way the
 * editor draws its flat marks: overlapping claims need no nesting, a segment simply lists every claim
 * covering it. A claim over several blocks is cut at each block end; it opens in its first block and
 * closes in its last (a claim that ends with a line break closes at the end of the block before it).
 */
export function blockViews(blocks: readonly Block[], text: string, spans: readonly Span[]): BlockView[] {
  if (essayText(blocks) !== text) {
    throw new FactdeskError('essay-blocks-disagree')
  }
  const views: BlockView[] = []
  let offset = 0
  for (const block of blocks) {
    const length = codePointLength(blockText(block).normalize('NFC'))
    views.push({ kind: block.kind, block, start: offset, end: offset + length, segments: [] })
    offset += length + 1
  }
  for (const view of views) {
    const inBlock = spans.filter((s) => s.start < view.end && s.end > view.start)
    const runs: { start: number; end: number; text: string; bold: boolean }[] = []
    let at = view.start
    for (const inline of view.block.inlines) {
      const t = inline.text.normalize('NFC')
      const n = codePointLength(t)
      if (n === 0) continue
      runs.push({ start: at, end: at + n, text: t, bold: inline.bold === true })
      at += n
    }
    if (at !== view.end) {
      // Normalising runs one by one changed the length: keep the block as one plain run.
      runs.splice(0, runs.length, {
        start: view.start,
        end: view.end,
        text: cpSlice(text, view.start, view.end),
        bold: false,
      })
    }
    const cuts = new Set<number>()
    for (const s of inBlock) cuts.add(s.start).add(s.end)
    for (const run of runs) {
      const inner = [...cuts].filter((p) => p > run.start && p < run.end).sort((a, b) => a - b)
      const bounds = [run.start, ...inner, run.end]
      for (let i = 0; i + 1 < bounds.length; i++) {
        const a = bounds[i]
        const b = bounds[i + 1]
        const claims = inBlock.filter((s) => s.start <= a && b <= s.end).map((s) => s.id)
        view.segments.push({
          text: cpSlice(run.text, a - run.start, b - run.start),
          bold: run.bold,
          claims,
          opens: [],
          closes: [],
        })
      }
    }
  }
  // A claim opens at the first segment it covers and closes at the last, wherever line breaks fall.
  const all = views.flatMap((v) => v.segments)
  const seen = new Set<string>()
  for (const seg of all) {
    for (const id of seg.claims.filter((c) => !seen.has(c))) {
      seen.add(id)
      seg.opens.push(id)
    }
  }
  seen.clear()
  for (let i = all.length - 1; i >= 0; i--) {
    for (const id of all[i].claims.filter((c) => !seen.has(c))) {
      seen.add(id)
      all[i].closes.push(id)
    }
  }
  const order = new Map(spans.map((s, i) => [s.id, i]))
  for (const seg of all) seg.closes.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  return views
}

/** Groups list items with their sub-items: [item, subitems[]] runs, for formats with real lists. */
export interface ListGroup {
  item: BlockView
  subitems: BlockView[]
}

export type Section = { kind: 'block'; view: BlockView } | { kind: 'list'; items: ListGroup[] }

export function sections(views: BlockView[]): Section[] {
  const out: Section[] = []
  for (const view of views) {
    const last = out[out.length - 1]
    if (view.kind === 'item') {
      const group = { item: view, subitems: [] }
      if (last?.kind === 'list') last.items.push(group)
      else out.push({ kind: 'list', items: [group] })
    } else if (view.kind === 'subitem' && last?.kind === 'list') {
      last.items[last.items.length - 1].subitems.push(view)
    } else {
      out.push({ kind: 'block', view })
    }
  }
  return out
}

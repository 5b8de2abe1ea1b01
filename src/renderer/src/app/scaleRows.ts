import type { VerdictScale } from '../../../shared/scales'

/** A level as the own-scale editor holds it: its place is its row; a level off the scale has no position. */
export interface Row {
  /** React's key for the row: stays with the level while its id is edited or it moves. */
  key: number
  id: string
  ko: string
  en: string
  color: string
  off: boolean
}

/** The id of the review's own scale (the built-in scales have theirs). */
export const OWN = 'custom'
let rowKeys = 0

/** The rows of `scale`: the levels on it in their order, then those off it. */
export function rowsOf(scale: VerdictScale): Row[] {
  const on = scale.levels.filter((l) => l.position !== null).sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  const off = scale.levels.filter((l) => l.position === null)
  return [...on, ...off].map((l) => ({
    key: ++rowKeys,
    id: l.id,
    ko: l.ko,
    en: l.en,
    color: l.color,
    off: l.position === null,
  }))
}

/** The scale the rows describe: positions counted over the rows on the scale. */
export function scaleOf(name: VerdictScale['name'], rows: Row[]): VerdictScale {
  let position = 0
  return {
    id: OWN,
    name,
    levels: rows.map((r) => ({
      id: r.id.trim(),
      ko: r.ko,
      en: r.en,
      color: r.color,
      position: r.off ? null : ++position,
    })),
  }
}

/** A new, unlabelled level after `list`, with an id no row has. */
export function newRow(list: Row[]): Row {
  let n = list.length + 1
  while (list.some((r) => r.id === `level-${n}`)) n++
  return { key: ++rowKeys, id: `level-${n}`, ko: '', en: '', color: '#888888', off: false }
}

/**
 * The usual comparison of an essay with its edited copy (./textMap.ts): the copy follows the essay,
 * with local edits. Equal stretches are found by comparing long runs of the two strings natively
 * (`startsWith` of a slice, which copies nothing), doubling then halving the run; after a difference,
 * the texts are aligned again at the nearest pair of line starts from which they agree for
 * RESYNC_CHARS, and the stretch between is narrowed as a changed paragraph is. No line is hashed, and
 * the unchanged text is never read a character at a time. Null where the texts do not agree again
 * within RESYNC_LINES lines on each side (a paragraph moved, a long rewrite): then the caller compares
 * them line by line (patience diff).
 */
import { Segments, type Segment } from './segments'

/** Lines looked at on each side, after a difference, for the place the texts agree again. */
const RESYNC_LINES = 32
/** How far the texts must agree from a pair of line starts to be aligned there again. */
const RESYNC_CHARS = 64
/** A line this long that is alike on both sides is enough to align them again. */
const MIN_LINE = 16
/** Past this many separate differences, comparing every line is the cheaper way. */
const MAX_DIFFERENCES = 2048

/** Length of the run `a` from `i` and `b` from `j` share. */
function common(a: string, i: number, b: string, j: number): number {
  const max = Math.min(a.length - i, b.length - j)
  let lo = 0
  let step = 256
  while (lo < max) {
    const n = Math.min(step, max - lo)
    if (!a.startsWith(b.slice(j + lo, j + lo + n), i + lo)) {
      // The run ends before lo + n.
      let hi = lo + n
      while (hi - lo > 32) {
        const mid = (lo + hi) >> 1
        if (a.startsWith(b.slice(j + lo, j + mid), i + lo)) lo = mid
        else hi = mid
      }
      while (a.charCodeAt(i + lo) === b.charCodeAt(j + lo)) lo++
      return lo
    }
    lo += n
    step *= 2
  }
  return max
}

/** `at`, then the starts of the lines after it (and the text's end), as far as asked for. */
class Starts {
  readonly list: number[]
  constructor(
    private readonly text: string,
    at: number,
  ) {
    this.list = [at]
  }

  /** The p-th start, or -1 if the text ends before it. */
  get(p: number): number {
    const { list, text } = this
    while (list.length <= p) {
      const last = list[list.length - 1]
      if (last >= text.length) return -1
      const nl = text.indexOf('\n', last)
      list.push(nl < 0 ? text.length : nl + 1)
    }
    return list[p]
  }
}

/** The texts agree from x in `a` and y in `b`: for RESYNC_CHARS, or to both their ends. */
function agree(a: string, x: number, b: string, y: number): boolean {
  const restA = a.length - x
  const restB = b.length - y
  if (restA < RESYNC_CHARS || restB < RESYNC_CHARS) return restA === restB && a.endsWith(b.slice(y))
  if (a.startsWith(b.slice(y, y + RESYNC_CHARS), x)) return true
  // A whole line alike, if it is not a short one (a blank line, a repeated heading).
  const end = b.indexOf('\n', y)
  return end >= 0 && end + 1 - y >= MIN_LINE && a.charCodeAt(x + end - y) === 10 && a.startsWith(b.slice(y, end), x)
}

/** The nearest pair of places after a difference at (i, j) from which the texts agree, or null. */
function resync(a: string, i: number, b: string, j: number): [number, number] | null {
  if (i === a.length || j === b.length) return [a.length, b.length]
  const xs = new Starts(a, i)
  const ys = new Starts(b, j)
  for (let s = 1; s <= 2 * RESYNC_LINES; s++) {
    // Of the pairs s lines on from (i, j) in all, the one closest to as many lines on each side.
    let found: [number, number] | null = null
    let skew = Infinity
    for (let p = Math.max(0, s - RESYNC_LINES); p <= Math.min(s, RESYNC_LINES); p++) {
      const x = xs.get(p)
      const y = ys.get(s - p)
      if (x < 0 || y < 0 || Math.abs(2 * p - s) >= skew) continue
      if (agree(a, x, b, y)) {
        found = [x, y]
        skew = Math.abs(2 * p - s)
      }
    }
    if (found) return found
  }
  return null
}

/** The segments of `oldText` and `newText` where the second follows the first, or null. */
export function alignInOrder(oldText: string, newText: string): Segment[] | null {
  const out = new Segments(oldText, newText)
  let i = 0
  let j = 0
  for (let differences = 0; ; differences++) {
    const run = common(oldText, i, newText, j)
    out.push(i, i + run, j, j + run, true)
    i += run
    j += run
    if (i === oldText.length && j === newText.length) return out.list
    if (differences >= MAX_DIFFERENCES) return null
    const next = resync(oldText, i, newText, j)
    if (!next) return null
    out.changed(i, next[0], j, next[1])
    i = next[0]
    j = next[1]
  }
}

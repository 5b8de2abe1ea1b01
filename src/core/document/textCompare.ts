/** Small comparisons of claim text that re-anchoring makes many times (./anchoring.ts). */

/**
 * Characters NFC leaves alone and that never combine with a neighbour: Latin up to the combining
 * marks, dashes and quotes, CJK punctuation before its tone marks, and Hangul syllables (never jamo).
 */
const NFC_STABLE = /^[\t\n\r\u0020-\u02FF\u2010-\u2027\u3000-\u3029\uAC00-\uD7A3]*$/

/** `s` in NFC, without the normalizer's copy for the text of a Korean or English essay. */
export const nfc = (s: string): string => (NFC_STABLE.test(s) ? s : s.normalize('NFC'))

/** One column of costs, kept between calls and grown as needed: the comparisons allocate nothing. */
let column = new Int32Array(256)

function costs(length: number): Int32Array {
  if (column.length <= length) column = new Int32Array(2 * (length + 1))
  return column
}

/**
 * Edit distance of `a` and `b` (UTF-16 units), or -1 if it is more than `max`: one column, stopped
 * as soon as a column's least cost passes `max`.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > 2000 || b.length > 2000) return -1
  // A common start and end cost nothing: only the characters between them are compared, in place.
  let p = 0
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++
  const n = a.length - p - s
  const m = b.length - p - s
  const col = costs(m)
  for (let j = 0; j <= m; j++) col[j] = j
  for (let i = 1; i <= n; i++) {
    const ch = a.charCodeAt(p + i - 1)
    let diag = i - 1
    let left = i
    let least = i
    col[0] = i
    for (let j = 1; j <= m; j++) {
      const up = col[j]
      let cost = ch === b.charCodeAt(p + j - 1) ? diag : diag + 1
      if (up + 1 < cost) cost = up + 1
      if (left + 1 < cost) cost = left + 1
      col[j] = cost
      diag = up
      left = cost
      if (cost < least) least = cost
    }
    if (least > max) return -1
  }
  return col[m] <= max ? col[m] : -1
}

export interface Match {
  start: number
  end: number
  errors: number
}

/**
 * The approximate occurrences of `pattern` in [from, to) of `text` with the fewest errors, if that is
 * at most `maxErrors`: what approx-string-match's `search` reports (the same ends, the same starts,
 * in the same order), computed cell by cell for a short stretch instead of a word at a time, so the
 * few searches beside a claim's expected place cost no more than they compare. Starts are found as
 * that library finds them: the farthest start back, within the pattern's length and the errors, from
 * which the reversed pattern matches with as few errors.
 */
export function closestMatches(text: string, from: number, to: number, pattern: string, maxErrors: number): Match[] {
  const m = pattern.length
  if (m === 0) return []
  const col = costs(m)
  for (let i = 0; i <= m; i++) col[i] = i
  let fewest = Math.min(maxErrors, m)
  const ends: number[] = []
  for (let j = from; j < to; j++) {
    const ch = text.charCodeAt(j)
    let diag = 0
    let left = 0
    for (let i = 1; i <= m; i++) {
      const up = col[i]
      let cost = ch === pattern.charCodeAt(i - 1) ? diag : diag + 1
      if (up + 1 < cost) cost = up + 1
      if (left + 1 < cost) cost = left + 1
      col[i] = cost
      diag = up
      left = cost
    }
    if (left <= fewest) {
      if (left < fewest) ends.length = 0
      ends.push(j + 1)
      fewest = left
    }
  }
  const out: Match[] = []
  for (const end of ends) {
    const reach = end - Math.max(from, end - m - fewest)
    for (let i = 0; i <= m; i++) col[i] = i
    let least = fewest
    let back = 0
    for (let r = 1; r <= reach; r++) {
      const ch = text.charCodeAt(end - r)
      let diag = 0
      let left = 0
      for (let i = 1; i <= m; i++) {
        const up = col[i]
        let cost = ch === pattern.charCodeAt(m - i) ? diag : diag + 1
        if (up + 1 < cost) cost = up + 1
        if (left + 1 < cost) cost = left + 1
        col[i] = cost
        diag = up
        left = cost
      }
      if (left <= least) {
        least = left
        back = r
      }
    }
    out.push({ start: end - back, end, errors: fewest })
  }
  return out
}

/** Small comparisons of claim text that re-anchoring makes many times (./anchoring.ts). */

/**
 * Characters NFC leaves alone and that never combine with a neighbour: Latin up to the combining
 * marks, dashes and quotes, CJK punctuation before its tone marks, and Hangul syllables (never jamo).
 */
const NFC_STABLE = /^[\t\n\r\u0020-\u02FF\u2010-\u2027\u3000-\u3029\uAC00-\uD7A3]*$/

/** `s` in NFC, without the normalizer's copy for the text of a Korean or English essay. */
export const nfc = (s: string): string => (NFC_STABLE.test(s) ? s : s.normalize('NFC'))

/**
 * Edit distance of `a` and `b` (UTF-16 units), or -1 if it is more than `max`: two rows, stopped as
 * soon as a row's least cost passes `max`.
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
  let prev = new Int32Array(m + 1)
  let row = new Int32Array(m + 1)
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= n; i++) {
    row[0] = i
    let least = i
    const ch = a.charCodeAt(p + i - 1)
    for (let j = 1; j <= m; j++) {
      const cost = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ch === b.charCodeAt(p + j - 1) ? 0 : 1))
      row[j] = cost
      if (cost < least) least = cost
    }
    if (least > max) return -1
    ;[prev, row] = [row, prev]
  }
  return prev[m] <= max ? prev[m] : -1
}

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
  let prev = new Int32Array(b.length + 1)
  let row = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let least = i
    const ch = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1))
      row[j] = cost
      if (cost < least) least = cost
    }
    if (least > max) return -1
    ;[prev, row] = [row, prev]
  }
  return prev[b.length] <= max ? prev[b.length] : -1
}

/**
 * Which of the places a claim's quote was found at is the claim's, and whether a near match is near
 * enough: the weighing the peer annotation tools use (the quote most, then each side's recorded
 * context, then closeness to where the claim was expected). Apart from anchoring.ts, which finds the
 * places (the index, the comparison of two texts, the approximate searches).
 */

/** The least similarity (1 - errors / quote length) at which a fuzzy match is accepted. */
export const MIN_FUZZY_SCORE = 0.8
/** The weakest fuzzy match accepted where the comparison of the two texts puts the claim (the peer's rule). */
export const MIN_MAPPED_SCORE = 0.5

/** What a file or the review says of a claim's place: its words, their context, its offsets (code points). */
export interface Selectors {
  exact: string
  prefix?: string
  suffix?: string
  start?: number
  end?: number
}

/** The place a claim is expected at in the text being anchored on (UTF-16), and how sure that is. */
export interface Expected {
  start: number
  end: number
  /** The stretch the claim may be in: where the text changed around it, all of that change. */
  from: number
  to: number
  /** Mapped through a comparison of the two texts (not just the file's own offsets). */
  mapped: boolean
}

/** A place the quote was found at (UTF-16), with the characters it differs by. */
export interface Candidate {
  start: number
  end: number
  errors: number
}

/** Agreement of the text around [start, end) with the recorded context, 0–1 on each side. */
function context(text: string, start: number, end: number, sel: Selectors): { prefix: number; suffix: number } {
  const prefix = sel.prefix ?? ''
  const suffix = sel.suffix ?? ''
  let p = 0
  while (p < prefix.length && p < start && prefix.charCodeAt(prefix.length - 1 - p) === text.charCodeAt(start - 1 - p))
    p++
  let s = 0
  while (s < suffix.length && end + s < text.length && suffix.charCodeAt(s) === text.charCodeAt(end + s)) s++
  return { prefix: prefix.length ? p / prefix.length : 1, suffix: suffix.length ? s / suffix.length : 1 }
}

/** The peer tools' weighing: the quote most, then each side's context, then closeness to the expected place. */
function score(text: string, c: Candidate, quoteLength: number, sel: Selectors, hint: number): number {
  const ctx = context(text, c.start, c.end, sel)
  const quote = 1 - c.errors / Math.max(quoteLength, c.end - c.start)
  return 50 * quote + 20 * ctx.prefix + 20 * ctx.suffix + 2 * (1 - Math.abs(c.start - hint) / Math.max(1, text.length))
}

/** The best of `cands` (at least one), and its weight. */
export function best(
  text: string,
  cands: Candidate[],
  quoteLength: number,
  sel: Selectors,
  hint: number,
): { c: Candidate; score: number } {
  let top = cands[0]
  let weight = -Infinity
  for (const c of cands) {
    const s = score(text, c, quoteLength, sel, hint)
    if (s > weight) {
      weight = s
      top = c
    }
  }
  return { c: top, score: weight }
}

/** The recorded context agrees on at least one side (by default half of it or more). */
export function agrees(text: string, c: Candidate, sel: Selectors, least = 0.5): boolean {
  const ctx = context(text, c.start, c.end, sel)
  return ctx.prefix >= least || ctx.suffix >= least
}

/**
 * Similar enough: at least MIN_FUZZY_SCORE anywhere; where the comparison of the two texts puts the
 * claim (a short change around it), as little as the peer tools accept if one side's context agrees.
 */
export function acceptable(
  text: string,
  c: Candidate,
  quoteLength: number,
  sel: Selectors,
  mapped: Expected | null,
): boolean {
  const similarity = 1 - c.errors / Math.max(quoteLength, c.end - c.start)
  if (similarity >= MIN_FUZZY_SCORE) return true
  if (!mapped || similarity < MIN_MAPPED_SCORE) return false
  if (c.end <= mapped.from || c.start >= mapped.to + 1) return false
  return agrees(text, c, sel, 0.25)
}

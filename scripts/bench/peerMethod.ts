/**
 * The reference the benchmark measures re-anchoring against: the method of the Hypothesis client,
 * written here from its description (not its code) and used for nothing else. The quote at the
 * stored position if it is still there; else every exact occurrence found by scanning the text, or
 * failing those every approximate one (approx-string-match, up to half the quote's length in errors),
 * each scored by the quote (weight 50), the prefix and suffix (20 each, themselves approximate) and
 * closeness to the stored position (2); the best is taken, however low.
 */
import search from 'approx-string-match'

export interface PeerSelectors {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

function occurrences(text: string, quote: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = []
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1))
    exact.push({ start: i, end: i + quote.length, errors: 0 })
  return exact.length > 0 ? exact : search(text, quote, maxErrors)
}

/** 0–1: how closely `found` (text around a match) holds `wanted` (the recorded context). */
function similarity(found: string, wanted: string): number {
  if (found.length === 0 || wanted.length === 0) return 0
  const m = occurrences(found, wanted, wanted.length)
  if (m.length === 0) return 0
  return 1 - Math.min(...m.map((x) => x.errors)) / wanted.length
}

/** UTF-16 offsets of the text (the workload is BMP-only, so offsets are also code points). */
export function peerAnchor(text: string, sel: PeerSelectors): { start: number; end: number } | null {
  const quote = sel.exact
  if (text.slice(sel.start, sel.end) === quote) return { start: sel.start, end: sel.end }
  const matches = occurrences(text, quote, Math.min(256, Math.floor(quote.length / 2)))
  if (matches.length === 0) return null
  let best = matches[0]
  let top = -Infinity
  for (const m of matches) {
    const prefix = sel.prefix
      ? similarity(text.slice(Math.max(0, m.start - sel.prefix.length), m.start), sel.prefix)
      : 1
    const suffix = sel.suffix ? similarity(text.slice(m.end, m.end + sel.suffix.length), sel.suffix) : 1
    const position = 1 - Math.abs(m.start - sel.start) / text.length
    const score = (50 * (1 - m.errors / quote.length) + 20 * prefix + 20 * suffix + 2 * position) / 92
    if (score > top) {
      top = score
      best = m
    }
  }
  return { start: best.start, end: best.end }
}

import { importNote, type ImportNote } from '../../shared/exchange'
import search from 'approx-string-match'
import { codePointIndex, codePointLength, cpSlice, describeRange, utf16Index, type Anchor } from '../../shared/text'

/** Quotes shorter than this (in code points) are only ever matched exactly: a fuzzy match of a few
 * characters finds look-alikes anywhere in the text. */
export const MIN_FUZZY_QUOTE = 8
/** The least similarity (1 - errors / quote length) at which a fuzzy match is accepted. */
export const MIN_FUZZY_SCORE = 0.8

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/**
 * The approximate search costs about the text's length times the quote's length in 32-character
 * words; an import may spend this much of it in all (a few seconds), so a file of thousands of
 * slightly changed quotes, or a book-length essay, cannot freeze the app. Quotes past the budget are
 * left not found (listed, attachable by hand) and the import says how many. A count of work, not a
 * clock: the same file gives the same result on any machine.
 */
export const FUZZY_WORK_BUDGET = 30_000_000

export interface FuzzyBudget {
  left: number
  /** Quotes that needed the approximate search after the budget was spent. */
  skipped: number
}

export const fuzzyBudget = (): FuzzyBudget => ({ left: FUZZY_WORK_BUDGET, skipped: 0 })

export function fuzzyBudgetNote(skipped: number): ImportNote {
  return importNote('similar-search-skipped', { count: skipped })
}

export interface AnchorResult {
  anchor: Anchor
  method: AnchorMethod
}

export interface Selectors {
  exact: string
  prefix?: string
  suffix?: string
  start?: number
  end?: number
}

/** How many characters of `a`'s end and `b`'s start agree with the context the selector recorded. */
function contextScore(text: string, at: number, end: number, sel: Selectors): number {
  let score = 0
  const before = text.slice(0, at)
  const prefix = sel.prefix ?? ''
  for (let i = 1; i <= Math.min(prefix.length, before.length) && prefix[prefix.length - i] === before[before.length - i]; i++) score++
  const after = text.slice(end)
  const suffix = sel.suffix ?? ''
  for (let i = 0; i < Math.min(suffix.length, after.length) && suffix[i] === after[i]; i++) score++
  return score
}

function pickBest<T extends { start: number; end: number }>(
  text: string,
  candidates: T[],
  sel: Selectors,
  extra: (c: T) => number = () => 0,
): T {
  const hint = sel.start !== undefined ? utf16Index(text, sel.start) : 0
  return candidates
    .map((c) => ({ c, score: contextScore(text, c.start, c.end, sel) + extra(c), distance: Math.abs(c.start - hint) }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance)[0].c
}

function result(text: string, start16: number, end16: number, method: AnchorMethod): AnchorResult {
  const start = codePointIndex(text, start16)
  return { anchor: describeRange(text, start, start + codePointLength(text.slice(start16, end16))), method }
}

/**
 * Finds a claim's text again in `text`: its position if that still holds the quote, else the quote
 * itself (context and closeness to the old position break ties), else a close enough fuzzy match.
 * Null means the claim is unanchored: it is listed, never attached to other text.
 */
export function reanchor(text: string, sel: Selectors, budget?: FuzzyBudget): AnchorResult | null {
  const exact = sel.exact.normalize('NFC')
  if (!exact) return null
  if (sel.start !== undefined && sel.end !== undefined && cpSlice(text, sel.start, sel.end) === exact) {
    return { anchor: describeRange(text, sel.start, sel.end), method: 'position' }
  }
  const hits: { start: number; end: number }[] = []
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) hits.push({ start: i, end: i + exact.length })
  if (hits.length > 0) {
    const best = pickBest(text, hits, sel)
    return result(text, best.start, best.end, 'quote')
  }
  const length = codePointLength(exact)
  if (length < MIN_FUZZY_QUOTE) return null
  if (budget) {
    const cost = text.length * Math.ceil(exact.length / 32)
    if (cost > budget.left) {
      budget.skipped++
      return null
    }
    budget.left -= cost
  }
  const maxErrors = Math.floor(length * (1 - MIN_FUZZY_SCORE))
  const matches = search(text, exact, maxErrors)
  if (matches.length === 0) return null
  const best = pickBest(text, matches, sel, (m) => -m.errors * 4)
  const matched = text.slice(best.start, best.end)
  if (1 - best.errors / Math.max(length, codePointLength(matched)) < MIN_FUZZY_SCORE) return null
  return result(text, best.start, best.end, 'fuzzy')
}

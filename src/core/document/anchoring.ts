import search from 'approx-string-match'
import { codePointLength, CONTEXT_LENGTH, type Anchor } from '../../shared/text'
import { CodePoints } from '../../shared/codePoints'
import { QuoteIndex } from './quoteIndex'
import type { FuzzyBudget } from './fuzzyBudget'
import { closestMatches, distance, nfc } from './textCompare'
import {
  acceptable,
  agrees,
  best,
  MIN_FUZZY_SCORE,
  MIN_MAPPED_SCORE,
  type Candidate,
  type Expected,
  type Selectors,
} from './anchorChoice'
import { TextMap } from './textMap'

/** Quotes shorter than this (in code points) are only ever matched exactly: a fuzzy match of a few
 * characters finds look-alikes anywhere in the text. */
export const MIN_FUZZY_QUOTE = 8

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export { MIN_FUZZY_SCORE, type Selectors } from './anchorChoice'

export { FUZZY_WORK_BUDGET, fuzzyBudget, fuzzyBudgetNote, type FuzzyBudget } from './fuzzyBudget'

export interface AnchorResult {
  anchor: Anchor
  method: AnchorMethod
}

/** Approximate searches of at most this many characters times quote units compare cell by cell. */
const SHORT_SEARCH = 1 << 18
/** Slack around the expected place searched before the whole text, in UTF-16 units. */
const WINDOW_SLACK = 256
/** A mapped place is trusted for a weaker fuzzy match only if the change around it is at most this long. */
const TRUSTED_CHANGE = 4096

/**
 * Re-anchors claims on one text. Built once per text (and per older text the claims' offsets refer to,
 * if known): exact quotes are looked up in an index, and fuzzy matching searches around the place the
 * claim is expected at before it searches the whole text. Null means unanchored: listed, never attached
 * to other words — a fuzzy match is a change of words, which the callers record.
 */
export class Anchorer {
  private indexed: QuoteIndex | null = null
  private readonly points: CodePoints
  private readonly old: { map: TextMap; points: CodePoints } | null

  constructor(
    readonly text: string,
    oldText?: string,
  ) {
    this.points = new CodePoints(text)
    this.old = oldText ? { map: new TextMap(oldText, text), points: new CodePoints(oldText) } : null
  }

  /** Built on first need: most claims are found where the comparison of the texts puts them. */
  private get index(): QuoteIndex {
    return (this.indexed ??= new QuoteIndex(this.text))
  }

  /** Exact occurrences within [from, to), without the index. */
  private within(exact: string, from: number, to: number): Candidate[] {
    const hay = this.text.slice(from, to)
    const out: Candidate[] = []
    for (let i = hay.indexOf(exact); i >= 0; i = hay.indexOf(exact, i + 1))
      out.push({ start: from + i, end: from + i + exact.length, errors: 0 })
    return out
  }

  /** Where the claim's quote is expected to start (UTF-16), or -1: `expected(sel).start` without the objects. */
  private expectedStart(sel: Selectors): number {
    if (sel.start === undefined || sel.end === undefined || sel.end < sel.start) return -1
    return this.old ? this.old.map.at(this.old.points.unit(sel.start)) : this.points.unit(sel.start)
  }

  private expected(sel: Selectors): Expected | null {
    if (sel.start === undefined || sel.end === undefined || sel.end < sel.start) return null
    if (!this.old) {
      const start = this.points.unit(sel.start)
      const end = this.points.unit(sel.end)
      return { start, end, from: start, to: end, mapped: false }
    }
    const { map, points } = this.old
    const a = map.map(points.unit(sel.start))
    const b = map.map(points.unit(sel.end))
    return {
      start: a.at,
      end: Math.max(a.at, b.at),
      from: Math.min(a.from, a.at),
      to: Math.max(b.to, b.at),
      mapped: true,
    }
  }

  private fuzzy(exact: string, from: number, to: number, maxErrors: number, budget?: FuzzyBudget): Candidate[] | null {
    const a = Math.max(0, from)
    const b = Math.min(this.text.length, to)
    if (b - a < exact.length - maxErrors) return []
    if (budget) {
      const cost = (b - a) * Math.ceil(exact.length / 32)
      if (cost > budget.left) return null
      budget.left -= cost
    }
    // The same matches either way: cell by cell for the short stretches beside a claim, a word of the
    // quote at a time (the library) across long ones.
    if ((b - a) * exact.length <= SHORT_SEARCH) return closestMatches(this.text, a, b, exact, maxErrors)
    const hay = a === 0 && b === this.text.length ? this.text : this.text.slice(a, b)
    return search(hay, exact, maxErrors).map((m) => ({ start: m.start + a, end: m.end + a, errors: m.errors }))
  }

  /** `exact`: the text at [start, end) if the caller already holds it. */
  private result(start: number, end: number, method: AnchorMethod, exact?: string): AnchorResult {
    const { text, points } = this
    const s = points.point(start)
    const e = points.point(end)
    const anchor: Anchor = {
      start: s,
      end: e,
      exact: exact ?? text.slice(start, end),
      prefix: text.slice(points.unit(s - CONTEXT_LENGTH), start),
      suffix: text.slice(end, points.unit(e + CONTEXT_LENGTH)),
    }
    return { anchor, method }
  }

  find(sel: Selectors, budget?: FuzzyBudget): AnchorResult | null {
    const exact = nfc(sel.exact)
    if (!exact) return null
    const { text } = this
    // Most claims are where the comparison puts them: checked before anything else is worked out.
    const guess = this.expectedStart(sel)
    if (guess >= 0 && text.startsWith(exact, guess)) return this.result(guess, guess + exact.length, 'position', exact)
    const at = this.expected(sel)
    const hint = at?.start ?? 0
    // A place mapped through the comparison is exact up to the change around it; a file's own offsets
    // (an annotation's position selector) may be a little off.
    const slack = exact.length + (at?.mapped ? WINDOW_SLACK / 4 : WINDOW_SLACK)
    const window = at
      ? {
          from: Math.max(0, Math.min(at.from, at.start) - slack),
          to: Math.min(text.length, Math.max(at.to, at.end) + slack),
        }
      : null
    const inWindow = (c: Candidate) => !window || (c.start >= window.from && c.end <= window.to)
    // Where the comparison of the two texts places the claim within a short change, words found far
    // away must also have the claim's context: else they are the same words in another sentence.
    const trusted = !!at && at.mapped && at.to - at.from <= TRUSTED_CHANGE
    const length = codePointLength(exact)
    const near = window ? this.within(exact, window.from, window.to) : []
    if (near.length > 0) return this.found(best(this.text, near, length, sel, hint).c, 'quote')
    // The words the comparison of the two texts says the claim's words became: if they are close,
    // they are the answer, without searching.
    if (trusted && length >= MIN_FUZZY_QUOTE && at.end > at.start) {
      // Both ends on characters that did not change: the words between are the claim's, as edited.
      const exactEnds = at.from === at.start && at.to === at.end
      const least = exactEnds ? MIN_MAPPED_SCORE : MIN_FUZZY_SCORE
      const errors = distance(
        exact,
        text.slice(at.start, at.end),
        Math.floor(Math.max(length, at.end - at.start) * (1 - least)),
      )
      const c = { start: at.start, end: at.end, errors }
      if (errors >= 0 && acceptable(this.text, c, length, sel, exactEnds ? at : null)) return this.found(c, 'fuzzy')
    }
    const hits = this.index.occurrences(exact).map((start) => ({ start, end: start + exact.length, errors: 0 }))
    if (hits.length > 0) {
      const far = best(this.text, hits, length, sel, hint).c
      if (!trusted || agrees(this.text, far, sel)) return this.found(far, 'quote')
    }
    if (length < MIN_FUZZY_QUOTE) return null
    if (window && window.to - window.from < text.length) {
      // One search at the weakest score allowed here: it reports only the matches with the fewest errors,
      // so where some are 80 % alike they are exactly what a stricter search would report, and all pass.
      const least = trusted ? MIN_MAPPED_SCORE : MIN_FUZZY_SCORE
      const cands = this.fuzzy(exact, window.from, window.to, Math.floor(length * (1 - least)), budget)
      if (cands === null) return this.skip(budget)
      const accepted = cands.filter((c) => acceptable(this.text, c, length, sel, trusted ? at : null))
      if (accepted.length > 0) return this.found(best(this.text, accepted, length, sel, hint).c, 'fuzzy')
    }
    const maxErrors = Math.floor(length * (1 - MIN_FUZZY_SCORE))
    const all = trusted
      ? this.fuzzyByContext(exact, maxErrors, sel, budget)
      : this.fuzzy(exact, 0, text.length, maxErrors, budget)
    if (all === null) return this.skip(budget)
    const accepted = all.filter(
      (c) => acceptable(this.text, c, length, sel, null) && (!trusted || inWindow(c) || agrees(this.text, c, sel)),
    )
    if (accepted.length === 0) return null
    return this.found(best(this.text, accepted, length, sel, hint).c, 'fuzzy')
  }

  /**
   * Fuzzy matches that could have half of one side's recorded context: found by looking up that half
   * in the index, then searching only beside each occurrence (not the whole text, once per claim).
   */
  private fuzzyByContext(exact: string, maxErrors: number, sel: Selectors, budget?: FuzzyBudget): Candidate[] | null {
    const prefix = sel.prefix ?? ''
    const suffix = sel.suffix ?? ''
    if (!prefix || !suffix) return this.fuzzy(exact, 0, this.text.length, maxErrors, budget)
    const reach = exact.length + maxErrors
    const windows: [number, number][] = []
    for (const p of this.index.occurrences(prefix.slice(prefix.length - Math.ceil(prefix.length / 2)))) {
      const at = p + Math.ceil(prefix.length / 2)
      windows.push([at, at + reach])
    }
    for (const q of this.index.occurrences(suffix.slice(0, Math.ceil(suffix.length / 2)))) windows.push([q - reach, q])
    windows.sort((a, b) => a[0] - b[0])
    const out: Candidate[] = []
    for (let i = 0; i < windows.length;) {
      const from = windows[i][0]
      let to = windows[i++][1]
      while (i < windows.length && windows[i][0] <= to) to = Math.max(to, windows[i++][1])
      const found = this.fuzzy(exact, from, to, maxErrors, budget)
      if (found === null) return null
      out.push(...found)
    }
    return out
  }

  private found(c: Candidate, method: AnchorMethod): AnchorResult {
    return this.result(c.start, c.end, method)
  }

  private skip(budget: FuzzyBudget | undefined): null {
    if (budget) budget.skipped++
    return null
  }
}

let cached: Anchorer | null = null

/**
 * Finds a claim's text again in `text`: its position if that still holds the quote, else the quote
 * itself (context and closeness to the old position break ties), else a close enough fuzzy match.
 * Null means the claim is unanchored: it is listed, never attached to other text. Many claims on one
 * text should share an `Anchorer` (this keeps the last one).
 */
export function reanchor(text: string, sel: Selectors, budget?: FuzzyBudget): AnchorResult | null {
  if (cached?.text !== text) cached = new Anchorer(text)
  return cached.find(sel, budget)
}

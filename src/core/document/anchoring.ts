import search from 'approx-string-match'
import { codePointLength, CONTEXT_LENGTH, type Anchor } from '../../shared/text'
import { CodePoints } from '../../shared/codePoints'
import { QuoteIndex } from './quoteIndex'
import type { FuzzyBudget } from './fuzzyBudget'
import { closestMatches, distance, nfc } from './textCompare'
import { TextMap } from './textMap'

/** Quotes shorter than this (in code points) are only ever matched exactly: a fuzzy match of a few
 * characters finds look-alikes anywhere in the text. */
export const MIN_FUZZY_QUOTE = 8
/** The least similarity (1 - errors / quote length) at which a fuzzy match is accepted. */
export const MIN_FUZZY_SCORE = 0.8

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export { FUZZY_WORK_BUDGET, fuzzyBudget, fuzzyBudgetNote, type FuzzyBudget } from './fuzzyBudget'

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

/** The place a claim is expected at in the text being anchored on (UTF-16), and how sure that is. */
interface Expected {
  start: number
  end: number
  /** The stretch the claim may be in: where the text changed around it, all of that change. */
  from: number
  to: number
  /** Mapped through a comparison of the two texts (not just the file's own offsets). */
  mapped: boolean
}

interface Candidate {
  start: number
  end: number
  errors: number
}

/** Approximate searches of at most this many characters times quote units compare cell by cell. */
const SHORT_SEARCH = 1 << 18
/** Slack around the expected place searched before the whole text, in UTF-16 units. */
const WINDOW_SLACK = 256
/** A mapped place is trusted for a weaker fuzzy match only if the change around it is at most this long. */
const TRUSTED_CHANGE = 4096
/** The weakest fuzzy match accepted where the comparison of the two texts puts the claim (the peer's rule). */
const MIN_MAPPED_SCORE = 0.5

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

  /** Agreement of the text around [start, end) with the recorded context, 0–1 on each side. */
  private context(start: number, end: number, sel: Selectors): { prefix: number; suffix: number } {
    const { text } = this
    const prefix = sel.prefix ?? ''
    const suffix = sel.suffix ?? ''
    let p = 0
    while (
      p < prefix.length &&
      p < start &&
      prefix.charCodeAt(prefix.length - 1 - p) === text.charCodeAt(start - 1 - p)
    )
      p++
    let s = 0
    while (s < suffix.length && end + s < text.length && suffix.charCodeAt(s) === text.charCodeAt(end + s)) s++
    return { prefix: prefix.length ? p / prefix.length : 1, suffix: suffix.length ? s / suffix.length : 1 }
  }

  /** The peer tools' weighing: the quote most, then each side's context, then closeness to the expected place. */
  private score(c: Candidate, quoteLength: number, sel: Selectors, hint: number): number {
    const ctx = this.context(c.start, c.end, sel)
    const quote = 1 - c.errors / Math.max(quoteLength, c.end - c.start)
    return (
      50 * quote +
      20 * ctx.prefix +
      20 * ctx.suffix +
      2 * (1 - Math.abs(c.start - hint) / Math.max(1, this.text.length))
    )
  }

  private best(cands: Candidate[], quoteLength: number, sel: Selectors, hint: number): { c: Candidate; score: number } {
    let best = cands[0]
    let top = -Infinity
    for (const c of cands) {
      const s = this.score(c, quoteLength, sel, hint)
      if (s > top) {
        top = s
        best = c
      }
    }
    return { c: best, score: top }
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
    if (near.length > 0) return this.found(this.best(near, length, sel, hint).c, 'quote')
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
      if (errors >= 0 && this.acceptable(c, length, sel, exactEnds ? at : null)) return this.found(c, 'fuzzy')
    }
    const hits = this.index.occurrences(exact).map((start) => ({ start, end: start + exact.length, errors: 0 }))
    if (hits.length > 0) {
      const far = this.best(hits, length, sel, hint).c
      if (!trusted || this.agrees(far, sel)) return this.found(far, 'quote')
    }
    if (length < MIN_FUZZY_QUOTE) return null
    if (window && window.to - window.from < text.length) {
      // One search at the weakest score allowed here: it reports only the matches with the fewest errors,
      // so where some are 80 % alike they are exactly what a stricter search would report, and all pass.
      const least = trusted ? MIN_MAPPED_SCORE : MIN_FUZZY_SCORE
      const cands = this.fuzzy(exact, window.from, window.to, Math.floor(length * (1 - least)), budget)
      if (cands === null) return this.skip(budget)
      const accepted = cands.filter((c) => this.acceptable(c, length, sel, trusted ? at : null))
      if (accepted.length > 0) return this.found(this.best(accepted, length, sel, hint).c, 'fuzzy')
    }
    const maxErrors = Math.floor(length * (1 - MIN_FUZZY_SCORE))
    const all = trusted
      ? this.fuzzyByContext(exact, maxErrors, sel, budget)
      : this.fuzzy(exact, 0, text.length, maxErrors, budget)
    if (all === null) return this.skip(budget)
    const accepted = all.filter(
      (c) => this.acceptable(c, length, sel, null) && (!trusted || inWindow(c) || this.agrees(c, sel)),
    )
    if (accepted.length === 0) return null
    return this.found(this.best(accepted, length, sel, hint).c, 'fuzzy')
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

  /** The recorded context agrees on at least one side (by default half of it or more). */
  private agrees(c: Candidate, sel: Selectors, least = 0.5): boolean {
    const ctx = this.context(c.start, c.end, sel)
    return ctx.prefix >= least || ctx.suffix >= least
  }

  private skip(budget: FuzzyBudget | undefined): null {
    if (budget) budget.skipped++
    return null
  }

  /**
   * Similar enough: at least MIN_FUZZY_SCORE anywhere; where the comparison of the two texts puts the
   * claim (a short change around it), as little as the peer tools accept if one side's context agrees.
   */
  private acceptable(c: Candidate, quoteLength: number, sel: Selectors, mapped: Expected | null): boolean {
    const score = 1 - c.errors / Math.max(quoteLength, c.end - c.start)
    if (score >= MIN_FUZZY_SCORE) return true
    if (!mapped || score < MIN_MAPPED_SCORE) return false
    if (c.end <= mapped.from || c.start >= mapped.to + 1) return false
    return this.agrees(c, sel, 0.25)
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

/**
 * The one definition of a document's plain text and of the unit its offsets count.
 *
 * Plain text: the text of each leaf block (title, subtitle, byline lines, headings, paragraphs,
 * list items), NFC-normalised, joined with a single "\n". Offsets count Unicode code points, as the
 * W3C Web Annotation model does, so a selector means the same thing in every tool that reads it.
 */

export const BLOCK_SEPARATOR = '\n'

export function joinBlocks(blockTexts: readonly string[]): string {
  return blockTexts.map((t) => t.normalize('NFC')).join(BLOCK_SEPARATOR)
}

/** A high surrogate at `i` followed by a low one: one astral code point. A lone surrogate counts alone. */
function isSurrogatePair(s: string, c: number, i: number): boolean {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false
  const d = s.charCodeAt(i + 1)
  return d >= 0xdc00 && d <= 0xdfff
}

/**
 * The last long string found to hold no surrogate at all, where code point offsets are UTF-16 indexes.
 * Following an edit of the essay slices the same text once per claim; one scan serves them all.
 */
let surrogateFree: string | null = null

function isSurrogateFree(s: string): boolean {
  if (s.length < 256) return false
  if (s === surrogateFree) return true
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) return false
  }
  surrogateFree = s
  return true
}

export function codePointLength(s: string): number {
  if (isSurrogateFree(s)) return s.length
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (isSurrogatePair(s, c, i)) i++
    n++
  }
  return n
}

/** UTF-16 index of the code point offset `cp` in `s` (clamped to the string's length). */
export function utf16Index(s: string, cp: number): number {
  if (isSurrogateFree(s)) return Math.max(0, Math.min(cp, s.length))
  let i = 0
  let n = 0
  while (i < s.length && n < cp) {
    const c = s.charCodeAt(i)
    i += isSurrogatePair(s, c, i) ? 2 : 1
    n++
  }
  return i
}

export function codePointIndex(s: string, utf16: number): number {
  if (isSurrogateFree(s)) return Math.max(0, Math.min(utf16, s.length))
  return codePointLength(s.slice(0, utf16))
}

/** Substring by code point offsets. */
export function cpSlice(s: string, start: number, end?: number): string {
  const a = utf16Index(s, start)
  return end === undefined ? s.slice(a) : s.slice(a, utf16Index(s, end))
}

export const CONTEXT_LENGTH = 32

export interface QuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

export interface PositionSelector {
  start: number
  end: number
}

export type Anchor = QuoteSelector & PositionSelector

/** Both selectors for the code point range [start, end) of `text`. */
export function describeRange(text: string, start: number, end: number): Anchor {
  return {
    start,
    end,
    exact: cpSlice(text, start, end),
    prefix: cpSlice(text, Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: cpSlice(text, end, end + CONTEXT_LENGTH),
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * A lone UTF-16 surrogate is no character at all: SQLite would store it as invalid UTF-8 and read it
 * back as U+FFFD under the same version id, so text with one is refused where it enters.
 */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

/** The path (e.g. `patch.note`) of the first string in `value` holding a lone surrogate, or null. */
export function loneSurrogatePath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path.join('.') || 'value' : null
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) return [...path, key].join('.')
      const found = loneSurrogatePath(v, [...path, key])
      if (found !== null) return found
    }
  }
  return null
}

/**
 * Characters that change how text around them is shown without being seen themselves: bidirectional
 * overrides and isolates (U+202E shows "gnp.exe" as "exe.png"), direction marks, and zero-width ones.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

export function hasInvisibleControls(s: string): boolean {
  INVISIBLE.lastIndex = 0
  return INVISIBLE.test(s)
}

/** The text with each such character shown as ⟨U+202E⟩, for display (the stored text is unchanged). */
export function revealInvisible(s: string): string {
  return s.replace(INVISIBLE, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`)
}

/** The text without them (for file names). */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE, '')
}

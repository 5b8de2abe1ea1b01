import { foldSearchText } from '../../../shared/claimQuery'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { MatchField } from '../i18n'

/** A stretch of a field's text: `hit` when it is the search's match. */
export interface Piece {
  text: string
  hit: boolean
}

/**
 * Where `query` matches in `text`, compared as the search compares (shared/claimQuery.ts
 * foldSearchText: lower case, every run of white space one space), as ranges of the text as written.
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const q = foldSearchText(query)
  if (q === '' || text === '') return []
  // The folded text, and for each of its UTF-16 units the index in `text` it came from.
  let folded = ''
  const from: number[] = []
  let lastSpace = true
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    if (/\s/u.test(ch)) {
      if (!lastSpace) {
        folded += ' '
        from.push(i)
      }
      lastSpace = true
    } else {
      const low = ch.normalize('NFC').toLowerCase()
      for (let k = 0; k < low.length; k++) from.push(i)
      folded += low
      lastSpace = false
    }
    i += ch.length
  }
  from.push(text.length)
  const out: [number, number][] = []
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) {
    const start = from[at]
    const lastUnit = from[at + q.length - 1]
    const end = lastUnit + String.fromCodePoint(text.codePointAt(lastUnit)!).length
    out.push([start, end])
  }
  return out
}

/** `text` cut into pieces around the query's matches. */
export function splitMatches(text: string, query: string): Piece[] {
  const ranges = matchRanges(text, query)
  if (ranges.length === 0) return [{ text, hit: false }]
  const out: Piece[] = []
  let at = 0
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false })
    out.push({ text: text.slice(s, e), hit: true })
    at = e
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false })
  return out
}

/** Around the first match: up to `context` characters each side, with an ellipsis where cut. */
export function snippet(text: string, query: string, context = 30): Piece[] {
  const [first] = matchRanges(text, query)
  if (!first) return [{ text, hit: false }]
  const from = Math.max(0, first[0] - context)
  const to = Math.min(text.length, first[1] + context)
  const pieces = splitMatches(text.slice(from, to), query)
  if (from > 0) pieces.unshift({ text: '…', hit: false })
  if (to < text.length) pieces.push({ text: '…', hit: false })
  return pieces
}

export interface FieldMatch {
  field: MatchField
  /** The text that matched (the first of its kind: one source, one reply). */
  text: string
}

/** The fields of a claim the query matches, in the order the card shows them. */
export function claimMatches(claim: DeskClaim, query: string): FieldMatch[] {
  if (foldSearchText(query) === '') return []
  const out: FieldMatch[] = []
  const first = (field: MatchField, texts: string[]): void => {
    const text = texts.find((t) => matchRanges(t, query).length > 0)
    if (text !== undefined) out.push({ field, text })
  }
  first('quote', [claim.exact])
  first('note', [claim.note])
  first(
    'source',
    claim.sources.flatMap((s) => [s.title, s.publisher, s.url, s.excerpt, s.archiveUrl]),
  )
  first(
    'reply',
    claim.replies.map((r) => r.body),
  )
  first('tag', claim.tags)
  return out
}

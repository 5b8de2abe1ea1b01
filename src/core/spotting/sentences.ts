import { blockText, type Block, type BlockKind } from '../../shared/essay'
import { joinBlocks } from '../../shared/text'

/**
 * The essay's sentences, the units claim spotting (./spotting.ts) judges: rule-based, offline and
 * deterministic, for Korean and English punctuation alike.
 */

/** Blocks that are not the essay's argument: the title, the byline and the headings. */
const SKIPPED_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  'title',
  'subtitle',
  'affiliation',
  'author',
  'heading',
])
const TERMINATORS = new Set(['.', '!', '?', '…', '。', '？', '！'])
/** What may follow a sentence's final mark and still belong to the sentence. */
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '」', '』', '）', '»'])
/** Korean sentence endings (…다. …요. …까?) end a sentence even with no space after them. */
const KOREAN_ENDINGS = new Set(['다', '요', '까', '죠'])
/** A list item's or explanation's leading mark is not part of its sentence. */
const BULLETS = new Set(['→', '•', '·', '-', '–', '—', '*', '▶', '►', '○', '●', '■', '□', '※'])
/** Words before a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st mt no nos vs etc inc ltd co corp dept gov sen rep gen col lt sgt fig approx est jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch)
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

export interface Sentence {
  /** Code point offsets in the document's plain text. */
  start: number
  end: number
  exact: string
}

/** Whether the mark at `i` (a terminator, or the last closer after one) ends a sentence begun at `from`. */
function endsSentence(chars: readonly string[], i: number, from: number): boolean {
  const next = chars[i + 1]
  // Only the last of a run of marks ends it: "?!", "...", ".”".
  if (next !== undefined && (TERMINATORS.has(next) || CLOSERS.has(next))) return false
  let j = i
  while (j > from && CLOSERS.has(chars[j])) j--
  const mark = chars[j]
  if (!TERMINATORS.has(mark)) return false
  const koreanEnding = i === j && '.?!'.includes(mark) && KOREAN_ENDINGS.has(chars[j - 1]) && isLetter(next)
  if (next !== undefined && !isSpace(next) && !koreanEnding) return false
  if (mark === '.') {
    let w = j
    while (w > from && /[A-Za-z.]/.test(chars[w - 1])) w--
    const word = chars.slice(w, j).join('')
    if (ABBREVIATIONS.has(word.toLowerCase())) return false
    if (/^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return false // J. Smith, U.S., e.g.
    if (/^\s*\d+$/.test(chars.slice(from, j).join(''))) return false // "1. " numbering a list
  }
  return true
}

/** Sentence ranges in one block's characters; with `quotes`, never inside a quotation. Null if its quotes do not balance. */
function scan(chars: readonly string[], quotes: boolean): [number, number][] | null {
  const out: [number, number][] = []
  let from = 0
  let curly = 0
  let single = 0
  let corner = 0
  let straight = false
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    if (quotes) {
      if (ch === '“') curly++
      else if (ch === '”') curly = Math.max(0, curly - 1)
      else if (ch === '‘') single++
      else if (ch === '’')
        single = Math.max(0, single - 1) // also an apostrophe: never below zero
      else if (ch === '「' || ch === '『') corner++
      else if (ch === '」' || ch === '』') corner = Math.max(0, corner - 1)
      else if (ch === '"') straight = !straight
    }
    if (curly || single || corner || straight) continue
    if (endsSentence(chars, i, from)) {
      out.push([from, i + 1])
      from = i + 1
    }
  }
  if (quotes && (curly || single || corner || straight)) return null
  out.push([from, chars.length])
  return out
}

/** Without white space or a leading bullet at its edges; null when nothing is left. */
function trim(chars: readonly string[], [s, e]: [number, number]): [number, number] | null {
  for (;;) {
    while (s < e && isSpace(chars[s])) s++
    if (s < e && BULLETS.has(chars[s]) && (s + 1 === e || isSpace(chars[s + 1]))) s++
    else break
  }
  while (e > s && isSpace(chars[e - 1])) e--
  return chars.slice(s, e).some(isLetter) ? [s, e] : null
}

/**
 * The sentences of the essay's argument, never across blocks: the title, subtitle, byline and headings
 * are skipped. A sentence ends at . ! ? … (with any closing quotes or brackets after it) followed by
 * white space or the end of the block, and at Korean 다. 요. 까? even without a space; never inside
 * quotation marks, after an abbreviation or initial (Dr., U.S., J.), or after a list number.
 */
export function splitSentences(blocks: readonly Block[], text?: string): Sentence[] {
  let texts = blocks.map((b) => blockText(b).normalize('NFC'))
  let kinds: BlockKind[] = blocks.map((b) => b.kind)
  if (text !== undefined && joinBlocks(texts) !== text) {
    // The stored text is the truth for offsets; blocks out of step with it are read as plain paragraphs.
    texts = text.split('\n')
    kinds = texts.map(() => 'paragraph')
  }
  const out: Sentence[] = []
  let offset = 0
  texts.forEach((t, index) => {
    const chars = Array.from(t)
    if (!SKIPPED_KINDS.has(kinds[index])) {
      for (const range of scan(chars, true) ?? scan(chars, false) ?? []) {
        const r = trim(chars, range)
        if (r) out.push({ start: offset + r[0], end: offset + r[1], exact: chars.slice(r[0], r[1]).join('') })
      }
    }
    offset += chars.length + 1
  })
  return out
}

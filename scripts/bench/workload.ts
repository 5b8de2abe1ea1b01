/**
 * A newsroom-sized workload made from the bundled essay, the same for every run of a seed: a long essay
 * (the essay's paragraphs word-shuffled and repeated, with headings and bold runs), claims of realistic
 * length that often overlap, and an edited copy of the essay (a share of its paragraphs reworded: words
 * replaced, inserted, deleted) with, for every claim, where its words truly are in the edited copy
 * (null where all of them were deleted). Shared by the benchmark and tests.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEssayMarkdown, type ParsedEssay } from '../../src/core/document/essayFormat'
import { blockText, essayText, type Block } from '../../src/shared/essay'
import { CONTEXT_LENGTH, type Anchor } from '../../src/shared/text'
import { mapRange } from '../../src/shared/textDiff'

export interface WorkloadOptions {
  /** Code points of essay text, at least. */
  chars: number
  claims: number
  /** Share of body paragraphs the edited copy rewords. */
  editedShare?: number
  seed?: number
}

export interface Workload {
  essay: ParsedEssay
  text: string
  claims: Anchor[]
  edited: ParsedEssay
  editedText: string
  /** Where each claim's words are in the edited text (code points), or null if they were all deleted. */
  truth: ({ start: number; end: number } | null)[]
  editedParagraphs: number
}

/** mulberry32: small, fast and the same everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function bundledEssay(): ParsedEssay {
  return parseEssayMarkdown(readFileSync(join(__dirname, '..', '..', 'resources/essays/seoul-openai.md'), 'utf8'))
}

const shuffle = <T>(xs: T[], rnd: () => number): T[] => {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/** A paragraph of `words`, with a run of them in bold now and then. */
function paragraph(words: string[], rnd: () => number): Block {
  if (words.length < 6 || rnd() > 0.3) return { kind: 'paragraph', inlines: [{ text: words.join(' ') }] }
  const a = 1 + Math.floor(rnd() * (words.length - 4))
  const b = a + 1 + Math.floor(rnd() * 3)
  return {
    kind: 'paragraph',
    inlines: [
      { text: words.slice(0, a).join(' ') + ' ' },
      { text: words.slice(a, b).join(' '), bold: true },
      { text: ' ' + words.slice(b).join(' ') },
    ],
  }
}

function longEssay(base: ParsedEssay, chars: number, rnd: () => number): ParsedEssay {
  const head = base.blocks.filter((b) => ['title', 'subtitle', 'affiliation', 'author'].includes(b.kind))
  const body = base.blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'item')
    .map((b) => blockText(b).split(' '))
  const headings = base.blocks.filter((b) => b.kind === 'heading').map((b) => blockText(b).split(' '))
  const blocks: Block[] = [...head]
  let length = essayText(blocks).length
  for (let round = 1; length < chars; round++) {
    for (const [i, words] of shuffle(body, rnd).entries()) {
      if (i % 5 === 0) {
        const h = headings[Math.floor(rnd() * headings.length)]
        blocks.push({ kind: 'heading', inlines: [{ text: `${round}. ${shuffle(h, rnd).join(' ')}` }] })
        length += blockText(blocks[blocks.length - 1]).length + 1
      }
      blocks.push(paragraph(shuffle(words, rnd), rnd))
      length += blockText(blocks[blocks.length - 1]).length + 1
    }
  }
  return { blocks, meta: { ...base.meta } }
}

/** Word boundaries (starts of words) of a paragraph's text, in code points (the essay is BMP). */
const wordStarts = (t: string): number[] => [0, ...[...t.matchAll(/ /g)].map((m) => m.index + 1)]

function makeClaims(text: string, blocks: Block[], n: number, rnd: () => number): Anchor[] {
  const paras: { start: number; text: string }[] = []
  let at = 0
  for (const b of blocks) {
    const t = blockText(b)
    if (b.kind === 'paragraph' && t.length > 40) paras.push({ start: at, text: t })
    at += t.length + 1
  }
  const claims: Anchor[] = []
  for (let i = 0; i < n; i++) {
    const prev = claims[claims.length - 1]
    // One in six overlaps the claim before it (a reviewer marks a part of, or runs on from, another).
    const p =
      i > 0 && rnd() < 1 / 6
        ? paras.find((q) => q.start <= prev.start && prev.start < q.start + q.text.length)!
        : paras[Math.floor(rnd() * paras.length)]
    const starts = wordStarts(p.text)
    const r = rnd()
    const words =
      r < 0.6 ? 3 + Math.floor(rnd() * 8) : r < 0.9 ? 11 + Math.floor(rnd() * 10) : 21 + Math.floor(rnd() * 20)
    let w = Math.floor(rnd() * starts.length)
    if (prev && p.start <= prev.start && prev.start < p.start + p.text.length && rnd() < 1 / 6) {
      w = Math.max(0, starts.findIndex((s) => p.start + s >= prev.start) + Math.floor(rnd() * 3))
    }
    w = Math.min(w, Math.max(0, starts.length - 3))
    const endWord = Math.min(starts.length, w + words)
    const start = p.start + starts[w]
    const end = endWord >= starts.length ? p.start + p.text.length : p.start + starts[endWord] - 1
    // The essay is BMP-only, so UTF-16 offsets are code points (describeRange counts from the start).
    claims.push({
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    })
  }
  return claims
}

interface Op {
  start: number
  oldEnd: number
  insert: string
}

/** One to three rewordings of a paragraph, in its own offsets, sorted and apart. */
function rewordings(t: string, vocabulary: string[], rnd: () => number): Op[] {
  const starts = wordStarts(t)
  const ops: Op[] = []
  const count = 1 + Math.floor(rnd() * 3)
  const picks = shuffle(
    starts.map((_, i) => i),
    rnd,
  )
    .slice(0, count)
    .sort((a, b) => a - b)
  let last = -1
  for (const w of picks) {
    if (w <= last + 1) continue
    const word = () => vocabulary[Math.floor(rnd() * vocabulary.length)]
    const r = rnd()
    const span = r < 0.4 ? 1 : r < 0.7 ? 0 : 1 + Math.floor(rnd() * 6)
    const endWord = Math.min(starts.length, w + span)
    const start = starts[w]
    const oldEnd = span === 0 ? start : endWord >= starts.length ? t.length : starts[endWord]
    const insert =
      r < 0.4
        ? word() + (endWord >= starts.length ? '' : ' ')
        : r < 0.7
          ? Array.from({ length: 1 + Math.floor(rnd() * 4) }, word).join(' ') + ' '
          : ''
    if (oldEnd === start && insert === '') continue
    ops.push({ start, oldEnd, insert })
    last = endWord
  }
  return ops
}

export function makeWorkload(options: WorkloadOptions, base: ParsedEssay = bundledEssay()): Workload {
  const rnd = random(options.seed ?? 20250526)
  const essay = longEssay(base, options.chars, rnd)
  const text = essayText(essay.blocks)
  const claims = makeClaims(text, essay.blocks, options.claims, rnd)
  const vocabulary = [...new Set(text.split(/\s+/).filter((w) => w.length > 1))]
  const share = options.editedShare ?? 0.05
  const edits: Op[] = []
  const blocks: Block[] = []
  let at = 0
  let editedParagraphs = 0
  for (const b of essay.blocks) {
    const t = blockText(b)
    if (b.kind === 'paragraph' && rnd() < share) {
      const ops = rewordings(t, vocabulary, rnd)
      let out = t
      for (const op of [...ops].reverse()) out = out.slice(0, op.start) + op.insert + out.slice(op.oldEnd)
      edits.push(...ops.map((op) => ({ ...op, start: op.start + at, oldEnd: op.oldEnd + at })))
      blocks.push({ kind: 'paragraph', inlines: [{ text: out }] })
      editedParagraphs++
    } else blocks.push(b)
    at += t.length + 1
  }
  const edited = { blocks, meta: { ...essay.meta } }
  const editedText = essayText(blocks)
  // Each edit moves what follows it; applied from the last, earlier offsets still mean the old text.
  // Edits wholly before a claim only shift it, and edits after it leave it alone.
  const truth = claims.map((c) => {
    let shift = 0
    let r: { start: number; end: number } | null = { start: c.start, end: c.end }
    for (let k = edits.length - 1; k >= 0 && r; k--) {
      const e = edits[k]
      if (e.start > c.end) continue
      if (e.oldEnd < c.start) shift += e.insert.length - (e.oldEnd - e.start)
      else r = mapRange(r, { start: e.start, oldEnd: e.oldEnd, newEnd: e.start + e.insert.length })
    }
    return r && { start: r.start + shift, end: r.end + shift }
  })
  return { essay, text, claims, edited, editedText, truth, editedParagraphs }
}

/**
 * Whether a placement is where the claim's words are: it overlaps them, and the overlap is at least
 * half of the shorter of the two (a claim whose words were partly reworded may be placed on the new
 * words, not beside them). A claim whose words were all deleted has no right place.
 */
export function placedRight(
  placed: { start: number; end: number },
  truth: { start: number; end: number } | null,
): boolean {
  if (!truth) return false
  const overlap = Math.min(placed.end, truth.end) - Math.max(placed.start, truth.start)
  return overlap > 0 && overlap >= 0.5 * Math.min(placed.end - placed.start, truth.end - truth.start)
}

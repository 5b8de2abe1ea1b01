import { LIMITS } from '../../../shared/domain'
import { derivedId, newClaim, slice, wordDate, type WordContext } from './context'
import { importNote } from '../../../shared/exchange'
import type { TrackedChange } from './ooxml'

/**
 * What the reviewer changed in the text never reaches the essay by itself. A tracked change (w:ins /
 * w:del) becomes a proposed correction of the claim it lies in — the claim's words with the change made
 * — which an editor applies or not like any other (src/core/document/corrections.ts); a change outside
 * every claim gets a new claim on the words around it, with the correction on that. Text that differs
 * without tracking is only listed, both wordings side by side.
 */

interface Span {
  id: string
  start: number
  end: number
  exact: string
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/** The change's range widened to whole words, so a new claim has something to mark. */
function wordAround(essay: string[], start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s > 0 && isWordChar(essay[s - 1])) s--
  while (e < essay.length && isWordChar(essay[e])) e++
  if (e === s) {
    // A pure insertion between non-word characters: the word before it.
    while (s > 0 && !isWordChar(essay[s - 1]) && essay[s - 1] !== '\n') s--
    while (s > 0 && isWordChar(essay[s - 1])) s--
  }
  return { start: s, end: Math.max(e, s + 1) }
}

export function importChanges(ctx: WordContext, changes: TrackedChange[]): void {
  const placed: { change: TrackedChange; start: number; end: number }[] = []
  for (const change of changes) {
    const start =
      ctx.align.toEssay(change.start, 'start') ??
      (change.start === change.end ? ctx.align.toEssay(change.start, 'end') : null)
    const end = change.start === change.end ? start : ctx.align.toEssay(change.end, 'end')
    if (start === null || end === null || slice(ctx.essay, start, end) !== change.deleted) {
      ctx.out.notes.push(
        importNote('word-change-not-found', {
          file: ctx.file,
          author: change.author,
          deleted: change.deleted.slice(0, 40),
          inserted: change.inserted.slice(0, 40),
        }),
      )
      continue
    }
    placed.push({ change, start, end })
  }
  const spans: Span[] = [...ctx.claims.filter((c) => c.anchored), ...ctx.added]
  const byClaim = new Map<Span, typeof placed>()
  for (const p of placed) {
    const inside = spans.filter((c) => c.start <= p.start && p.end <= c.end && c.end > c.start)
    let targets = inside
    if (targets.length === 0) {
      const around = wordAround(ctx.essay, p.start, p.end)
      const id = derivedId(ctx, 'change-claim', around.start, around.end, p.change.author, p.change.date)
      const author = (p.change.author || 'Word').slice(0, LIMITS.reviewerName)
      const note = `Word: “${p.change.deleted}” → “${p.change.inserted}”`.slice(0, LIMITS.note)
      const claim = newClaim(ctx, id, around, {
        note,
        author,
        created: wordDate(p.change.date, new Date().toISOString()),
      })
      spans.push(claim)
      targets = [claim]
    }
    for (const t of targets) byClaim.set(t, [...(byClaim.get(t) ?? []), p])
  }
  for (const [claim, list] of byClaim) propose(ctx, claim, list)
}

/** One proposed correction per claim: its words with every change in it made. */
function propose(ctx: WordContext, claim: Span, list: { change: TrackedChange; start: number; end: number }[]): void {
  const words = Array.from(claim.exact)
  for (const p of [...list].sort((a, b) => b.start - a.start)) {
    words.splice(p.start - claim.start, p.end - p.start, ...Array.from(p.change.inserted))
  }
  const replacement = words.join('')
  if (replacement === claim.exact) return
  if (replacement.trim() === '') {
    ctx.out.notes.push(importNote('word-change-deletes-claim', { file: ctx.file, exact: claim.exact.slice(0, 60) }))
    return
  }
  const first = list[0].change
  const proposed = wordDate(first.date, new Date().toISOString())
  const id = derivedId(ctx, 'correction', claim.id, replacement)
  const version = derivedId(ctx, 'correction-version', id)
  ctx.out.corrections.push({
    id,
    claimId: claim.id,
    original: claim.exact,
    replacement: replacement.slice(0, LIMITS.quote),
    explanation: '',
    state: 'proposed',
    proposedBy: (first.author || 'Word').slice(0, LIMITS.reviewerName),
    proposed,
    appliedBy: '',
    applied: '',
    modified: proposed,
    revision: 1,
    deleted: false,
    version,
    history: [version],
  })
}

const SHOWN = 300

/** A wording as the summary shows it: a whole document that differs is not repeated in full. */
function shortened(s: string): string {
  const cps = Array.from(s)
  return cps.length <= SHOWN ? s : `${cps.slice(0, SHOWN / 2).join('')} … ${cps.slice(-SHOWN / 2).join('')}`
}

/** Untracked differences, widened to whole words (the shared letters around a change are the same on both sides). */
export function listTextDiffers(ctx: WordContext): void {
  for (const h of ctx.align.hunks.slice(0, 200)) {
    let { docStart, docEnd, essayStart, essayEnd } = h
    while (
      docStart > 0 &&
      essayStart > 0 &&
      isWordChar(ctx.doc[docStart - 1]) &&
      ctx.doc[docStart - 1] === ctx.essay[essayStart - 1]
    ) {
      docStart--
      essayStart--
    }
    while (
      docEnd < ctx.doc.length &&
      essayEnd < ctx.essay.length &&
      isWordChar(ctx.doc[docEnd]) &&
      ctx.doc[docEnd] === ctx.essay[essayEnd]
    ) {
      docEnd++
      essayEnd++
    }
    ctx.out.textDiffers.push({
      essay: shortened(slice(ctx.essay, essayStart, essayEnd)),
      document: shortened(slice(ctx.doc, docStart, docEnd)),
    })
  }
}

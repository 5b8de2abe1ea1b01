import type { Claim } from '../../../shared/domain'
import { LIMITS } from '../../../shared/domain'
import { claimMarker, replyMarker, type WordNotFoundReason } from '../../../shared/wordReview'
import { claimsOnRange, derivedId, newClaim, placeRange, slice, wordDate, type WordContext } from './context'
import { importNote } from '../../../shared/exchange'
import type { CommentExtras, WordComment } from './ooxml'

/**
 * Word comments → replies, new claims and done marks. A claim's own comment is known by its marker (the
 * initials a for-review export wrote); where a tool dropped the marker, by the words it is on. A comment
 * that is neither becomes a new claim on its words, or — when it lies on exactly a claim's words, as a
 * reply does once a tool has flattened the thread (LibreOffice keeps no paraIdParent) — a reply to it.
 * Nothing is attached to other words: a comment whose words are not in the essay is listed as not found.
 */

/** The first line of a for-review comment: "Verdict: …" / "판정: …" (src/core/republish/words.ts). */
const looksLikeClaimComment = (body: string): boolean => /^(Verdict|판정): /.test(body)

const authorOf = (c: WordComment): string => (c.author || 'Word').slice(0, LIMITS.reviewerName)

interface Target {
  claimId: string
  /** The claim's replies as the review has them (for one that already came back). */
  replies: { id: string; author: string; body: string }[]
}

export function importComments(
  ctx: WordContext,
  comments: WordComment[],
  ranges: Map<string, { start: number; end: number }>,
  ext: CommentExtras,
  own: boolean,
): void {
  const byPara = new Map(comments.filter((c) => c.paraId).map((c) => [c.paraId, c]))
  const root = (c: WordComment): WordComment => {
    let at = c
    for (let hops = 0; hops < 100; hops++) {
      const p = ext.parent.get(at.paraId)
      const next = p ? byPara.get(p) : undefined
      if (!next || next === at) break
      at = next
    }
    return at
  }
  const children = new Map<WordComment, WordComment[]>()
  const roots: WordComment[] = []
  for (const c of comments) {
    const r = root(c)
    if (r === c) roots.push(c)
    else children.set(r, [...(children.get(r) ?? []), c])
  }
  const claimsById = new Map(ctx.claims.map((c) => [claimMarker(c.id), c]))
  const replyIds = new Set(ctx.claims.flatMap((c) => c.replies.map((r) => replyMarker(r.id))))
  // Oldest first: a reply whose thread a tool flattened comes after the comment it answers.
  const ordered = [...roots].sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id))

  const notFound = (c: WordComment, reason: WordNotFoundReason): void => {
    const range = ranges.get(c.id)
    const quote = range ? slice(ctx.doc, range.start, range.end) : ''
    ctx.out.notFound.push({ author: authorOf(c), comment: c.body, quote, reason })
    for (const r of children.get(c) ?? [])
      ctx.out.notFound.push({ author: authorOf(r), comment: r.body, quote, reason })
    ctx.out.notes.push(
      reason === 'no-range'
        ? importNote('word-comment-no-range', { file: ctx.file, author: authorOf(c) })
        : importNote('word-comment-not-found', { file: ctx.file, author: authorOf(c), quote: quote.slice(0, 60) }),
    )
  }

  for (const c of ordered) {
    if (own && replyIds.has(c.initials)) continue
    const known = own ? claimsById.get(c.initials) : undefined
    if (known) {
      takeThread(ctx, c, children.get(c) ?? [], target(known), ext, known)
      continue
    }
    const range = ranges.get(c.id)
    const place = range ? placeRange(ctx, range) : null
    if (looksLikeClaimComment(c.body) || (own && /^FDR?[0-9a-f]{8}$/.test(c.initials))) {
      // A claim's comment whose marker is gone (Google Docs keeps no initials, or it names a claim
      // removed since): the claim on exactly its words, else — in this review's own export — not found.
      const same = place
        ? ctx.claims.find((k) => k.anchored && k.start === place.start && k.end === place.end)
        : undefined
      if (same) {
        takeThread(ctx, c, children.get(c) ?? [], target(same), ext, same)
        continue
      }
      if (own) {
        if (!/^FDR/.test(c.initials)) notFound(c, range && range.end > range.start ? 'marker-gone' : 'no-range')
        continue
      }
    }
    if (!range || range.end <= range.start) {
      notFound(c, 'no-range')
      continue
    }
    if (!place) {
      notFound(c, 'text-not-found')
      continue
    }
    const id = derivedId(ctx, 'claim', place.start, place.end, authorOf(c), c.date, c.body)
    // The claim an earlier import of this comment made is the comment's own, not one it answers.
    const on = ctx.claims.some((k) => k.id === id) ? [] : claimsOnRange(ctx, place)
    if (on.length > 0) {
      // On exactly a claim's words: an answer to that claim (a flattened reply, or a comment on it).
      const claim = ctx.claims.find((k) => k.id === on[0].id)
      const t = claim ? target(claim) : { claimId: on[0].id, replies: [] }
      takeThread(ctx, null, [c, ...(children.get(c) ?? [])], t, ext, claim)
      continue
    }
    if (!c.body) {
      notFound(c, 'text-not-found')
      continue
    }
    const created = wordDate(c.date, new Date().toISOString())
    newClaim(ctx, id, place, { note: c.body.slice(0, LIMITS.note), author: authorOf(c), created })
    takeThread(ctx, null, children.get(c) ?? [], { claimId: id, replies: [] }, ext, undefined)
  }
}

const target = (claim: Claim): Target => ({ claimId: claim.id, replies: claim.replies })

/**
 * A thread on a claim: the claim's own comment (its done mark), then its replies. A reply the review
 * has (by its marker, or the same author and words) is not added again.
 */
function takeThread(
  ctx: WordContext,
  own: WordComment | null,
  replies: WordComment[],
  t: Target,
  ext: CommentExtras,
  claim: Claim | undefined,
): void {
  if (own && claim && ext.done.has(own.paraId) && claim.status !== 'checked') resolve(ctx, claim, authorOf(own))
  const markers = new Set(t.replies.map((r) => replyMarker(r.id)))
  for (const r of replies) {
    if (markers.has(r.initials) || /^FD[0-9a-f]{8}$/.test(r.initials)) continue
    const body = r.body.slice(0, LIMITS.note)
    if (!body) continue
    const author = authorOf(r)
    if (t.replies.some((x) => x.author === author && x.body.trim() === body)) continue
    const created = wordDate(r.date, new Date().toISOString())
    const id = derivedId(ctx, 'reply', t.claimId, author, r.date, body)
    const version = derivedId(ctx, 'reply-version', id)
    ctx.out.replies.push({
      id,
      claimId: t.claimId,
      author,
      body,
      created,
      modified: created,
      revision: 1,
      deleted: false,
      version,
      history: [version],
    })
  }
}

/** Marked done in Word: listed; the claim becomes checked only when the importer said so. */
function resolve(ctx: WordContext, claim: Claim, author: string): void {
  if (ctx.out.resolved.some((r) => r.claimId === claim.id)) return
  ctx.out.resolved.push({ claimId: claim.id, exact: claim.exact, author, accepted: ctx.acceptResolved })
  if (!ctx.acceptResolved) return
  const history = ctx.histories.get(claim.id) ?? [claim.version]
  const version = derivedId(ctx, 'resolved', claim.id, claim.version)
  const now = new Date().toISOString()
  ctx.out.claims.push({
    id: claim.id,
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.start,
    end: claim.end,
    anchored: claim.anchored,
    textChanged: claim.textChanged,
    verdict: claim.verdict,
    status: 'checked',
    note: claim.note,
    author: claim.author,
    created: claim.created,
    modified: now,
    modifiedBy: ctx.importer,
    revision: claim.revision + 1,
    deleted: false,
    version,
    history: [...new Set([...history, claim.version, version])],
  })
}

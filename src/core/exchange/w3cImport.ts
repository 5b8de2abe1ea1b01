import { importNote, type ImportNote } from '../../shared/exchange'
import { LIMITS } from '../../shared/domain'
import { codePointLength } from '../../shared/text'
import { verdictFromLabel } from '../../shared/verdicts'
import { fuzzyBudget, fuzzyBudgetNote } from '../document/anchoring'
import { contentHash } from '../review/store'
import { bundleClaimSchema, bundleSourceSchema, type BundleClaim, type BundleSource } from './bundle'
import type { IncomingReview } from './merge'
import { IMPORT_LIMITS } from './safeJson'
import { check, parseAnnotation, place, versionOf, type Parsed } from './w3cAnnotation'
import { idFor, UUID_URN } from './w3cBodies'
import { asExportIri, type ClaimOrigin } from './w3cOrigin'
import { annotationsOf, creatorNames, optionalTime, refuser, targetIds } from './w3cRead'
import { claimDigest, sourceDigest, X } from './w3cShared'
import {
  bundleReplySchema,
  bundleTagSchema,
  type BundleReply,
  type BundleTag,
  type BundleTagStyle,
} from './bundleThread'
import { foreignTag, isFactdeskReply, readReply, readTag } from './w3cThread'
import { normalizeTagName } from '../../shared/thread'
import { FactdeskError } from '../../shared/errors'

/** A claim before its version is known; Factdesk's extension values are checked by the bundle schema. */
type Draft = Omit<BundleClaim, 'status' | 'modifiedBy' | 'revision'> & {
  status: unknown
  modifiedBy: unknown
  revision: unknown
}

/** W3C Web Annotations as an import: claims anchored on the open essay by their selectors. */
export function readW3c(name: string, value: unknown, openText: string): IncomingReview {
  const refuse = refuser(name)
  const annotations = annotationsOf(value, refuse)
  const names = creatorNames(annotations)
  const parsed = annotations.map((a, i) => parseAnnotation(a, i, refuse, names))
  const byRawId = new Map<string, Parsed>()
  for (const p of parsed) {
    if (byRawId.has(p.rawId)) p.at('another annotation in the file has the same id')
    byRawId.set(p.rawId, p)
  }
  const textHash = contentHash(openText)
  const length = codePointLength(openText)
  const importTime = new Date().toISOString()
  const drafts = new Map<string, { p: Parsed; claim: Draft }>()
  const replies: { p: Parsed; to: string }[] = []
  const otherPages = new Map<string, number>()
  const unknownRatings = new Set<string>()
  let skipped = 0
  let unplaced = 0
  let orphans = 0
  let unrated = 0
  const refusedLinks: string[] = []
  const quotes = new Map<string, string>()
  const origins: ClaimOrigin[] = []
  const budget = fuzzyBudget()

  for (const p of parsed) {
    const to = p.motivations.includes('replying')
      ? targetIds(p.raw.target).find((id) => id !== p.rawId && byRawId.has(id))
      : undefined
    if (to !== undefined) {
      replies.push({ p, to })
      continue
    }
    if (!p.target) {
      if (p.motivations.includes('replying')) orphans++
      else skipped++
      continue
    }
    const anchor = place(p.target, openText, length, budget)
    if (!anchor) {
      unplaced++
      continue
    }
    // The open essay reads other words than the annotation quoted: the merge lists and marks the claim.
    if (p.target.exact !== undefined && anchor.anchored && anchor.exact !== p.target.exact.normalize('NFC'))
      quotes.set(idFor(p.rawId), p.target.exact)
    if (p.target.source && p.target.textHash !== textHash)
      otherPages.set(p.target.source, (otherPages.get(p.target.source) ?? 0) + 1)
    const b = p.bodies
    const unknown = b.verdict ? [] : b.ratings.filter((r) => r && !verdictFromLabel(r))
    const verdict = b.verdict ?? b.ratings.map(verdictFromLabel).find(Boolean)
    if (!verdict && unknown.length > 0) {
      unrated++
      for (const r of unknown) unknownRatings.add(r)
    }
    const notes = b.comments.length > 0 ? [b.comments.join('\n\n')] : []
    for (const r of unknown) notes.push(`Original rating: ${r}`)
    // Tags become Factdesk tags; only one Factdesk cannot name so stays in the note, as the file wrote it.
    const untaggable = b.tags.filter((t) => !normalizeTagName(t).ok)
    if (untaggable.length > 0) notes.push(`Tags: ${untaggable.join(', ')}`)
    refusedLinks.push(...b.refused)
    const x = p.raw
    const created = p.created ?? p.modified ?? importTime
    const claim = {
      id: idFor(p.rawId),
      ...anchor,
      verdict: verdict ?? 'unrated',
      status: x[X.status] ?? 'open',
      note: notes.join('\n\n'),
      author: p.creator,
      created,
      modified: p.modified ?? created,
      modifiedBy: x[X.modifiedBy] ?? p.creator,
      revision: x[X.revision] ?? 1,
      deleted: false,
      version: '',
      history: [],
    }
    if (drafts.has(claim.id)) p.at('its id names the same claim as another annotation in the file')
    drafts.set(claim.id, { p, claim })
    // Factdesk's own export carries the original id as `via`; any other id is the original.
    const via = asExportIri(UUID_URN.test(p.rawId) ? x.via : p.rawId) ?? ''
    const canonical = asExportIri(x.canonical) ?? ''
    if (via || canonical) origins.push({ claimId: claim.id, via, canonical })
  }

  const replyTo = new Map(replies.map((r) => [r.p.rawId, r.to]))
  const root = (rawId: string): string | undefined => {
    for (let hops = 0; replyTo.has(rawId) && hops <= replies.length; hops++) rawId = replyTo.get(rawId)!
    return drafts.has(idFor(rawId)) ? idFor(rawId) : undefined
  }
  // Every reply answers its thread's claim; a reply from another tool tags that claim with its tags.
  const threadReplies: { p: Parsed; claimId: string; comments: string[] }[] = []
  const replyTags = new Map<string, Parsed[]>()
  for (const { p, to } of replies) {
    const claimId = root(to)
    if (claimId === undefined) {
      orphans++
      continue
    }
    if (isFactdeskReply(p.raw)) {
      threadReplies.push({ p, claimId, comments: p.bodies.comments })
      continue
    }
    const b = p.bodies
    const untaggable = b.tags.filter((t) => !normalizeTagName(t).ok).map((t) => `#${t}`)
    threadReplies.push({ p, claimId, comments: [...b.comments, ...b.ratings.map((r) => `(${r})`), ...untaggable] })
    replyTags.set(claimId, [...(replyTags.get(claimId) ?? []), p])
    drafts.get(claimId)!.p.bodies.links.push(...b.links)
    refusedLinks.push(...b.refused)
  }

  const claims: BundleClaim[] = []
  const sources: BundleSource[] = []
  const tags: BundleTag[] = []
  const tagStyles = new Map<string, BundleTagStyle>()
  const tagIds = new Set<string>()
  const ownReplyList: BundleReply[] = []
  for (const { p, claim } of drafts.values()) {
    if (claim.note.length > LIMITS.note)
      p.at(`its comments, ratings and tags together are longer than ${LIMITS.note} characters`)
    Object.assign(
      claim,
      versionOf(claimDigest({ ...claim, status: String(claim.status), exact: p.target?.exact ?? claim.exact }), p.raw),
    )
    claims.push(check(bundleClaimSchema, claim, p.at))
    for (const link of p.bodies.links) {
      const created = optionalTime(link.ext[X.created], "a link's created time", p.at) ?? claim.created
      const source = {
        id: link.id,
        claimId: claim.id,
        ...link.fields,
        created,
        modified: optionalTime(link.ext[X.modified], "a link's modified time", p.at) ?? created,
        revision: link.ext[X.revision] ?? 1,
        deleted: false,
        ...versionOf(sourceDigest(link.fields), link.ext),
      }
      sources.push(check(bundleSourceSchema, source, p.at))
    }
    for (const body of p.bodies.ownTags) {
      const { tag, style } = readTag(body, claim.id, claim.created, p.at)
      tags.push(check(bundleTagSchema, tag, p.at))
      tagIds.add(tag.id as string)
      if (style) tagStyles.set(style.name, style)
    }
    // The claim's own tags first, then its replies' tags; a name given twice is one tag, as in the app.
    for (const from of [p, ...(replyTags.get(claim.id) ?? [])]) {
      for (const name of from.bodies.tags) {
        const tag = foreignTag(name, claim.id, from.creator, from.created ?? from.modified ?? claim.created)
        if (tag && !tagIds.has(tag.id)) {
          tagIds.add(tag.id)
          tags.push(check(bundleTagSchema, tag, from.at))
        }
      }
    }
  }
  for (const { p, claimId, comments } of threadReplies) {
    const reply = readReply(p.raw, { ...p, comments }, claimId, importTime, versionOf)
    if (reply.body) ownReplyList.push(check(bundleReplySchema, reply, p.at))
  }
  if (claims.length === 0) {
    throw new FactdeskError('import-nothing-selected', { file: refuse.file })
  }
  if (sources.length > IMPORT_LIMITS.sources) {
    throw new FactdeskError('import-too-many', {
      file: refuse.file,
      what: 'sources',
      limit: IMPORT_LIMITS.sources,
      found: sources.length,
    })
  }
  const ids = new Set(claims.map((c) => c.id))
  for (const s of [...sources, ...tags, ...ownReplyList]) {
    if (ids.has(s.id)) refuse(`the id ${s.id} is given to more than one claim, source, tag or reply`)
    ids.add(s.id)
  }

  const notes: ImportNote[] = []
  for (const [page, n] of [...otherPages].slice(0, 5))
    notes.push(importNote('annotations-other-page', { count: n, page: page.slice(0, 300) }))
  if (otherPages.size > 5) notes.push(importNote('annotations-more-pages', { pages: otherPages.size - 5 }))
  if (skipped) notes.push(importNote('annotations-no-selector', { count: skipped }))
  if (budget.skipped) notes.push(fuzzyBudgetNote(budget.skipped))
  if (unplaced) notes.push(importNote('annotations-outside', { count: unplaced }))
  if (orphans) notes.push(importNote('replies-orphaned', { count: orphans }))
  if (unrated)
    notes.push(
      importNote('ratings-unknown', {
        count: unrated,
        labels: [...unknownRatings].slice(0, 10).map((l) => l.slice(0, 100)),
      }),
    )
  if (refusedLinks.length)
    notes.push(importNote('links-refused', { count: refusedLinks.length, links: [...new Set(refusedLinks)] }))
  return {
    format: 'w3c',
    documentText: openText,
    claims,
    sources,
    replies: ownReplyList,
    tags,
    tagStyles: [...tagStyles.values()],
    notes,
    quotes,
    origins,
  }
}

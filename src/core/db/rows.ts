import type { Claim, Correction, Source } from '../../shared/domain'
import type { DeskClaim } from '../../shared/deskClaim'
import type { Reply } from '../../shared/thread'
import type { DeskDocument, DocumentView } from '../../shared/contract'
import type { Block } from '../../shared/essay'

export interface ClaimRow {
  id: string
  document_id: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  verdict: Claim['verdict']
  status: Claim['status']
  note: string
  author: string
  created: string
  modified: string
  modified_by: string
  revision: number
  deleted: number
  version: string
  anchored: number
  text_changed: number
}

export interface SourceRow {
  id: string
  claim_id: string
  url: string
  title: string
  publisher: string
  published: string
  accessed: string
  excerpt: string
  archive_url: string
  created: string
  modified: string
  revision: number
  deleted: number
  version: string
}

/** What a claim carries besides its own row. */
export type ClaimRelated = Pick<
  Claim,
  'sources' | 'corrections' | 'hasConflict' | 'tags' | 'replies' | 'assignee' | 'signedOff'
>

export function toClaim(r: ClaimRow, related: ClaimRelated): Claim {
  return {
    id: r.id,
    documentId: r.document_id,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    verdict: r.verdict,
    status: r.status,
    note: r.note,
    author: r.author,
    created: r.created,
    modified: r.modified,
    modifiedBy: r.modified_by,
    revision: r.revision,
    version: r.version,
    anchored: r.anchored === 1,
    textChanged: r.text_changed === 1,
    ...related,
  }
}

/** The columns of a claim the desk's page reads (core/claims/queries.ts listDeskClaims). */
export type DeskClaimRow = Pick<
  ClaimRow,
  | 'id'
  | 'exact'
  | 'start'
  | 'end'
  | 'verdict'
  | 'status'
  | 'note'
  | 'author'
  | 'created'
  | 'modified'
  | 'anchored'
  | 'text_changed'
>

/**
 * A literal of its own rather than `toClaim`'s fields picked: it runs for each of the thousands of claims
 * the desk opens with, from a row read without the columns `toClaim` needs.
 */
export function toDeskClaim(r: DeskClaimRow, related: ClaimRelated): DeskClaim {
  return {
    id: r.id,
    exact: r.exact,
    start: r.start,
    end: r.end,
    verdict: r.verdict,
    status: r.status,
    note: r.note,
    author: r.author,
    created: r.created,
    modified: r.modified,
    anchored: r.anchored === 1,
    textChanged: r.text_changed === 1,
    ...related,
  }
}

export function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    claimId: r.claim_id,
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    accessed: r.accessed,
    excerpt: r.excerpt,
    archiveUrl: r.archive_url,
    created: r.created,
    modified: r.modified,
    revision: r.revision,
    version: r.version,
  }
}

export interface CorrectionRow {
  id: string
  claim_id: string
  original: string
  replacement: string
  explanation: string
  state: Correction['state']
  proposed_by: string
  proposed: string
  applied_by: string
  applied: string
  modified: string
  revision: number
  deleted: number
  version: string
}

export function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id,
    claimId: r.claim_id,
    original: r.original,
    replacement: r.replacement,
    explanation: r.explanation,
    state: r.state,
    proposedBy: r.proposed_by,
    proposed: r.proposed,
    appliedBy: r.applied_by,
    applied: r.applied,
  }
}

export interface DocumentRow {
  id: string
  title: string
  blocks_json: string
  text: string
  content_hash: string
  language: string
}

/** The essay as the contract's DocumentView. */
export function toDocumentView(r: DocumentRow): DocumentView {
  return {
    id: r.id,
    title: r.title,
    blocks: JSON.parse(r.blocks_json) as Block[],
    text: r.text,
    hash: r.content_hash,
    lang: essayLang(r.language, r.text),
  }
}

/** A declared language that is a BCP 47 tag (`ko`, `en-GB`), else Korean where the text has Hangul, else English. */
export function essayLang(declared: string | null | undefined, text: string | { hangul: boolean }): string {
  const tag = (declared ?? '').trim()
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return tag
  const hangul = typeof text === 'string' ? /[\uac00-\ud7a3]/.test(text) : text.hangul
  return hangul ? 'ko' : 'en'
}

/**
 * The essay's row as the desk reads it: whether its text has Hangul (the same range as `essayLang`'s)
 * is asked of SQLite, so the text itself is neither read into a string nor sent.
 */
export interface DeskDocumentRow {
  id: string
  title: string
  blocks_json: string
  language: string
  hangul: number
  content_hash: string
  modified: string
}

/** Which save of the essay a document row is (DeskDocument's `savedAs`): its text's hash and the time it was saved. */
export const savedAsOf = (r: { content_hash: string; modified: string }): string => `${r.content_hash}@${r.modified}`

export function toDeskDocument(r: DeskDocumentRow): DeskDocument {
  return {
    id: r.id,
    title: r.title,
    blocks: JSON.parse(r.blocks_json) as Block[],
    lang: essayLang(r.language, { hangul: r.hangul === 1 }),
    savedAs: savedAsOf(r),
  }
}

export interface ReplyRow {
  id: string
  claim_id: string
  author: string
  body: string
  created: string
  modified: string
  revision: number
  deleted: number
  version: string
}

export interface TagRow {
  id: string
  claim_id: string
  name: string
  author: string
  created: string
  modified: string
  revision: number
  deleted: number
  version: string
}

export function toReply(r: ReplyRow): Reply {
  return {
    id: r.id,
    claimId: r.claim_id,
    author: r.author,
    body: r.body,
    created: r.created,
    modified: r.modified,
    revision: r.revision,
    version: r.version,
  }
}

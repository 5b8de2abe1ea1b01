import { IMPORT_LIMITS } from '../safeJson'
import { WORD_REVIEW_PROPERTY, type WordImportResult } from '../../../shared/wordReview'
import { importNote, type ImportSummary } from '../../../shared/exchange'
import type { ReviewStore } from '../../review/store'
import type { IncomingReview } from '../merge'
import { align } from './align'
import { importChanges, listTextDiffers } from './changes'
import { importComments } from './comments'
import type { WordContext } from './context'
import { FactdeskError } from '../../../shared/errors'
import { readBody, readComments, readCommentsExtended, readCustomProperties } from './ooxml'
import { readZipParts } from './zip'
import { listClaims } from '../../claims/queries'
import { readDocument } from '../../document/queries'

/**
 * A reviewed Word document as an import (src/core/exchange/files.ts importFile): its replies, new
 * claims and proposed corrections become an IncomingReview that the ordinary merge takes in ONE
 * transaction — so the import summary, Undo import, the import log, the worker and Cancel work as for
 * every other file, and importing the same document twice adds nothing (every id is derived from what
 * the document says). docs/word-round-trip.md describes the round trip.
 */
const PARTS = ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'docProps/custom.xml'] as const

export interface WordImportOptions {
  acceptResolved?: boolean
}

interface WordParts {
  body: ReturnType<typeof readBody>
  comments: ReturnType<typeof readComments>
  ext: ReturnType<typeof readCommentsExtended>
  props: Map<string, string>
}

/** Every part the import reads, checked (limits, well-formed XML, no DOCTYPE); refuses the file otherwise. */
export function readWordParts(file: string, bytes: Uint8Array): WordParts {
  const parts = readZipParts(file, bytes, PARTS)
  const documentXml = parts.get('word/document.xml')
  if (documentXml === undefined) {
    throw new FactdeskError('word-no-document', { file })
  }
  const body = readBody(file, documentXml)
  const comments = readComments(file, parts.get('word/comments.xml'))
  if (comments.length > IMPORT_LIMITS.claims) {
    throw new FactdeskError('word-too-many-comments', { file, count: comments.length, limit: IMPORT_LIMITS.claims })
  }
  const ext = readCommentsExtended(file, parts.get('word/commentsExtended.xml'))
  const props = readCustomProperties(file, parts.get('docProps/custom.xml'))
  return { body, comments, ext, props }
}

/**
 * Without a review to read it against (the command line's check before it opens the review, and
 * `factdesk validate`): the file is checked and nothing else is known yet.
 */
export function checkWordFile(file: string, bytes: Uint8Array): IncomingReview {
  const { comments } = readWordParts(file, bytes)
  return {
    format: 'docx',
    documentText: '',
    claims: [],
    sources: [],
    notes: [importNote('word-checked', { file, count: comments.length })],
  }
}

export function readWordIncoming(
  store: ReviewStore,
  file: string,
  bytes: Uint8Array,
  importer: string,
  options: WordImportOptions = {},
): IncomingReview {
  const { body, comments, ext, props } = readWordParts(file, bytes)
  const doc = readDocument(store)
  const own = props.get(WORD_REVIEW_PROPERTY) === doc.id
  const essay = Array.from(doc.text)
  const ctx: WordContext = {
    file,
    reviewId: doc.id,
    importer,
    acceptResolved: options.acceptResolved === true,
    essay,
    doc: Array.from(body.text),
    align: align(body.text, doc.text),
    claims: listClaims(store),
    added: [],
    histories: store.versionHistories(),
    out: { claims: [], replies: [], corrections: [], notes: [], resolved: [], notFound: [], textDiffers: [] },
  }
  if (!own) {
    ctx.out.notes.push(importNote('word-not-own-export', { file }))
  }
  importComments(ctx, comments, body.ranges, ext, own)
  importChanges(ctx, body.changes)
  listTextDiffers(ctx)
  const { out } = ctx
  return {
    format: 'docx',
    // The claims are placed on this essay's words already: the merge takes their positions as they are.
    documentText: doc.text,
    claims: out.claims,
    sources: [],
    replies: out.replies,
    corrections: out.corrections,
    notes: out.notes,
    summarize: (summary: ImportSummary) => {
      const word: WordImportResult = {
        repliesAdded: summary.repliesAdded ?? 0,
        claimsAdded: summary.added,
        correctionsProposed: summary.correctionsChanged ?? 0,
        resolved: out.resolved.length,
        notFound: out.notFound.length,
        resolvedClaims: out.resolved,
        notFoundComments: out.notFound,
        textDiffers: out.textDiffers,
        ownExport: own,
      }
      summary.word = word
    },
  }
}

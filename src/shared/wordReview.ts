/**
 * What importing a reviewed Word document did (src/core/exchange/word/): the counts the summary shows
 * and the lists the reviewer acts on. Part of ImportSummary as `word`.
 */
export interface WordResolved {
  claimId: string
  exact: string
  /** Who marked the comment done in Word (its author; Word does not record who resolved it). */
  author: string
  /** The import set the claim's status to checked (the importer confirmed, e.g. --accept-resolved). */
  accepted: boolean
}

export type WordNotFoundReason = 'marker-gone' | 'text-not-found' | 'no-range'

export interface WordNotFound {
  author: string
  comment: string
  /** The words the comment was on in the document ('' when it pointed at none). */
  quote: string
  reason: WordNotFoundReason
}

/** Words the document reads differently from the essay, changed without tracking: never applied. */
export interface WordTextDiffers {
  essay: string
  document: string
}

export interface WordImportResult {
  repliesAdded: number
  claimsAdded: number
  correctionsProposed: number
  /** Comments marked done in Word on claims that are not checked here (listed in `resolvedClaims`). */
  resolved: number
  /** Comments that could not be placed on the essay (listed in `notFoundComments`). */
  notFound: number
  resolvedClaims: WordResolved[]
  notFoundComments: WordNotFound[]
  textDiffers: WordTextDiffers[]
  /** The document is an export of this review (its custom property names the review). */
  ownExport: boolean
}

/** The custom document properties a for-review export writes (docProps/custom.xml). */
export const WORD_REVIEW_PROPERTY = 'FactdeskReview'
export const WORD_EXPORT_PROPERTY = 'FactdeskExport'

/**
 * The marker of a claim's comment (and of a reply's) in the comment's initials: "FD" or "FDR" and the
 * first eight hex digits of the id. Initials are kept by Word and LibreOffice as they are (see
 * docs/word-round-trip.md); the import resolves them against this review's ids.
 */
export const claimMarker = (id: string): string => `FD${id.replace(/-/g, '').slice(0, 8)}`
export const replyMarker = (id: string): string => `FDR${id.replace(/-/g, '').slice(0, 8)}`

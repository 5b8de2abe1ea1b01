import type { ExportedFile } from '../../shared/exchange'
import type { ExportCounts, RepublishFormat, RepublishOptions } from '../../shared/republish'
import { fileBase } from '../lib/names'
import type { ReviewStore } from '../review/store'
import { awaitingReconfirmation, renderClaimReview, reviewedClaims } from './claimReview'
import { renderCsv } from './csv'
import { renderXlsx } from './xlsx'
import { renderDocx } from './docx'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { forReaders, gatherRepublishData, isRated, READER_FORMATS, signedOffOnly, type RepublishData } from './model'
import { chromiumPdfRenderer, type PdfRenderer } from './pdf'
import { readDocument } from '../document/queries'

export { scaleOf } from './model'
export type { PdfRenderer } from './pdf'

export interface RepublishDeps {
  /** How to print HTML to PDF; headless Chromium when not given. */
  renderPdf?: PdfRenderer
}

/** The tables of claims list every claim, those not found in the essay too. */
const isTable = (format: RepublishFormat): boolean => format === 'csv' || format === 'xlsx'

function counts(
  data: RepublishData,
  format: RepublishFormat,
  unratedLeftOut: number,
  unsignedLeftOut: number,
): ExportCounts {
  const claims =
    format === 'markdown'
      ? []
      : format === 'claimreview'
        ? reviewedClaims(data)
        : isTable(format)
          ? [...data.claims, ...data.unattached]
          : data.claims
  // ClaimReview leaves these claims out; HTML, PDF, DOCX and annotated Markdown label them.
  const textChanged =
    format === 'claimreview'
      ? awaitingReconfirmation(data).length
      : format === 'markdown' || isTable(format)
        ? 0
        : claims.filter((c) => c.textChanged).length
  return {
    claims: claims.length,
    rated: claims.filter((c) => isRated(data, c)).length,
    sources: claims.reduce((n, c) => n + c.sources.length, 0),
    corrections: isTable(format) || format === 'claimreview' ? 0 : data.corrections.length,
    ...(textChanged > 0 ? { textChanged } : {}),
    ...(unratedLeftOut > 0 ? { unratedLeftOut } : {}),
    ...(unsignedLeftOut > 0 ? { unsignedLeftOut } : {}),
    // The essay-shaped exports show claims in the text, so one not found there is left out: say so.
    notFound: format === 'markdown' || isTable(format) || format === 'claimreview' ? 0 : data.unattached.length,
  }
}

const utf8 = (fileName: string, mimeType: string, data: string): Omit<ExportedFile, 'counts'> => ({
  fileName,
  mimeType,
  encoding: 'utf8',
  data,
})
const binary = (fileName: string, mimeType: string, data: Buffer): Omit<ExportedFile, 'counts'> => ({
  fileName,
  mimeType,
  encoding: 'base64',
  data: data.toString('base64'),
})

/** Renders one export for republication from the review as it is now. */
export async function exportRepublication(
  store: ReviewStore,
  format: RepublishFormat,
  options: RepublishOptions = {},
  deps: RepublishDeps = {},
): Promise<ExportedFile> {
  const gathered = gatherRepublishData(store, options)
  // A copy for reviewers holds every claim, rated or not: they comment on all of them.
  const forReview = format === 'docx' && options.forReview === true
  const rated =
    READER_FORMATS.includes(format) && !forReview ? forReaders(gathered, options.includeUnrated === true) : gathered
  // An export that requires sign-off publishes no verdict an editor has not approved.
  const data =
    options.signedOffOnly && !forReview && (READER_FORMATS.includes(format) || format === 'claimreview')
      ? signedOffOnly(rated)
      : rated
  const base = fileBase(data.doc.title, 'essay')
  let file: Omit<ExportedFile, 'counts'>
  switch (format) {
    case 'markdown':
      file = utf8(`${base}.md`, 'text/markdown', renderMarkdown(data, false))
      break
    case 'markdown-annotated':
      file = utf8(`${base}.factcheck.md`, 'text/markdown', renderMarkdown(data, true))
      break
    case 'html':
      file = utf8(`${base}.html`, 'text/html', renderHtml(data))
      break
    case 'pdf':
      file = binary(`${base}.pdf`, 'application/pdf', await (deps.renderPdf ?? chromiumPdfRenderer())(renderHtml(data)))
      break
    case 'docx':
      file = binary(
        forReview ? `${base}.review.docx` : `${base}.docx`,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        await renderDocx(data, forReview ? { reviewId: readDocument(store).id } : undefined),
      )
      break
    case 'csv':
      file = utf8(`${base}.claims.csv`, 'text/csv', renderCsv(data))
      break
    case 'xlsx':
      file = binary(
        `${base}.claims.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await renderXlsx(data),
      )
      break
    case 'claimreview':
      file = utf8(`${base}.claimreview.jsonld`, 'application/ld+json', renderClaimReview(data))
      break
  }
  return {
    ...file,
    counts: counts(
      data,
      format,
      gathered.claims.length - rated.claims.length,
      rated.claims.length - data.claims.length,
    ),
  }
}

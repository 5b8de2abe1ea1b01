import { exportRepublication } from '../core/republish'
import { chromiumPdfRenderer } from '../core/republish/pdf'
import { isHttpUrl } from '../shared/url'
import { isRepublishFormat, type RepublishFormat } from '../shared/republish'
import type { ExportedFile, ExportFormat } from '../shared/exchange'
import type { ReviewStore } from '../core/review/store'
import { UsageError, type ParsedArgs } from './args'

/** `factdesk export` for republication: the formats, their flags and how they are described. */
export const republishFormatText: Record<RepublishFormat, string> = {
  markdown: 'Markdown essay',
  'markdown-annotated': 'Markdown essay with fact-check footnotes',
  html: 'standalone HTML page',
  pdf: 'PDF',
  docx: 'Word document with comments',
  csv: 'CSV table of claims',
  xlsx: 'spreadsheet of claims (Excel, LibreOffice)',
  claimreview: 'schema.org ClaimReview file (JSON-LD)',
}

export const REPUBLISH_SYNOPSIS =
  'markdown|html|pdf|docx|csv|xlsx|claimreview [--clean|--annotated] [--url <fact-check page>] [--include-unrated] [--signed-off-only]'

export const REPUBLISH_OPTIONS = [
  '                   for republication: markdown (the essay; --clean, the default, or --annotated with',
  '                   a footnote per claim), html (a printable page), pdf (needs Chromium), docx (Word,',
  '                   a comment on each claim), csv or xlsx (one row per claim) or claimreview (schema.org JSON-LD)',
  '  --clean          Markdown without marks (the default)',
  '  --annotated      Markdown with a footnote after each claim: verdict, note, sources',
  "  --url <address>  the fact-check page for ClaimReview (instead of the review's setting)",
  '  --include-unrated  html, pdf, docx: also the claims without a verdict, labelled unchecked',
  '  --signed-off-only  html, pdf, docx, claimreview: only the claims whose verdict an editor signed off',
  '                   (by default readers see only claims with a verdict)',
  '  --for-review     docx: a copy to send to reviewers in Word (every claim, each comment marked with',
  '                   its claim); import it back with factdesk import reviewed.docx --review <review file>',
]

/** The format asked for, with --clean / --annotated folded into Markdown's two kinds. */
export function resolveFormat(format: string, args: ParsedArgs, command: string): string {
  const clean = args.flags.has('--clean')
  const annotated = args.flags.has('--annotated')
  if (clean && annotated) throw new UsageError('give --clean or --annotated, not both.', command)
  if ((clean || annotated) && format !== 'markdown' && format !== 'markdown-annotated') {
    throw new UsageError(`--clean and --annotated apply to --format markdown only.`, command)
  }
  if (format === 'markdown-annotated' && clean)
    throw new UsageError('--format markdown-annotated cannot be --clean.', command)
  if (format === 'markdown' && annotated) return 'markdown-annotated'
  const url = args.values.get('--url')
  if (url !== undefined) {
    if (format !== 'claimreview') throw new UsageError('--url applies to --format claimreview only.', command)
    if (!isHttpUrl(url)) throw new UsageError(`--url must be an http:// or https:// address (got "${url}").`, command)
  }
  if (args.flags.has('--for-review') && format !== 'docx')
    throw new UsageError('--for-review applies to --format docx only.', command)
  if (args.flags.has('--include-unrated') && !['html', 'pdf', 'docx'].includes(format)) {
    throw new UsageError('--include-unrated applies to --format html, pdf and docx only.', command)
  }
  if (args.flags.has('--signed-off-only') && !['html', 'pdf', 'docx', 'claimreview'].includes(format)) {
    throw new UsageError('--signed-off-only applies to --format html, pdf, docx and claimreview only.', command)
  }
  return format
}

export function isRepublishExport(format: ExportFormat): format is RepublishFormat {
  return isRepublishFormat(format)
}

/** PDF is printed by headless Chromium found through the command's environment (CHROME_PATH, …). */
export function runRepublishExport(
  store: ReviewStore,
  format: RepublishFormat,
  args: ParsedArgs,
  env: NodeJS.ProcessEnv,
): Promise<ExportedFile> {
  const url = args.values.get('--url')
  const options = {
    ...(url ? { factcheckUrl: url } : {}),
    ...(args.flags.has('--include-unrated') ? { includeUnrated: true } : {}),
    ...(args.flags.has('--for-review') ? { forReview: true } : {}),
    ...(args.flags.has('--signed-off-only') ? { signedOffOnly: true } : {}),
  }
  return exportRepublication(store, format, options, { renderPdf: chromiumPdfRenderer({ env }) })
}

import { isSqliteBytes } from '../db/reviewFile'
import { isHttpUrl } from '../../shared/url'
import type { ParsedEssay } from '../document/essayFormat'
import { FactdeskError } from '../../shared/errors'
import { BUNDLE_FORMAT, validateBundle, type ReviewBundle } from './bundle'
import { reviewFileBundle } from './files'
import { parseJsonFile } from './safeJson'

/**
 * A new review made from a review file or bundle takes that file's own essay — text, blocks (so title
 * and byline), source URL and language, corrections applied as they were — so every claim lands on the
 * words and offsets it had there. W3C annotations carry no essay.
 */

/** The essay a bundle carries, ready for openReview. */
export function essayOfBundle(bundle: ReviewBundle): ParsedEssay {
  const meta: Record<string, string> = {}
  // Only a web address is kept: the essay's address becomes a link in exports.
  if (bundle.document.sourceUrl && isHttpUrl(bundle.document.sourceUrl)) meta.source = bundle.document.sourceUrl
  if (bundle.document.language) meta.language = bundle.document.language
  return { blocks: bundle.document.blocks, meta }
}

/** The checked bundle of a review file or review bundle; anything else is refused, saying why. */
export async function bundleOfFile(name: string, bytes: Uint8Array): Promise<ReviewBundle> {
  if (isSqliteBytes(bytes)) {
    return reviewFileBundle(name, bytes)
  }
  const value = parseJsonFile(name, bytes)
  const format =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined
  if (format === BUNDLE_FORMAT) return validateBundle(name, value)
  if (typeof format === 'string' && format.startsWith('factdesk')) {
    throw new FactdeskError('import-newer-format', { file: name, format })
  }
  throw new FactdeskError('new-review-needs-essay', { file: name })
}

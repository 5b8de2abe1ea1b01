import { withTempDir } from '../lib/tempFiles'
import { isSqliteBytes } from '../db/reviewFile'
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ExchangeFormat, ExportedFile, ImportSummary } from '../../shared/exchange'
import { FactdeskError } from '../../shared/errors'
import { isHttpUrl } from '../../shared/url'
import { fileBase } from '../lib/names'
import { ReviewStore } from '../review/store'
import { BUNDLE_FORMAT, exportBundle, validateBundle, type ReviewBundle } from './bundle'
import { mergeIncoming, type IncomingReview } from './merge'
import { adaptIncomingVerdicts } from '../scales/scales'
import { capturingImport } from './importUndo'
import { withoutAutoCheckpoint } from '../db/checkpoint'
import { adoptIncomingScale } from './mergeExtras'
import { IMPORT_LIMITS, parseJsonFile } from './safeJson'
import { assertBundleTotals, assertIncomingTotals } from './importTotals'
import { exportW3cText, isW3cAnnotationData, readW3c } from './w3c'
import { hypothesisNotes, hypothesisToW3c, isHypothesisApiData } from './w3cHypothesis'
import { checkWordFile, readWordIncoming, type WordImportOptions } from './word/wordImport'
import { isZipBytes } from './word/zip'
import { documentTextOf, readDocument } from '../document/queries'
import { openReview } from '../review/open'

export function sha256(bytes: Uint8Array): string {
  return 'sha256:' + createHash('sha256').update(bytes).digest('hex')
}

export function bundleToIncoming(bundle: ReviewBundle, format: IncomingReview['format']): IncomingReview {
  const { replies, tags, tagStyles, events, corrections, republish, verdictScale, dismissedSuggestions, workflow } =
    bundle
  return {
    format,
    documentText: bundle.document.text,
    claims: bundle.claims,
    sources: bundle.sources,
    ...{ replies, tags, tagStyles, events },
    ...{ corrections, republish, verdictScale, dismissedSuggestions, workflow },
    notes: [],
  }
}

/** A review file to import is read from a private copy, so the original is never written to. */
async function readReviewFile(name: string, bytes: Uint8Array): Promise<IncomingReview> {
  return bundleToIncoming(await reviewFileBundle(name, bytes), 'sqlite')
}

/** A review file as a checked bundle: read from a private copy, so the original is never written to. */
export async function reviewFileBundle(name: string, bytes: Uint8Array): Promise<ReviewBundle> {
  return withTempDir(async (dir) => {
    const path = join(dir, 'incoming.factdesk')
    writeFileSync(path, bytes)
    let other: ReviewStore
    try {
      other = openReview(path)
    } catch (err) {
      // The refusal names the file as the user knows it, not the private copy.
      if (err instanceof FactdeskError && err.params.file === path)
        throw FactdeskError.from({ code: (err as FactdeskError).code, params: { ...err.params, file: name } })
      throw new FactdeskError('review-file-damaged', { file: name })
    }
    try {
      // Exports leave out links that are not http(s); an incoming file holding one is refused instead.
      const link = other.db
        .prepare(
          `SELECT url FROM source WHERE url <> '' UNION ALL SELECT archive_url FROM source WHERE archive_url <> ''`,
        )
        .pluck()
        .all() as string[]
      if (link.some((url) => !isHttpUrl(url))) {
        throw new FactdeskError('import-link-not-web', { file: name })
      }
      // A review file is checked like a bundle: it may come from anyone and have been edited with any tool.
      return validateBundle(name, exportBundle(other, ''))
    } catch (err) {
      if (err instanceof FactdeskError) throw err
      throw new FactdeskError('review-file-damaged', { file: name })
    } finally {
      other.close()
    }
  })
}

/**
 * Reads any file Factdesk imports: a review file, a review bundle, W3C Web Annotations or Hypothesis API
 * JSON. `openText` is the open essay's text (or how to read it: only annotations need it).
 */
export async function readIncoming(
  name: string,
  bytes: Uint8Array,
  openText: string | (() => string),
): Promise<IncomingReview> {
  return assertIncomingTotals(name, await readAnyFormat(name, bytes, openText))
}

async function readAnyFormat(
  name: string,
  bytes: Uint8Array,
  openText: string | (() => string),
): Promise<IncomingReview> {
  const essay = () => (typeof openText === 'string' ? openText : openText())
  // The byte cap holds for every kind of file, review files included (they are read whole, then copied).
  if (bytes.byteLength > IMPORT_LIMITS.bytes) {
    throw new FactdeskError('import-too-large', { file: name, limitMb: IMPORT_LIMITS.bytes / 1024 / 1024 })
  }
  if (isSqliteBytes(bytes)) {
    return readReviewFile(name, bytes)
  }
  if (isZipBytes(bytes) || /\.docx$/i.test(name)) return checkWordFile(name, bytes)
  // A review file whose first bytes are not SQLite's is damaged, whatever those bytes are.
  if (/\.factdesk$/i.test(name)) throw new FactdeskError('review-file-damaged', { file: name })
  const value = parseJsonFile(name, bytes)
  const format =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined
  if (typeof format === 'string' && format.startsWith('factdesk')) {
    if (format !== BUNDLE_FORMAT) {
      throw new FactdeskError('import-newer-format', { file: name, format })
    }
    assertBundleTotals(name, value)
    return bundleToIncoming(validateBundle(name, value), 'bundle')
  }
  if (isW3cAnnotationData(value)) return readW3c(name, value, essay())
  if (isHypothesisApiData(value)) {
    const incoming = readW3c(name, hypothesisToW3c(value), essay())
    return { ...incoming, notes: [...hypothesisNotes(value), ...incoming.notes] }
  }
  throw new FactdeskError('import-unknown-format', { file: name })
}

/**
 * Reads, checks, then merges in one transaction; a refused file leaves the review unchanged. Its
 * caller copies the WAL into the file once it has answered (`checkpoint`, `checkpointSoon`:
 * ../db/checkpoint.ts).
 */
export async function importFile(
  store: ReviewStore,
  name: string,
  bytes: Uint8Array,
  importer: string,
  progress: (phase: 'merging') => void = () => undefined,
  options: WordImportOptions = {},
): Promise<ImportSummary> {
  // A Word document is read against the open review (its claims, its essay): ./word/wordImport.ts.
  const word = (isZipBytes(bytes) || /\.docx$/i.test(name)) && bytes.byteLength <= IMPORT_LIMITS.bytes
  const incoming = word
    ? readWordIncoming(store, name, bytes, importer, options)
    : await readIncoming(name, bytes, () => documentTextOf(store.db) ?? readDocument(store).text)
  progress('merging')
  return mergeFile(store, name, bytes, incoming, importer)
}

/**
 * One transaction, every row it writes captured so "Undo import" can take it back (./importUndo.ts):
 * a review without rated claims takes the file's scale, then verdicts the review's scale does not
 * have come in as not yet rated (the original kept in the note), then the merge. Its commit leaves
 * the file's checkpoint to the caller, to run once the summary is on its way (../db/checkpoint.ts).
 */
function mergeFile(
  store: ReviewStore,
  name: string,
  bytes: Uint8Array,
  incoming: IncomingReview,
  importer: string,
): ImportSummary {
  const meta = { fileName: name, fileHash: sha256(bytes), importer }
  const { result, importId } = withoutAutoCheckpoint(store.db, () =>
    capturingImport(store.db, () => {
      const scaleNote = adoptIncomingScale(store, incoming, importer)
      const adapted = adaptIncomingVerdicts(
        store,
        scaleNote ? { ...incoming, notes: [...incoming.notes, scaleNote] } : incoming,
      )
      return mergeIncoming(store, adapted, meta)
    }),
  )
  return { ...result, importId }
}

export async function exportReview(store: ReviewStore, format: ExchangeFormat, actor: string): Promise<ExportedFile> {
  const base = fileBase(store.db.prepare(`SELECT title FROM document LIMIT 1`).pluck().get() as string, 'review')
  if (format === 'bundle') {
    return {
      fileName: `${base}.factdesk.json`,
      mimeType: 'application/json',
      encoding: 'utf8',
      data: JSON.stringify(exportBundle(store, actor), null, 2),
    }
  }
  if (format === 'w3c') {
    return {
      fileName: `${base}.annotations.jsonld`,
      mimeType: 'application/ld+json',
      encoding: 'utf8',
      data: exportW3cText(store),
    }
  }
  const data = await withTempDir(async (dir) => {
    const path = join(dir, `${randomUUID()}.factdesk`)
    await store.backupTo(path)
    return readFileSync(path).toString('base64')
  })
  return { fileName: `${base}.factdesk`, mimeType: 'application/vnd.sqlite3', encoding: 'base64', data }
}

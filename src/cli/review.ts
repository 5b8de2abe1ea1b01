import { isSqliteBytes } from '../core/db/reviewFile'
import { withTempDir } from '../core/lib/tempFiles'
import { readPlainDatabase, removeDatabase } from '../core/db/reviewFile'
import { checkpoint } from '../core/db/checkpoint'
import { copyFileSync, existsSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ParsedEssay } from '../core/document/essayFormat'
import { validateBundle, BUNDLE_FORMAT } from '../core/exchange/bundle'
import { importFile, readIncoming } from '../core/exchange/files'
import type { WordImportOptions } from '../core/exchange/word/wordImport'
import { essayOfBundle } from '../core/exchange/newReview'
import { parseJsonFile } from '../core/exchange/safeJson'
import { ReviewStore } from '../core/review/store'
import { FactdeskError } from '../shared/errors'
import { withoutReviewNote, type ImportRun } from './report'
import { CliError, displayName, readInput, syncFolder, withFile } from './files'
import { openReview } from '../core/review/open'
import { documentTextOf, storedEssay } from '../core/document/queries'

export interface Input {
  path: string
  bytes: Uint8Array
}

/** Reads every input before anything is opened for writing: a missing file changes nothing. */
export async function readInputs(paths: string[]): Promise<Input[]> {
  const inputs: Input[] = []
  for (const path of paths) {
    try {
      inputs.push({ path, bytes: await readInput(path) })
    } catch (err) {
      const refused = withFile(err, path)
      throw new CliError(refused.code, `${refused.message} Nothing was imported.`, refused.file, refused.params)
    }
  }
  return inputs
}

export function openExisting(review: string): ReviewStore {
  if (!existsSync(review))
    throw new CliError('not-found', `${review} does not exist; give the path of an existing review file.`, review)
  if (statSync(review).isDirectory()) {
    throw new CliError('invalid-args', `${review} is a folder; give the path of a .factdesk review file.`, review)
  }
  try {
    return openReview(review)
  } catch (err) {
    throw withFile(err, review)
  }
}

/**
 * Imports `inputs` in order into `review`, each in its own transaction. A review that does not exist
 * yet is built under a temporary name and renamed into place once at least one file was imported, so
 * a refused first file leaves no review file behind and no half-made file is ever visible.
 */
export async function importInto(
  review: string,
  inputs: Input[],
  importer: string,
  newEssay: () => Promise<ParsedEssay> | ParsedEssay,
  options: WordImportOptions = {},
): Promise<ImportRun> {
  const exists = existsSync(review)
  let store: ReviewStore
  let workPath = review
  if (exists) {
    // Opening a review for writing migrates a file from an older Factdesk (which then no longer opens in
    // that version), so a refused first file is found before the review is opened.
    const refused = await refusal(inputs[0], review)
    if (refused) return { review, existed: true, created: false, imported: [], failure: refused }
    store = openExisting(review)
  } else {
    const folder = dirname(review)
    if (!existsSync(folder))
      throw new CliError(
        'not-found',
        `${folder} does not exist; create it first, or choose another place for ${review}.`,
        review,
      )
    let essay: ParsedEssay
    try {
      essay = await newEssay()
    } catch (err) {
      const refused = err instanceof CliError ? err : withFile(err, review)
      throw new CliError(
        refused.code,
        `${withoutReviewNote(refused.message)} Nothing was imported; ${review} was not created.`,
        refused.file,
        refused.params,
      )
    }
    workPath = `${review}.tmp-${process.pid}`
    removeDatabase(workPath)
    try {
      store = openReview(workPath, essay)
    } catch (err) {
      removeDatabase(workPath)
      throw withFile(err, review)
    }
  }
  const run: ImportRun = { review, existed: exists, created: false, imported: [] }
  try {
    for (const input of inputs) {
      try {
        run.imported.push(await importFile(store, displayName(input.path), input.bytes, importer, undefined, options))
        // Each file's commit leaves its checkpoint to its caller: here, before the next file.
        checkpoint(store.db)
      } catch (err) {
        run.failure = withFile(err, input.path)
        break
      }
    }
  } finally {
    store.close()
  }
  if (!exists) {
    if (run.imported.length === 0) removeDatabase(workPath)
    else if (existsSync(review)) {
      removeDatabase(workPath)
      throw new CliError(
        'invalid-args',
        `${review} was created by another program while importing; nothing was written to it. Run the command again to import into it.`,
        review,
      )
    } else {
      renameSync(workPath, review)
      syncFolder(dirname(review))
      run.created = true
    }
  }
  return run
}

/**
 * The essay text of a review, read from a private copy: even a read-only connection leaves -wal and -shm
 * files beside a WAL database. Undefined when it cannot be read (opening the review then says why).
 */
function documentText(review: string): string | undefined {
  try {
    return withTempDir((dir) => {
      const copy = join(dir, 'review.factdesk')
      copyFileSync(review, copy)
      return readPlainDatabase(copy, documentTextOf)
    }, 'factdesk-cli-')
  } catch {
    return undefined
  }
}

/** Why `input` would be refused by `review` (read without opening it for writing), or null. */
async function refusal(input: Input | undefined, review: string): Promise<CliError | null> {
  if (!input) return null
  const text = documentText(review)
  if (text === undefined) return null
  try {
    await readIncoming(displayName(input.path), input.bytes, text)
    return null
  } catch (err) {
    return withFile(err, input.path)
  }
}

/**
 * Whether `input` carries its own essay (a review file or a Factdesk bundle; W3C annotations do not).
 * A review started from such a file takes that essay, as the file's reviewer left it (corrections
 * applied), so every claim lands on the words and offsets it had there.
 */
export function carriesEssay(input: Input): boolean {
  if (isSqliteBytes(input.bytes)) return true
  try {
    const value = parseJsonFile(displayName(input.path), input.bytes) as { format?: unknown } | null
    return typeof value?.format === 'string' && value.format.startsWith('factdesk')
  } catch {
    return false
  }
}

/** The essay of a review file or bundle, for starting a new review from it (`merge`, `import`). */
export async function essayOf(input: Input): Promise<ParsedEssay> {
  const name = displayName(input.path)
  if (isSqliteBytes(input.bytes)) return essayOfReviewFile(input)
  const value = parseJsonFile(name, input.bytes)
  const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined
  if (typeof format === 'string' && format.startsWith('factdesk')) {
    if (format !== BUNDLE_FORMAT) {
      throw new CliError(
        'invalid-file',
        `${name}: "${format}" is not a format this version of Factdesk knows. Update Factdesk to read it.`,
        input.path,
      )
    }
    return essayOfBundle(validateBundle(name, value))
  }
  throw new CliError(
    'invalid-file',
    `${name}: a new review starts from the essay in the first file, and this is not a Factdesk review file or bundle ` +
      '(W3C annotations carry no essay). Put a review file or bundle first, or use `factdesk import` to start from the bundled essay.',
    input.path,
  )
}

/**
 * Runs `fn` with a private copy of a review file open: opening a review may migrate it, and a file the CLI
 * only reads is never written to. Messages name the file the user gave, not the copy.
 */
export async function withReviewCopy<T>(input: Input, fn: (store: ReviewStore) => Promise<T> | T): Promise<T> {
  return withTempDir(async (dir) => {
    const copy = join(dir, 'copy.factdesk')
    writeFileSync(copy, input.bytes)
    let store: ReviewStore
    try {
      store = openReview(copy)
    } catch (err) {
      if (!(err instanceof FactdeskError)) throw withFile(err, input.path)
      const params = err.params.file === copy ? { ...err.params, file: input.path } : err.params
      const named = FactdeskError.from({ code: (err as FactdeskError).code, params })
      throw new CliError(named.code, named.message, input.path, named.params)
    }
    try {
      return await fn(store)
    } finally {
      store.close()
    }
  }, 'factdesk-cli-')
}

function essayOfReviewFile(input: Input): Promise<ParsedEssay> {
  return withReviewCopy(input, (other) => {
    const essay = storedEssay(other)
    if (!essay)
      throw new CliError(
        'invalid-file',
        `${displayName(input.path)}: the essay stored in this review file is damaged.`,
        input.path,
      )
    return essay
  })
}

import { hasBytes, withTempDir } from '../core/lib/tempFiles'
import { isSqliteBytes, snapshotDatabase } from '../core/db/reviewFile'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { userInfo } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { readEssayFile } from '../core/document/essayFile'
import type { ParsedEssay } from '../core/document/essayFormat'
import { LIMITS } from '../shared/domain'
import { FactdeskError, type ErrorCode } from '../shared/errors'

/** The command line's own refusals (about its arguments and files) keep these broad codes. */
export type CliCode = ErrorCode | 'not-found' | 'invalid-file' | 'forbidden'

/** A refused input or a failed write: exit code 1, with the file it is about. */
export class CliError extends Error {
  constructor(
    readonly code: CliCode,
    message: string,
    readonly file?: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Turns a file-system error into a message that names the file and says what to do. */
export function fileError(err: unknown, path: string, action: string): CliError {
  const code = (err as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return new CliError('not-found', `${path} does not exist.`, path)
  if (code === 'EISDIR') return new CliError('invalid-args', `${path} is a folder, not a file.`, path)
  if (code === 'EACCES' || code === 'EPERM') {
    return new CliError('forbidden', `${path} could not be ${action}: permission denied.`, path)
  }
  if (code === 'ENOSPC') return new CliError('internal', `${path} could not be ${action}: the disk is full.`, path)
  return new CliError('internal', `${path} could not be ${action} (${(err as Error)?.message ?? String(err)}).`, path)
}

/**
 * The bytes of a file to import. A review file with a write-ahead log beside it (open in the app right
 * now) is read through SQLite, so changes not yet written back into the main file are included.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  let bytes: Buffer
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' })
    bytes = readFileSync(path)
  } catch (err) {
    throw fileError(err, path, 'read')
  }
  if (!isSqliteBytes(bytes) || !hasBytes(`${path}-wal`)) return bytes
  try {
    return await withTempDir(async (dir) => {
      const copy = join(dir, 'snapshot.factdesk')
      await snapshotDatabase(path, copy)
      return readFileSync(copy)
    }, 'factdesk-cli-')
  } catch {
    // The raw bytes are still a consistent (if older) review; importing checks them as usual.
    return bytes
  }
}

/** Writes `<path>.tmp-<pid>`, flushes it to disk, then renames it over `path`; on failure nothing is left. */
export function writeAtomic(path: string, data: Uint8Array): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError('invalid-args', `${path} is a folder; give a file name for --out.`, path)
  }
  const tmp = `${path}.tmp-${process.pid}`
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'w', 0o644)
    let written = 0
    while (written < data.byteLength) written += writeSync(fd, data, written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(tmp, path)
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    rmSync(tmp, { force: true })
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT' && !existsSync(dirname(path))) {
      throw new CliError('not-found', `${path} could not be written: the folder ${dirname(path)} does not exist.`, path)
    }
    throw fileError(err, path, 'written')
  }
  syncFolder(dirname(path))
}

/** Makes a rename durable; some systems cannot open a folder for this, which is not an error. */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // best effort
  }
}

/** resources/essays/seoul-openai.md, two folders up from both src/cli (tsx) and out/cli (the build). */
export function bundledEssayPath(): string {
  return join(__dirname, '..', '..', 'resources', 'essays', 'seoul-openai.md')
}

export function bundledEssay(): ParsedEssay {
  const path = bundledEssayPath()
  try {
    return readEssayFile(path)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new CliError('internal', `the bundled essay ${path} could not be read (${reason}). Reinstall Factdesk.`, path)
  }
}

/** The name recorded as importer or exporter: --as, else the OS user name. */
export function actorName(given: string | undefined, env: NodeJS.ProcessEnv): string {
  if (given !== undefined) return given
  let name = ''
  try {
    name = userInfo().username
  } catch {
    name = env.USER ?? env.USERNAME ?? env.LOGNAME ?? ''
  }
  return name.trim().slice(0, LIMITS.reviewerName) || 'factdesk-cli'
}

/** A name for the import log and for messages about the file: its base name. */
export const displayName = (path: string): string => basename(path)

const ABI_MISMATCH =
  /NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|did not self-register|Could not locate the bindings file|invalid ELF header/

/** The error as { code, message, file } for --json and for the message on stderr. */
export function describeError(err: unknown): {
  code: CliCode
  params: Record<string, unknown>
  message: string
  file?: string
} {
  const described =
    err instanceof CliError
      ? { code: err.code, params: err.params, message: err.message, file: err.file }
      : err instanceof FactdeskError
        ? { code: (err as FactdeskError).code, params: err.params, message: cliMessage(err as FactdeskError) }
        : { code: 'internal' as const, params: {}, message: err instanceof Error ? err.message : String(err) }
  if (ABI_MISMATCH.test(described.message)) {
    // Not the file's fault: the native SQLite module was built for Electron or another Node.
    return {
      code: 'internal',
      params: {},
      message: `better-sqlite3 is not built for this Node (${process.version}); run \`node scripts/native.mjs node\` (or \`npm rebuild better-sqlite3\`) and try again. (${described.message})`,
    }
  }
  return described
}

/** The error, attributed to `path` when it does not already name a file. */
export function withFile(err: unknown, path: string): CliError {
  if (err instanceof CliError && err.file) return err
  const d = describeError(err)
  return new CliError(d.code, d.message, path, d.params)
}

/** The service's English text, with what the command line offers instead of the app's settings. */
export function cliMessage(err: FactdeskError): string {
  if (err.code === 'claimreview-needs-url')
    return err.message.replace('set it in Republication settings', 'set it in Republication settings (or pass --url)')
  return err.message
}

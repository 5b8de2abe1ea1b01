import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportReview } from '../core/exchange/files'
import { exportFormats, type ExportFormat } from '../shared/exchange'
import { UsageError, type CommandSpec } from './args'
import { AS_OPTION, JSON_OPTION, actorFrom, type Command } from './command'
import { CliError, readInput, writeAtomic } from './files'
import { plural } from './report'
import { withReviewCopy } from './review'
import {
  REPUBLISH_OPTIONS,
  REPUBLISH_SYNOPSIS,
  isRepublishExport,
  republishFormatText,
  resolveFormat,
  runRepublishExport,
} from './republish'
import { listClaims } from '../core/claims/queries'

const formatText: Record<ExportFormat, string> = {
  bundle: 'review bundle (JSON)',
  w3c: 'W3C Web Annotation file (JSON-LD)',
  sqlite: 'review file (SQLite)',
  ...republishFormatText,
}

const spec: CommandSpec = {
  name: 'export',
  synopsis: `factdesk export --review <review file> --format bundle|w3c|sqlite|${REPUBLISH_SYNOPSIS} --out <file> [--as <name>] [--json]`,
  summary:
    'Writes a review as a review bundle, W3C Web Annotations or a copy of the review file, or the essay\n' +
    'for republication (Markdown, HTML, PDF, Word, CSV, ClaimReview).\n' +
    'The file is written under a temporary name and renamed into place, so --out is never left half-written.',
  options: [
    '  --review <file>  the review file to export (must exist)',
    '  --format <f>     bundle (JSON for other reviewers), w3c (Web Annotation JSON-LD) or sqlite (a review file);',
    ...REPUBLISH_OPTIONS,
    '  --out <file>     the file to write (replaced if it exists)',
    AS_OPTION.replace('to record', 'to record as exporter'),
    JSON_OPTION,
  ],
  values: ['--review', '--format', '--out', '--as', '--url'],
  booleans: ['--json', '--clean', '--annotated', '--include-unrated', '--for-review', '--signed-off-only'],
  required: ['--review', '--format', '--out'],
  positionals: { name: 'argument', min: 0, max: 0 },
}

/** The same file, even when named differently (a symlink, `./x` and `x`). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p))
  return real(a) === real(b)
}

export const exportCommand: Command = {
  spec,
  async run(args, ctx) {
    const review = args.values.get('--review') as string
    const out = args.values.get('--out') as string
    const format = resolveFormat(args.values.get('--format') as string, args, spec.name) as ExportFormat
    if (!exportFormats.includes(format))
      throw new UsageError(`--format must be one of ${exportFormats.join(', ')} (got "${format}").`, spec.name)
    const actor = actorFrom(args, spec, ctx.env)
    if (!existsSync(review))
      throw new CliError('not-found', `${review} does not exist; give the path of an existing review file.`, review)
    for (const suffix of ['', '-wal', '-shm']) {
      if (sameFile(review + suffix, out))
        throw new CliError('invalid-args', `--out ${out} is the review file itself; choose another file name.`, out)
    }
    // The review is read from a consistent private copy, so exporting never writes to it (not even a migration).
    const { data, claims, textChanged } = await withReviewCopy(
      { path: review, bytes: await readInput(review) },
      async (store) => {
        const file = isRepublishExport(format)
          ? await runRepublishExport(store, format, args, ctx.env)
          : await exportReview(store, format, actor)
        return {
          data: Buffer.from(file.data, file.encoding),
          claims: file.counts?.claims ?? listClaims(store).length,
          textChanged: file.counts?.textChanged ?? 0,
        }
      },
    )
    writeAtomic(out, data)
    const lines = [
      `Exported ${review} as a ${formatText[format]} to ${out} (${plural(claims, 'claim')}, ${plural(data.byteLength, 'byte')}).`,
    ]
    if (textChanged > 0) {
      lines.push(
        format === 'claimreview'
          ? `Left out ${plural(textChanged, 'rated claim')} whose text changed since it was rated; confirm the verdict in Factdesk to publish it.`
          : `${plural(textChanged, 'claim')} labelled: text changed since it was rated, verdict awaiting re-confirmation.`,
      )
    }
    return {
      exitCode: 0,
      json: {
        ok: true,
        command: 'export',
        review,
        format,
        out,
        bytes: data.byteLength,
        claims,
        ...(textChanged > 0 ? { textChanged } : {}),
      },
      lines,
    }
  },
}

import { noteText } from '../shared/exchange'
import { isSqliteBytes } from '../core/db/reviewFile'
import { readIncoming } from '../core/exchange/files'
import { essayText } from '../shared/essay'
import type { CommandSpec } from './args'
import { JSON_OPTION, type Command } from './command'
import { bundledEssay, CliError, displayName, readInput, withFile } from './files'
import { formatNames, plural, withoutReviewNote } from './report'

const spec: CommandSpec = {
  name: 'validate',
  synopsis: 'factdesk validate <file> [--json]',
  summary:
    'Checks that a file is a review file, review bundle or W3C Web Annotations file that Factdesk can import.\n' +
    'W3C annotations are checked against the bundled essay. Nothing is written.',
  options: [JSON_OPTION],
  values: [],
  booleans: ['--json'],
  required: [],
  positionals: { name: 'file to check', min: 1, max: 1 },
}

export const validateCommand: Command = {
  spec,
  async run(args) {
    const path = args.positionals[0]
    const bytes = await readInput(path)
    // A review file or bundle is read against its own text; only W3C annotations need an essay to anchor to.
    const essay = isSqliteBytes(bytes) ? '' : essayText(bundledEssay().blocks)
    let incoming
    try {
      incoming = await readIncoming(displayName(path), bytes, essay)
    } catch (err) {
      // Nothing is imported here, so the core's note about the review is left out.
      const refused = withFile(err, path)
      throw new CliError(refused.code, withoutReviewNote(refused.message), refused.file, refused.params)
    }
    const live = incoming.claims.filter((c) => !c.deleted)
    const result = {
      format: incoming.format,
      claims: live.length,
      deletedClaims: incoming.claims.length - live.length,
      unanchoredClaims: live.filter((c) => !c.anchored).length,
      sources: incoming.sources.filter((s) => !s.deleted).length,
      notes: incoming.notes,
    }
    const lines = [
      `${path}: a valid ${formatNames[incoming.format]} — ${plural(result.claims, 'claim')}` +
        (result.deletedClaims ? ` (and ${result.deletedClaims} deleted)` : '') +
        `, ${plural(result.sources, 'source')}` +
        (result.unanchoredClaims ? `; ${plural(result.unanchoredClaims, 'claim')} not attached to the text` : '') +
        '.',
      ...incoming.notes.map((n) => `  note: ${noteText('en', n)}`),
    ]
    return { exitCode: 0, json: { ok: true, command: 'validate', file: path, ...result }, lines }
  },
}

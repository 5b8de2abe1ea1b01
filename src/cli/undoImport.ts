import { listImports } from '../core/exchange/importLog'
import { undoImport } from '../core/exchange/importUndo'
import type { CommandSpec } from './args'
import { actorFrom, AS_OPTION, JSON_OPTION, type Command } from './command'
import { withFile } from './files'
import { openExisting } from './review'

const spec: CommandSpec = {
  name: 'undo-import',
  synopsis: 'factdesk undo-import --review <review file> [--id <import id>] [--as <name>] [--json]',
  summary:
    'Takes the last import back: the review becomes exactly what it was before that import.\n' +
    'Only while nothing else has changed the review since; run it again for the import before.',
  options: [
    '  --review <file>  the review file (must exist)',
    '  --id <id>        the import to undo (default: the last one that can be); see the import log',
    AS_OPTION.replace('to record', 'to record as the one who undid it'),
    JSON_OPTION,
  ],
  values: ['--review', '--id', '--as'],
  booleans: ['--json'],
  required: ['--review'],
  positionals: { name: 'file', min: 0, max: 0 },
}

export const undoImportCommand: Command = {
  spec,
  async run(args, ctx) {
    const review = args.values.get('--review')!
    const actor = actorFrom(args, spec, ctx.env)
    const store = openExisting(review)
    try {
      const id = undoImport(store.db, args.values.get('--id'), actor)
      const record = listImports(store).find((r) => r.id === id)!
      const next = listImports(store).find((r) => r.canUndo)
      return {
        exitCode: 0,
        json: {
          ok: true,
          command: 'undo-import',
          review,
          undone: { id, fileName: record.fileName, imported: record.imported },
          next: next?.id ?? null,
        },
        lines: [
          `${review}: undid the import of ${record.fileName} (${record.imported}); the review is as it was before it.`,
        ],
      }
    } catch (err) {
      throw withFile(err, review)
    } finally {
      store.close()
    }
  },
}

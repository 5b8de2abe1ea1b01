import type { CommandSpec } from './args'
import { AS_OPTION, JSON_OPTION, actorFrom, type Command } from './command'
import { importPaths } from './import'
import { essayOf } from './review'

const spec: CommandSpec = {
  name: 'merge',
  synopsis: 'factdesk merge <review file or bundle>… --out <review file> [--as <name>] [--json]',
  summary:
    'Merges reviews of the same essay into one review file.\n' +
    'If --out does not exist it is started from the essay of the first input; if it exists, the inputs are merged into it.\n' +
    'Conflicting changes are kept for a reviewer to resolve in Factdesk. The first refused file stops the run.',
  options: ['  --out <file>     the review file to merge into (created if missing)', AS_OPTION, JSON_OPTION],
  values: ['--out', '--as'],
  booleans: ['--json'],
  required: ['--out'],
  positionals: { name: 'review file or bundle', min: 1, max: Infinity },
}

export const mergeCommand: Command = {
  spec,
  async run(args, ctx) {
    const importer = actorFrom(args, spec, ctx.env)
    return importPaths('merge', args.values.get('--out') as string, args.positionals, importer, essayOf)
  },
}

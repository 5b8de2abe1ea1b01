import type { CommandSpec } from './args'
import { activeLockHolder } from '../core/review/reviewLock'
import { AS_OPTION, JSON_OPTION, actorFrom, type Command, type Outcome } from './command'
import type { ParsedEssay } from '../core/document/essayFormat'
import { bundledEssay, describeError } from './files'
import { failureMessage, runLines, type ImportRun } from './report'
import type { WordImportOptions } from '../core/exchange/word/wordImport'
import { carriesEssay, essayOf, importInto, readInputs, type Input } from './review'

/** The outcome of importing a list of files: every summary, and the refused file if there was one. */
function runOutcome(command: string, run: ImportRun, total: number, verb: string): Outcome {
  const base = { command, review: run.review, created: run.created, imported: run.imported }
  if (!run.failure) return { exitCode: 0, json: { ok: true, ...base }, lines: runLines(run, verb) }
  const message = failureMessage(run, total)
  return {
    exitCode: 1,
    json: {
      ok: false,
      ...base,
      error: { code: run.failure.code, params: run.failure.params, message, file: run.failure.file },
    },
    lines: runLines(run, verb),
    errors: [message],
  }
}

/**
 * Imports `paths` into `review` and describes the result. Errors before any file was imported (a missing
 * input, a review that cannot be opened) keep the same JSON shape: nothing imported, nothing created.
 */
export async function importPaths(
  command: string,
  review: string,
  paths: string[],
  importer: string,
  newEssay: (first: Input) => Promise<ParsedEssay> | ParsedEssay,
  options: WordImportOptions = {},
): Promise<Outcome> {
  const verb = command === 'merge' ? 'merged' : 'imported'
  try {
    const inputs = await readInputs(paths)
    // A window with the review open keeps writing; our transaction waits its turn on SQLite's lock.
    const holder = activeLockHolder(review)
    const run = await importInto(review, inputs, importer, () => newEssay(inputs[0]), options)
    const outcome = runOutcome(command, run, inputs.length, verb)
    if (!holder) return outcome
    const where = `process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}`
    return {
      ...outcome,
      json: { ...(outcome.json as object), openIn: holder },
      lines: [...outcome.lines, `The review is open in Factdesk (${where}); the change shows there within a second.`],
    }
  } catch (err) {
    const error = describeError(err)
    return {
      exitCode: 1,
      json: { ok: false, command, review, created: false, imported: [], error },
      lines: [],
      errors: [error.message],
    }
  }
}

const spec: CommandSpec = {
  name: 'import',
  synopsis: 'factdesk import <file>… --review <review file> [--accept-resolved] [--as <name>] [--json]',
  summary:
    'Imports review files (.factdesk), review bundles (.json) or W3C Web Annotations (.jsonld) into a review, in order.\n' +
    'A review file that does not exist is created with the essay of the first file when it is a review file or bundle\n' +
    '(as that file has it, corrections applied), else (W3C annotations) with the bundled essay.\n' +
    'A reviewed Word document (.docx, exported for review) brings its replies, new comments as new claims,\n' +
    'tracked changes as proposed corrections; the text of the essay never changes.\n' +
    'The first refused file stops the run; the files before it stay imported.',
  options: [
    '  --review <file>  the review file to import into (created if missing)',
    '  --accept-resolved  Word: claims whose comment was resolved in Word become checked (else only listed)',
    AS_OPTION,
    JSON_OPTION,
  ],
  values: ['--review', '--as'],
  booleans: ['--json', '--accept-resolved'],
  required: ['--review'],
  positionals: { name: 'file to import', min: 1, max: Infinity },
}

export const importCommand: Command = {
  spec,
  async run(args, ctx) {
    const importer = actorFrom(args, spec, ctx.env)
    const newEssay = (first: Input) => (carriesEssay(first) ? essayOf(first) : bundledEssay())
    const options = { acceptResolved: args.flags.has('--accept-resolved') }
    return importPaths('import', args.values.get('--review') as string, args.positionals, importer, newEssay, options)
  },
}

import { version } from '../../package.json'
import { parseArgs, UsageError, type CommandSpec } from './args'
import type { Command, Context, Outcome } from './command'
import { exportCommand } from './export'
import { describeError } from './files'
import { importCommand } from './import'
import { mergeCommand } from './merge'
import { validateCommand } from './validate'
import { undoImportCommand } from './undoImport'
import { serveCommand } from './serve'

export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  env: NodeJS.ProcessEnv
}

export const commands: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  merge: mergeCommand,
  validate: validateCommand,
  'undo-import': undoImportCommand,
  serve: serveCommand,
}

export const VERSION = version

export function generalUsage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 2
  return [
    'Usage: factdesk <command> [options]',
    '',
    'Factdesk reviews travel as files; these commands bring them together without opening the app.',
    '',
    'Commands:',
    ...Object.values(commands).map(
      ({ spec }) => `  ${spec.name.padEnd(width)}${spec.synopsis.replace(/^factdesk \S+ /, '')}`,
    ),
    '',
    'Options for every command: --json (one JSON object on stdout), --help.',
    '  factdesk --version    print the version',
    '  factdesk <command> --help',
    '',
    'Exit codes: 0 done, 1 a file was refused or could not be written (the message says which and why), 2 wrong usage.',
  ].join('\n')
}

export function commandUsage(spec: CommandSpec): string {
  return [`Usage: ${spec.synopsis}`, '', spec.summary, '', 'Options:', ...spec.options].join('\n')
}

/** Options before a `--` (after it, everything is a file name). */
function options(argv: string[]): string[] {
  const end = argv.indexOf('--')
  return end < 0 ? argv : argv.slice(0, end)
}

function print(io: CliIO, json: boolean, outcome: Outcome): number {
  if (json) io.stdout(JSON.stringify(outcome.json) + '\n')
  else if (outcome.lines.length > 0) io.stdout(outcome.lines.join('\n') + '\n')
  if (outcome.errors?.length) io.stderr(outcome.errors.map((e) => `factdesk: ${e}`).join('\n') + '\n')
  return outcome.exitCode
}

/** Runs one command line; returns the exit code (0 done, 1 bad input, 2 usage). Never exits the process. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const opts = options(argv)
  const json = opts.includes('--json')
  const [name, ...rest] = argv
  const command = name === undefined ? undefined : commands[name]
  try {
    if (name === '--help' || name === '-h') {
      io.stdout(generalUsage() + '\n')
      return 0
    }
    if (name === '--version' || name === '-V') {
      io.stdout(json ? JSON.stringify({ ok: true, version: VERSION }) + '\n' : `factdesk ${VERSION}\n`)
      return 0
    }
    if (name === undefined) throw new UsageError('give a command.')
    if (!command) throw new UsageError(name.startsWith('-') ? `unknown option ${name}.` : `unknown command "${name}".`)
    if (options(rest).some((a) => a === '--help' || a === '-h')) {
      io.stdout(commandUsage(command.spec) + '\n')
      return 0
    }
    const args = parseArgs(command.spec, rest)
    const ctx: Context = { env: io.env, stdout: (text) => io.stdout(text) }
    return print(io, json, await command.run(args, ctx))
  } catch (err) {
    if (err instanceof UsageError) {
      const spec = err.command ? commands[err.command]?.spec : undefined
      io.stderr(`factdesk: ${err.message}\n\n${spec ? commandUsage(spec) : generalUsage()}\n`)
      if (json)
        io.stdout(
          JSON.stringify({
            ok: false,
            command: command ? name : undefined,
            error: { code: 'invalid-args', message: err.message },
          }) + '\n',
        )
      return 2
    }
    const error = describeError(err)
    if (json) io.stdout(JSON.stringify({ ok: false, command: command ? name : undefined, error }) + '\n')
    io.stderr(`factdesk: ${error.message}\n`)
    return 1
  }
}

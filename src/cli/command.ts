import { LIMITS } from '../shared/domain'
import { UsageError, type CommandSpec, type ParsedArgs } from './args'
import { actorName } from './files'

export interface Context {
  env: NodeJS.ProcessEnv
  /** For a command that keeps running (serve) and speaks before it ends. */
  stdout?: (text: string) => void
}

/** What a command did: the exit code, the one JSON object for --json, and lines for people. */
export interface Outcome {
  exitCode: 0 | 1
  json: Record<string, unknown>
  /** Lines for stdout. */
  lines: string[]
  /** Lines for stderr (a refused file after others were imported). */
  errors?: string[]
}

export interface Command {
  spec: CommandSpec
  run(args: ParsedArgs, ctx: Context): Promise<Outcome>
}

export const JSON_OPTION = '  --json           print one JSON object on stdout instead of text'
export const AS_OPTION = '  --as <name>      the reviewer name to record (default: your OS user name)'

/** --as, checked like a reviewer name in the app; else the OS user name. */
export function actorFrom(args: ParsedArgs, spec: CommandSpec, env: NodeJS.ProcessEnv): string {
  const given = args.values.get('--as')
  if (given !== undefined) {
    const name = given.trim()
    if (!name) throw new UsageError('--as needs a name.', spec.name)
    if (name.length > LIMITS.reviewerName)
      throw new UsageError(`--as: a reviewer name has at most ${LIMITS.reviewerName} characters.`, spec.name)
    return name
  }
  return actorName(undefined, env)
}

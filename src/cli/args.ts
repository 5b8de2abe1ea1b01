/** A mistake in how the command was typed: the usage text is shown and the exit code is 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show; none for the general usage. */
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface CommandSpec {
  name: string
  /** One line: `factdesk <name> …`. */
  synopsis: string
  summary: string
  /** Option lines for the command's help. */
  options: string[]
  /** Flags that take a value (`--review file` or `--review=file`). */
  values: string[]
  /** Flags without a value. */
  booleans: string[]
  required: string[]
  positionals: { name: string; min: number; max: number }
}

export interface ParsedArgs {
  positionals: string[]
  values: Map<string, string>
  flags: Set<string>
}

/**
 * Parses the arguments after the command name. `--` ends the options (so a file may be named `-x`);
 * every flag is given at most once; a flag that takes a value must have one.
 */
export function parseArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() }
  const fail = (message: string): never => {
    throw new UsageError(message, spec.name)
  }
  let i = 0
  for (; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (spec.booleans.includes(name)) {
      if (eq > 0) fail(`${name} takes no value.`)
      if (parsed.flags.has(name)) fail(`${name} is given twice.`)
      parsed.flags.add(name)
    } else if (spec.values.includes(name)) {
      let value: string | undefined
      if (eq > 0) value = arg.slice(eq + 1)
      else {
        value = argv[i + 1]
        if (value === undefined || value.startsWith('--')) fail(`${name} needs a value.`)
        i++
      }
      if (value === '') fail(`${name} needs a value.`)
      if (parsed.values.has(name)) fail(`${name} is given twice.`)
      parsed.values.set(name, value)
    } else {
      fail(`unknown option ${name} for "factdesk ${spec.name}".`)
    }
  }
  parsed.positionals.push(...argv.slice(i))
  for (const name of spec.required) {
    if (!parsed.values.has(name)) fail(`${name} is required.`)
  }
  const { name, min, max } = spec.positionals
  if (parsed.positionals.length < min)
    fail(min === 1 && max === 1 ? `give one ${name}.` : `give at least ${min} ${name}.`)
  if (parsed.positionals.length > max) {
    fail(max === 1 ? `give only one ${name} (got ${parsed.positionals.length}).` : `give at most ${max} ${name}s.`)
  }
  return parsed
}

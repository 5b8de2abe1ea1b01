import { resolve } from 'node:path'

/**
 * The review file a launch asks for: a double-clicked `.factdesk` reaches the app as an argument, on
 * the first launch in `process.argv`, on later ones in the 'second-instance' event (the single-instance
 * lock hands it to the open window). Flags and the app's own path (in development) are skipped.
 */
export function reviewPathFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const file = argv.slice(1).find((arg) => !arg.startsWith('-') && /\.factdesk$/i.test(arg))
  return file ? resolve(cwd, file) : undefined
}

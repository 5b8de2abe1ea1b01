/**
 * The `factdesk` command: import, export, merge and validate review files without the app.
 * Run it with `npm run cli -- <command> …` in a checkout, or `factdesk …` once built (`npm run build`).
 */
import { runCli } from './run'

// A reader that goes away (`factdesk … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
})

// `npm run cli -- …` runs in the package folder; file names on the command line are relative to where it was typed.
if ((process.env.npm_lifecycle_event === 'cli' || process.env.npm_lifecycle_event === 'serve') && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD)

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(
      `factdesk: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    )
    process.exitCode = 1
  },
)

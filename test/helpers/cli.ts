import { runCli } from '../../src/cli/run'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  json: () => Record<string, unknown>
}

/**
 * Runs the `factdesk` command in this process as the user "tester": spawning tsx costs about 0.5 s a
 * run (test/cli.test.ts spawns it too, where the process's exit code is the point).
 */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { USER: 'tester' },
  })
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }
}

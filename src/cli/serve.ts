import { resolve } from 'node:path'
import { addReviewer, startSyncServer } from '../core/sync/server'
import { UsageError, type CommandSpec } from './args'
import type { Command } from './command'

/**
 * `factdesk serve`: the team server for live co-review (docs/team-server.md). Runs until Ctrl+C (or
 * SIGTERM), then stores every open review's document and stops.
 */
const spec: CommandSpec = {
  name: 'serve',
  synopsis:
    'factdesk serve --data <dir> [--port 4320] [--host 127.0.0.1] [--token-file <file>] [--add-reviewer <name>]',
  summary:
    "Runs the team server: desks that share a review with it see each other's claims and who has which claim open.\n" +
    'It listens on 127.0.0.1 unless --host says otherwise (put it behind a TLS proxy to expose it; see docs/team-server.md).\n' +
    'On its first start it writes the team token to <dir>/team-token (readable by you only). Stop it with Ctrl+C.',
  options: [
    '  --data <dir>           where the server keeps the reviews it serves (reviews.sqlite) and the team token',
    '  --port <n>             the port (default 4320; 0 picks a free one)',
    '  --host <address>       the address to listen on (default 127.0.0.1)',
    '  --token-file <file>    read the team token from this file instead of <dir>/team-token',
    '  --add-reviewer <name>  give a reviewer their own token (printed once, stored hashed), then exit',
  ],
  values: ['--data', '--port', '--host', '--token-file', '--add-reviewer'],
  booleans: ['--json'],
  required: ['--data'],
  positionals: { name: 'nothing', min: 0, max: 0 },
}

function waitForStop(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

export const serveCommand: Command = {
  spec,
  async run(args, ctx) {
    const dataDir = resolve(args.values.get('--data')!)
    const reviewer = args.values.get('--add-reviewer')
    if (reviewer !== undefined) {
      const token = addReviewer(dataDir, reviewer)
      return {
        exitCode: 0,
        json: { ok: true, command: 'serve', reviewer: reviewer.trim(), token },
        lines: [`Token for ${reviewer.trim()} (shown once; the server keeps only its hash):`, token],
      }
    }
    const port = Number(args.values.get('--port') ?? '4320')
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a port number, not ${args.values.get('--port')}.`, 'serve')
    const server = await startSyncServer({
      port,
      host: args.values.get('--host'),
      dataDir,
      tokenFile: args.values.get('--token-file'),
    })
    const say = ctx.stdout ?? ((text: string) => process.stdout.write(text))
    if (server.tokenCreated)
      say(`Wrote a new team token to ${server.tokenFile} (readable by you only): give it to the reviewers.\n`)
    else say(`Team token: ${server.tokenFile}\n`)
    say(`Factdesk server is ready: ${server.url}\n`)
    await waitForStop()
    await server.close()
    return {
      exitCode: 0,
      json: { ok: true, command: 'serve', url: server.url },
      lines: ['Factdesk server stopped; every review is stored.'],
    }
  },
}

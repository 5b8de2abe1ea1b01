#!/usr/bin/env node
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher for plain Node */
// The `factdesk` command. It runs the CLI built by `npm run build` (out/cli/factdesk.cjs) with plain Node;
// in a checkout without a build, `npm run cli -- <command> …` runs it from the sources instead.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const built = join(root, 'out', 'cli', 'factdesk.cjs')

if (existsSync(built)) {
  require(built)
} else {
  process.stderr.write(
    [
      `factdesk: the command-line tool is not built yet (${built} is missing).`,
      `  Build it: cd ${JSON.stringify(root)} && npm run build   (or just the CLI: npm run build:cli)`,
      '  Or, in a checkout, run it from the sources: npm run cli -- <command> …',
      '',
    ].join('\n'),
  )
  process.exitCode = 1
}

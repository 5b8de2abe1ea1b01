#!/usr/bin/env node
// npm run web -- --review <file> [--port <n>] [--lang en|ko] [--data-dir <dir>] [--sync ws://… --sync-token-file <file>] [--as <name>]
// Serves the built renderer (out/renderer) and the real review service on 127.0.0.1; see
// src/harness/server.ts. Port 0 picks a free port; the ready line gives the address to open.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { electronBinary, isAbiMismatch } from './native.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const usage =
  'Usage: npm run web -- --review <file.factdesk> [--port 4310] [--lang en|ko] [--data-dir <dir>] [--sync ws://127.0.0.1:4320 --sync-token-file <file>] [--as <reviewer name>]'

function fail(message, code = 1) {
  console.error(message)
  process.exit(code)
}

let values
try {
  ;({ values } = parseArgs({
    options: {
      review: { type: 'string' },
      port: { type: 'string', default: '4310' },
      lang: { type: 'string' },
      'data-dir': { type: 'string' },
      sync: { type: 'string' },
      'sync-token-file': { type: 'string' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }))
} catch (err) {
  fail(`${err.message}\n${usage}`, 2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (!values.review) fail(`--review is required.\n${usage}`, 2)
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not ${values.port}.`, 2)
if (values.lang !== undefined && !['en', 'ko'].includes(values.lang)) fail('--lang must be en or ko.', 2)
if (values.sync && !values['sync-token-file'])
  fail('--sync needs --sync-token-file (the team token the server wrote).', 2)

const rendererDir = join(root, 'out', 'renderer')
if (!existsSync(join(rendererDir, 'index.html'))) {
  fail('The renderer is not built (out/renderer/index.html is missing). Run `npm run build` first.')
}

// The harness runs under Node, but the addon may currently be Electron's build (after `npm start`).
// Electron can run as Node and load that build, so hand the work to it instead of failing.
function electronFallback() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
    return null
  } catch (err) {
    const electron = electronBinary()
    if (!isAbiMismatch(err.message)) fail(`better-sqlite3 does not load: ${err.message}`)
    if (!electron || process.env.ELECTRON_RUN_AS_NODE) {
      fail(`better-sqlite3 is built for another runtime. Run \`node scripts/native.mjs node\` first.\n${err.message}`)
    }
    return electron
  }
}

function runUnder(electron) {
  const child = spawn(electron, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const electron = electronFallback()
if (electron) runUnder(electron)
else await run()

async function run() {
  require('tsx/cjs/api').register()
  const { startHarness } = require('./src/harness/server.ts')
  let harness
  try {
    harness = await startHarness({
      reviewPath: resolve(values.review),
      port,
      lang: values.lang,
      dataDir: values['data-dir'] ? resolve(values['data-dir']) : undefined,
      sync: values.sync ? { url: values.sync, tokenFile: resolve(values['sync-token-file']) } : undefined,
      reviewerName: values.as,
      rendererDir,
      resourcesDir: join(root, 'resources'),
    })
  } catch (err) {
    // A refused review file (FactdeskError) or a busy port: say why, change nothing.
    fail(err?.name === 'FactdeskError' ? err.message : `The harness could not start: ${err?.message ?? err}`)
  }
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    harness.close().then(
      () => process.exit(0),
      (err) => fail(`Closing the review failed: ${err.message}`),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(`Review file: ${harness.reviewPath}`)
  if (harness.sync)
    console.log(
      `Shared with ${harness.sync.url}: ${harness.sync.state}${harness.sync.reason ? ` (${harness.sync.reason})` : ''}`,
    )
  console.log(`Factdesk is ready: ${harness.url}`)
}

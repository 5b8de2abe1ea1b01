#!/usr/bin/env node
// Makes node_modules/better-sqlite3 match the runtime that will load it:
//   node scripts/native.mjs node       before tests (vitest, the browser harness)
//   node scripts/native.mjs electron   before starting the app
// A marker in better-sqlite3/build records which runtime and ABI the current build is for.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const PROBE = "const D = require('better-sqlite3'); new D(':memory:').close()"
const MISMATCH =
  /NODE_MODULE_VERSION|invalid ELF header|wrong ELF class|compiled against a different Node\.js version|Could not locate the bindings file|did not self-register|undefined symbol|ERR_DLOPEN_FAILED/i

const moduleDir = () => dirname(require.resolve('better-sqlite3/package.json'))
const markerPath = () => join(moduleDir(), 'build', 'factdesk-runtime.json')

/**
 * The Electron executable when its binary was downloaded, else null (never throws). Read from the
 * package's path.txt: require('electron') tries to download a missing binary.
 */
export function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'))
    const path = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

export function isAbiMismatch(message) {
  return MISMATCH.test(String(message))
}

/** Loads better-sqlite3 in a fresh Node (or Electron-as-Node) process: { ok, message }. */
export function probe(executable = process.execPath, extraEnv = {}) {
  const result = spawnSync(executable, ['-e', PROBE], {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
  })
  return { ok: result.status === 0, message: `${result.stderr ?? ''}${result.error?.message ?? ''}` }
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(markerPath(), 'utf8'))
  } catch {
    return null
  }
}

function writeMarker(marker) {
  try {
    writeFileSync(markerPath(), JSON.stringify(marker, null, 2) + '\n')
  } catch {
    // Without a build folder there is nothing to describe; the next run probes again.
  }
}

function rebuild(env) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  })
  return result.status === 0
}

/** npm's own settings for building against Electron's headers instead of Node's. */
function withoutElectronSettings(env) {
  const clean = { ...env }
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(runtime|target|disturl|build_from_source)$/i.test(key)) delete clean[key]
  }
  return clean
}

function forNode() {
  const first = probe()
  if (first.ok) {
    writeMarker({ runtime: 'node', abi: process.versions.modules, version: process.version })
    return 0
  }
  if (!isAbiMismatch(first.message)) {
    console.error(`better-sqlite3 does not load in Node:\n${first.message}`)
    return 1
  }
  console.log(`better-sqlite3 is not built for Node ${process.version}; rebuilding it (this compiles from source)…`)
  if (!rebuild(withoutElectronSettings(process.env))) return 1
  const second = probe()
  if (!second.ok) {
    console.error(`better-sqlite3 still does not load in Node after the rebuild:\n${second.message}`)
    return 1
  }
  writeMarker({ runtime: 'node', abi: process.versions.modules, version: process.version })
  return 0
}

function forElectron() {
  const binary = electronBinary()
  if (!binary) {
    console.error(
      [
        'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or its download failed),',
        'so the desktop app cannot start and better-sqlite3 cannot be rebuilt for it.',
        '  To install Electron: unset ELECTRON_SKIP_BINARY_DOWNLOAD, then run `npm rebuild electron`.',
        '  Or use the app in a browser: `npm run build && npm run web -- --review my.factdesk`.',
      ].join('\n'),
    )
    return 1
  }
  const version = require('electron/package.json').version
  const abiFile = join(dirname(require.resolve('electron/package.json')), 'abi_version')
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined
  const marker = readMarker()
  if (marker?.runtime === 'electron' && marker.version === version && (!abi || marker.abi === abi)) return 0
  const asNode = { ELECTRON_RUN_AS_NODE: '1' }
  if (probe(binary, asNode).ok) {
    writeMarker({ runtime: 'electron', abi, version })
    return 0
  }
  console.log(`Rebuilding better-sqlite3 for Electron ${version}…`)
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: 'https://electronjs.org/headers',
  }
  if (!rebuild(env)) return 1
  const after = probe(binary, asNode)
  if (!after.ok) {
    console.error(`better-sqlite3 does not load in Electron after the rebuild:\n${after.message}`)
    return 1
  }
  writeMarker({ runtime: 'electron', abi, version })
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2]
  if (target === 'node') process.exit(forNode())
  else if (target === 'electron') process.exit(forElectron())
  else {
    console.error('Usage: node scripts/native.mjs node|electron')
    process.exit(2)
  }
}

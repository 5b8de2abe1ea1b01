// @ts-check
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const SOURCE = '{ts,tsx,mts,cts,js,mjs,cjs}'
const nodeBuiltins = `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/|$))`

/**
 * Layer rules: a file may only import the layers below it (renderer -> shared, main -> core -> shared,
 * preload -> electron + shared). Relative imports are matched by how many `../` reach src/ from the
 * file's own folder, so a folder inside a layer that happens to be named `core` or `main` is not
 * mistaken for the layer.
 */
function layer({ dir, forbiddenLayers, forbiddenPackages = [], onlyShared = false, message }) {
  const configs = []
  for (let depth = 0; depth <= 6; depth++) {
    const folder = dir + '/*'.repeat(depth)
    const toSrc = '(\\.\\./)'.concat(`{${folder.split('/').length - 1}}`)
    const patterns = [
      ...forbiddenPackages.map((regex) => ({ regex, message })),
      onlyShared
        ? { regex: `^${toSrc}(?!shared(/|$))`, message }
        : { regex: `^${toSrc}(${forbiddenLayers.join('|')})(/|$)`, message },
    ]
    configs.push({
      files: [`${folder}/*.${SOURCE}`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    })
  }
  return configs
}

const nodeGlobals = Object.fromEntries(
  [...Object.getOwnPropertyNames(globalThis), 'require', 'module', 'exports', '__dirname', '__filename'].map((name) => [
    name,
    'readonly',
  ]),
)
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'location', 'history', 'fetch', 'EventSource', 'URL', 'console', 'NodeFilter', 'sessionStorage'].map((n) => [
    n,
    'readonly',
  ]),
)

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'dist/', 'coverage/', 'playwright-report/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: [`**/*.{js,mjs,cjs}`], languageOptions: { globals: nodeGlobals } },
  { files: ['src/harness/bridge.js'], languageOptions: { sourceType: 'script', globals: browserGlobals } },
  ...layer({
    dir: 'src/shared',
    forbiddenLayers: ['core', 'main', 'renderer', 'preload', 'harness', 'cli'],
    forbiddenPackages: ['^electron(/|$)', '^better-sqlite3$', nodeBuiltins],
    message: 'src/shared is types and the contract only: no core, main, renderer, preload, Electron or Node.',
  }),
  ...layer({
    dir: 'src/core',
    forbiddenLayers: ['main', 'renderer', 'preload', 'harness'],
    forbiddenPackages: ['^electron(/|$)'],
    message: 'src/core is pure Node: it never imports Electron, main, renderer or preload.',
  }),
  ...layer({
    dir: 'src/renderer',
    forbiddenLayers: ['core', 'main', 'harness', 'cli'],
    forbiddenPackages: ['^electron(/|$)', '^better-sqlite3$', nodeBuiltins],
    message: 'src/renderer talks only to window.factdesk: it may import src/shared, never core, main, Electron or Node.',
  }),
  ...layer({
    dir: 'src/preload',
    onlyShared: true,
    forbiddenPackages: ['^(?!electron$)(?!\\.)'],
    message: 'src/preload may import electron and src/shared only (a sandboxed preload is one file).',
  }),
)

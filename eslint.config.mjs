// @ts-check
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const SOURCE = '{ts,tsx,mts,cts,js,mjs,cjs}'
const nodeBuiltins = `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/|$))`

/**
 * Layer rules as allow-lists: a file may import only its own layer and the layers listed for it
 * (shared <- core <- cli / harness / main; preload and renderer <- shared only). Relative imports are
 * matched by how many `../` reach src/ from the file's own folder, so a folder inside a layer that
 * happens to be named `core` or `main` is not mistaken for the layer. test/layers.test.ts checks that a
 * forbidden import fails.
 */
export const LAYERS = {
  shared: [],
  core: ['shared'],
  cli: ['core', 'shared'],
  harness: ['core', 'shared'],
  main: ['core', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
}

function layer({ name, forbiddenPackages = [], message }) {
  const allowed = [name, ...LAYERS[name]]
  const configs = []
  for (let depth = 0; depth <= 6; depth++) {
    const folder = `src/${name}` + '/*'.repeat(depth)
    const toSrc = '(\\.\\./)'.concat(`{${folder.split('/').length - 1}}`)
    const patterns = [
      ...forbiddenPackages.map((regex) => ({ regex, message })),
      // Exactly up to src/, then a folder that is not this layer or one it may use.
      { regex: `^${toSrc}(?!\\.)(?!(${allowed.join('|')})(/|$))`, message },
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
  [
    'window',
    'document',
    'location',
    'history',
    'fetch',
    'EventSource',
    'URL',
    'console',
    'NodeFilter',
    'sessionStorage',
  ].map((n) => [n, 'readonly']),
)

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'dist/', 'coverage/', 'playwright-report/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  { files: [`**/*.{js,mjs,cjs}`], languageOptions: { globals: nodeGlobals } },
  // Type-aware rules for the Node side and the scripts (the renderer's lint is set up on its own): they
  // need the type checker, so they run with the TypeScript project service over the project's tsconfigs.
  // Tests get only the promise rules below: nearly every other finding there is a no-unsafe-* on a parsed
  // JSON export the test asserts on, where `any` is what the assertion reads.
  {
    files: ['src/{core,cli,harness,main,preload,shared}/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function here is a promise contract (an import, a command, a file read): a body that
      // does not wait yet must still reject rather than throw, and may wait tomorrow without a signature change.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests get the type-aware rules that catch a test which cannot fail: an `expect(...).rejects` or a
  // Playwright assertion nobody awaits passes before it has checked anything.
  {
    files: ['test/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  { files: ['src/harness/bridge.js'], languageOptions: { sourceType: 'script', globals: browserGlobals } },
  ...layer({
    name: 'shared',
    forbiddenPackages: ['^electron(/|$)', '^better-sqlite3$', nodeBuiltins],
    message: 'src/shared is types and the contract only: no other layer, no Electron, no Node.',
  }),
  ...layer({
    name: 'core',
    forbiddenPackages: ['^electron(/|$)'],
    message:
      'src/core is pure Node: it imports src/shared only, never Electron, main, the CLI, the harness or the renderer.',
  }),
  ...layer({
    name: 'cli',
    forbiddenPackages: ['^electron(/|$)'],
    message: 'src/cli imports src/core and src/shared only.',
  }),
  ...layer({
    name: 'harness',
    forbiddenPackages: ['^electron(/|$)'],
    message: 'src/harness imports src/core and src/shared only.',
  }),
  ...layer({
    name: 'main',
    message: 'src/main imports src/core and src/shared only (the renderer reaches it through IPC).',
  }),
  ...layer({
    name: 'renderer',
    forbiddenPackages: ['^electron(/|$)', '^better-sqlite3$', nodeBuiltins],
    message:
      'src/renderer talks only to window.factdesk: it may import src/shared, never core, main, Electron or Node.',
  }),
  ...layer({
    name: 'preload',
    forbiddenPackages: ['^(?!electron$)(?!\\.)'],
    message: 'src/preload may import electron and src/shared only (a sandboxed preload is one file).',
  }),
  // The renderer: the Rules of React with the compiler-era checks (refs read or written during render,
  // state set in an effect, impure renders), and the type-aware rules (a promise nobody awaits, an
  // `any` that leaks in) over the code that runs in the window.
  {
    files: [`src/renderer/**/*.${SOURCE}`],
    extends: [reactHooks.configs.flat['recommended-latest'], ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
)

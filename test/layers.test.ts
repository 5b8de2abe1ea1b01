import { ESLint } from 'eslint'
import { join } from 'node:path'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/essay'

/**
 * The layer rules in eslint.config.mjs are allow-lists: every folder of src may import only its own
 * layer and the ones below it. Each forbidden import here must fail the lint; each allowed one pass.
 */
// The files linted here do not exist, so no TypeScript project holds them: the type-aware rules (which
// need one) are off, and the layer rules are what is checked.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked })

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport {}\n`, { filePath: join(ROOT, file) })
  return result.messages.some((m) => m.ruleId === 'no-restricted-imports')
}

const cases: [file: string, forbidden: string[], allowed: string[]][] = [
  ['src/shared/x.ts', ['../core/store', '../main/window', 'node:fs', 'electron'], ['./domain']],
  [
    'src/core/x.ts',
    ['../cli/run', '../harness/server', '../main/window', '../renderer/src/bridge', 'electron'],
    ['../shared/domain', './store'],
  ],
  ['src/core/exchange/x.ts', ['../../cli/run', '../../main/web'], ['../../shared/text', '../store', './merge']],
  [
    'src/cli/x.ts',
    ['../harness/server', '../main/window', '../renderer/src/bridge'],
    ['../core/store', '../shared/text', '../../package.json'],
  ],
  ['src/harness/x.ts', ['../main/protocol', '../cli/run'], ['../core/web', '../shared/contract']],
  [
    'src/main/x.ts',
    ['../renderer/src/bridge', '../harness/server', '../cli/run'],
    ['../core/web', '../shared/contract', 'electron'],
  ],
  [
    'src/renderer/src/app/x.ts',
    ['../../../core/store', '../../../main/window', 'node:path', 'better-sqlite3'],
    ['../../../shared/text', '../bridge'],
  ],
  ['src/preload/x.ts', ['../core/store', '../main/ipc', 'node:path'], ['../shared/contract', 'electron']],
]

describe('layer rules', () => {
  it.each(cases)('%s: forbidden imports fail the lint, allowed ones pass', async (file, forbidden, allowed) => {
    for (const path of forbidden)
      expect(await restricted(file, `import '${path}'`), `${file} imports ${path}`).toBe(true)
    for (const path of allowed)
      expect(await restricted(file, `import '${path}'`), `${file} imports ${path}`).toBe(false)
  })
})

import { createRequire } from 'node:module'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cruise, type IConfiguration } from 'dependency-cruiser'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT } from './helpers/essay'

/**
 * `npm run deps` (part of `npm run lint`) runs dependency-cruiser with .dependency-cruiser.cjs over src.
 * Here the same rules run over two scratch modules: a circle of imports fails them, type-only or not,
 * and the same two modules without the circle pass.
 */
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration
let dir = ''

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

async function violations(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-deps-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const { tsConfig: _project, ...options } = config.options ?? {}
  const result = await cruise([dir], {
    ...options,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    baseDir: dir,
  })
  if (typeof result.output === 'string') throw new Error('expected a cruise result, not a report')
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
}

describe('the import-circle rule', () => {
  it('fails on a circle of runtime imports', async () => {
    const found = await violations({
      'a.ts': `import { b } from './b'\nexport const a = () => b()\n`,
      'b.ts': `import { a } from './a'\nexport const b = () => a\n`,
    })
    expect(found).toContain('no-circular: a.ts → b.ts')
  })

  it('fails on a circle made only of type imports', async () => {
    const found = await violations({
      'a.ts': `import type { B } from './b'\nexport interface A { b?: B }\n`,
      'b.ts': `import type { A } from './a'\nexport interface B { a?: A }\n`,
    })
    expect(found).toContain('no-circular: a.ts → b.ts')
  })

  it('passes the same modules once one side no longer imports the other', async () => {
    const found = await violations({
      'a.ts': `import type { B } from './b'\nexport interface A { b?: B }\n`,
      'b.ts': `export interface B { name: string }\n`,
    })
    expect(found).toEqual([])
  })
})

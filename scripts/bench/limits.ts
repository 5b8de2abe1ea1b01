/**
 * `npm run bench -- --limits`: imports files at every import limit, each in a fresh process, and prints
 * time and peak memory beside JSON.parse of the same file (the machine's reference, same run). Goal:
 * the largest accepted file imports in under 10 s and 500 MB.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssayMarkdown } from '../../src/core/document/essayFormat'
import { limitFiles } from './limitFiles'

const root = join(__dirname, '..', '..')

export function benchLimits(): void {
  const essay = parseEssayMarkdown(readFileSync(join(root, 'resources/essays/seoul-openai.md'), 'utf8'))
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-limits-'))
  try {
    const rows: string[][] = [['file at the limit', 'import', 'peak RSS', 'JSON.parse (reference)', 'outcome']]
    for (const f of limitFiles(essay)) {
      const path = join(dir, f.name)
      writeFileSync(path, f.bytes)
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'importOne.ts'), path],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        },
      )
      const line = run.stdout.trim().split('\n').pop() ?? ''
      try {
        const r = JSON.parse(line) as { importMs: number; parseMs: number; maxRssMb: number; outcome: string }
        rows.push([
          f.what,
          `${(r.importMs / 1000).toFixed(2)} s`,
          `${r.maxRssMb.toFixed(0)} MB`,
          `${r.parseMs.toFixed(0)} ms`,
          r.outcome,
        ])
      } catch {
        rows.push([f.what, 'failed', '', '', run.stderr.trim().split('\n').slice(-2).join(' ')])
      }
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

#!/usr/bin/env node
// The security gate of `npm test`: Electronegativity over the sources (src) and the build (out), its
// SARIF read back, and every finding checked against security/electronegativity-allow.json, where each
// accepted finding has a reason. A new finding, or an allow-list entry that matches none, fails.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
)
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
// This check asks GitHub for Electron's releases (no network on CI); a unit test pins a supported major instead.
const OFFLINE_EXCLUDED = 'AvailableSecurityFixesGlobalCheck'

function scan(input, out) {
  return new Promise((resolve, reject) => {
    const args = [
      '-i',
      join(root, input),
      '-o',
      out,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-x',
      OFFLINE_EXCLUDED,
    ]
    const child = spawn(bin, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: process.platform === 'win32',
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', () => {
      if (!existsSync(out)) return reject(new Error(`Electronegativity wrote no report for ${input}:\n${stderr}`))
      const sarif = JSON.parse(readFileSync(out, 'utf8'))
      resolve(
        sarif.runs.flatMap((run) =>
          run.results.map((r) => {
            const loc = r.locations?.[0]?.physicalLocation
            return {
              rule: r.ruleId,
              file: `${input}/${loc?.artifactLocation?.uri ?? '?'}`,
              line: loc?.region?.startLine,
              text: r.message?.text ?? '',
            }
          }),
        ),
      )
    })
  })
}

const inputs = ['src', 'out'].filter((input) => existsSync(join(root, input)))
if (!inputs.includes('out')) {
  console.error('security gate: out/ is missing; run `electron-vite build` first.')
  process.exit(1)
}
const dir = mkdtempSync(join(tmpdir(), 'factdesk-security-'))
let findings
try {
  findings = (await Promise.all(inputs.map((input) => scan(input, join(dir, `${input}.sarif`))))).flat()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const { allowed } = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-allow.json'), 'utf8'))
const problems = []
for (const entry of allowed) {
  if (!entry.reason?.trim()) problems.push(`allow-list entry ${entry.rule} ${entry.file} has no reason`)
  if (!findings.some((f) => f.rule === entry.rule && f.file === entry.file)) {
    problems.push(`allow-list entry ${entry.rule} ${entry.file} matches no finding any more: remove it`)
  }
}
for (const f of findings) {
  if (!allowed.some((entry) => entry.rule === f.rule && entry.file === f.file)) {
    problems.push(`new finding ${f.rule} at ${f.file}:${f.line}: ${f.text}`)
  }
}
if (problems.length) {
  console.error(`security gate: ${problems.length} problem(s)\n` + problems.map((p) => `  - ${p}`).join('\n'))
  process.exit(1)
}
console.log(
  `security gate: ${findings.length} Electronegativity findings over ${inputs.join(' and ')}, each accepted with a reason.`,
)

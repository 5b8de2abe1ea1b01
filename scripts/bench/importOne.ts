/**
 * Imports one file into a new review of the bundled essay in this process alone, so its peak memory is
 * the import's own; prints JSON: the import's time and peak RSS, and JSON.parse of the same bytes as the
 * machine's reference, measured in the same run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseEssayMarkdown } from '../../src/core/document/essayFormat'
import { importFile } from '../../src/core/exchange/files'
import { openReview } from '../../src/core/review/open'

async function main(): Promise<void> {
  const [file] = process.argv.slice(2)
  const bytes = readFileSync(file)
  const essay = parseEssayMarkdown(
    readFileSync(join(__dirname, '..', '..', 'resources/essays/seoul-openai.md'), 'utf8'),
  )
  const t0 = performance.now()
  JSON.parse(bytes.toString('utf8'))
  const parseMs = performance.now() - t0
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-'))
  try {
    const store = openReview(join(dir, 'r.factdesk'), essay)
    const t1 = performance.now()
    let outcome = 'imported'
    try {
      const s = await importFile(store, file.split('/').pop() ?? file, bytes, '벤치')
      outcome = `imported: ${s.added} claims added, ${s.unanchored.length} not found`
    } catch (err) {
      outcome = `refused: ${(err as Error).message.slice(0, 120)}`
    }
    const importMs = performance.now() - t1
    store.close()
    console.log(JSON.stringify({ importMs, parseMs, maxRssMb: process.resourceUsage().maxRSS / 1024, outcome }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()

import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssayMarkdown, type ParsedEssay } from '../../src/core/document/essayFormat'
import { FactdeskError, type ErrorCode } from '../../src/shared/errors'

export const ROOT = join(__dirname, '..', '..')

export function bundledEssay(): ParsedEssay {
  return parseEssayMarkdown(readFileSync(join(ROOT, 'resources/essays/seoul-openai.md'), 'utf8'))
}

/** A small essay with astral characters, so code point offsets differ from UTF-16 ones. */
export function smallEssay(title = '작은 글 😀'): ParsedEssay {
  return parseEssayMarkdown(`# ${title}\n\n## 소제목 🇰🇷\n\n첫 문장은 참이다. 😀 둘째 문장은 **거짓**이다.\n`)
}

export interface TempDir {
  path: string
  file(name: string): string
  remove(): void
}

export function tempDir(prefix = 'factdesk-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** Runs `fn`, expecting a FactdeskError; returns it. */
export function factdeskError(fn: () => unknown, code?: ErrorCode): FactdeskError {
  try {
    fn()
  } catch (err) {
    if (!(err instanceof FactdeskError)) throw err
    if (code && err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`)
    return err
  }
  throw new Error(`expected a FactdeskError${code ? ` (${code})` : ''}, nothing was thrown`)
}

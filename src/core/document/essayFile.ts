import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { FactdeskError } from '../../shared/errors'
import { parseEssay, type ParsedEssay } from './essayFormat'

export const ESSAY_MAX_BYTES = 5 * 1024 * 1024

/** Reads an essay (.md or .txt) as strict UTF-8; anything else is refused with the reason. */
export function readEssayFile(path: string): ParsedEssay {
  const name = basename(path)
  if (!/\.(md|markdown|txt)$/i.test(name)) {
    throw new FactdeskError('unreadable-essay', `${name}: open an essay saved as .md or .txt.`)
  }
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new FactdeskError('not-found', `${path} does not exist.`)
  }
  if (size > ESSAY_MAX_BYTES) {
    throw new FactdeskError('unreadable-essay', `${name} is larger than 5 MB; an essay that long cannot be opened.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))
  } catch {
    throw new FactdeskError('unreadable-essay', `${name} is not UTF-8 text. Save it as UTF-8 and open it again.`)
  }
  return parseEssay(name, text)
}

import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { FactdeskError } from '../../shared/errors'
import { parseEssay, type ParsedEssay } from './essayFormat'

export const ESSAY_MAX_BYTES = 5 * 1024 * 1024

/** Reads an essay (.md or .txt) as strict UTF-8; anything else is refused with the reason. */
export function readEssayFile(path: string): ParsedEssay {
  const name = basename(path)
  if (!/\.(md|markdown|txt)$/i.test(name)) {
    throw new FactdeskError('essay-wrong-type', { file: name })
  }
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new FactdeskError('file-not-found', { file: path })
  }
  if (size > ESSAY_MAX_BYTES) {
    throw new FactdeskError('essay-too-large', { file: name, limitMb: ESSAY_MAX_BYTES / 1024 / 1024 })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))
  } catch {
    throw new FactdeskError('essay-not-utf8', { file: name })
  }
  return parseEssay(name, text)
}

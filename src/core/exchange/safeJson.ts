import { isUtf8, transcode } from 'node:buffer'
import { FactdeskError } from '../../shared/errors'
import { hasLoneSurrogate } from '../../shared/text'

/** Documented limits for files brought into a review (docs/exchange.md). */
export const IMPORT_LIMITS = {
  bytes: 50 * 1024 * 1024,
  depth: 32,
  claims: 20_000,
  sources: 50_000,
  annotations: 20_000,
  /** Version ids in all histories of the file together (claims, sources, replies, tags, corrections). */
  versions: 200_000,
  /** History entries (the `events` of a bundle). */
  events: 100_000,
} as const

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Strict UTF-8 (checked by `isUtf8`: what a fatal TextDecoder refuses) with an optional byte-order mark (files saved by common Windows editors carry one). */
export function decodeUtf8(name: string, bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_LIMITS.bytes) {
    throw new FactdeskError('import-too-large', { file: name, limitMb: IMPORT_LIMITS.bytes / 1024 / 1024 })
  }
  if (!isUtf8(bytes)) throw new FactdeskError('import-not-utf8', { file: name })
  const text = utf8Text(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Checked UTF-8 as text. Through UTF-16 (ICU, then a copy) it takes less than half the time of
 * TextDecoder on a large file of Korean text (≈ 20 ms against ≈ 45 for 10 MB); a Node without ICU
 * decodes it the usual way.
 */
function utf8Text(bytes: Uint8Array): string {
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le')
  } catch {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  }
}

/** Nesting depth of JSON text, measured before parsing so a hostile file cannot exhaust the stack. */
function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // A string is skipped whole: its closing quote is the first one not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1)
      while (end !== -1) {
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++
        if (slashes % 2 === 0) break
        end = text.indexOf('"', end + 1)
      }
      if (end === -1) return max
      i = end
    } else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth)
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return max
}

/**
 * Whether the parsed value must be walked for a forbidden key or a lone surrogate: only a `\u` escape
 * can make either without its plain spelling in the text (strict UTF-8 decoding cannot make a lone
 * surrogate), so text without escapes and without those keys' names is let through unwalked.
 */
const FORBIDDEN_NAMES = /"(?:__proto__|constructor|prototype)"/
const needsInspection = (text: string): boolean => text.includes('\\u') || FORBIDDEN_NAMES.test(text)

/** A key Factdesk never writes, or a lone surrogate (a \ud800 escape decodes to one, which strict UTF-8 decoding cannot catch). */
function inspectParsed(root: unknown): { badKey: string | null; brokenText: boolean } {
  let badKey: string | null = null
  let brokenText = false
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (!brokenText && hasLoneSurrogate(v)) brokenText = true
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' || typeof x === 'string') stack.push(x)
    } else if (v && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) badKey ??= key
        if (hasLoneSurrogate(key)) brokenText = true
        const x = (v as Record<string, unknown>)[key]
        if (typeof x === 'object' || typeof x === 'string') stack.push(x)
      }
    }
  }
  return { badKey, brokenText }
}

/** JSON.parse with the import limits: size, strict UTF-8, nesting depth, and no prototype keys. */
export function parseJsonFile(name: string, bytes: Uint8Array): unknown {
  const text = decodeUtf8(name, bytes)
  if (jsonDepth(text) > IMPORT_LIMITS.depth) {
    throw new FactdeskError('import-too-deep', { file: name, limit: IMPORT_LIMITS.depth })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new FactdeskError('import-not-json', { file: name })
  }
  // One walk after parsing: a reviver costs a call per value, many times the parse itself.
  const { badKey, brokenText } = needsInspection(text) ? inspectParsed(value) : { badKey: null, brokenText: false }
  if (badKey) throw new FactdeskError('import-forbidden-key', { file: name, key: badKey })
  if (brokenText) throw new FactdeskError('import-broken-character', { file: name })
  return value
}

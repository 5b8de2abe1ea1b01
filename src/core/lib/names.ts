import { createHash } from 'node:crypto'
import { withoutInvisible } from '../../shared/text'

/** RFC 4122 name-space for URLs: anyone can recompute the UUID Factdesk derives from a name. */
const NAMESPACE_URL = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')

/** Name-based UUID (version 5, SHA-1): the same name always gives the same id, in every review file. */
export function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE_URL).update(name, 'utf8').digest()
  h[6] = (h[6] & 0x0f) | 0x50
  h[8] = (h[8] & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** A file name from the essay's title: no path separators, control or reserved characters. */
export function fileBase(title: string, fallback: string): string {
  // Direction overrides and zero-width characters would make "gnp.exe" read as "exe.png".
  const cleaned = [...withoutInvisible(title)]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
  return cleaned || fallback
}

import { Inflate } from 'fflate'
import { FactdeskError } from '../../../shared/errors'

/**
 * Reads the parts of a ZIP archive (a .docx) under limits, before inflating anything: the entry count
 * and every entry's uncompressed size come from the central directory, and an archive that claims too
 * much is refused whole. A part is then inflated in small slices and stopped as soon as it yields more
 * than the central directory declared, so an entry that lies about its size cannot fill the memory
 * either. Only the parts asked for are inflated.
 */
export const ZIP_LIMITS = {
  /** Entries in the archive (a Word file has a few dozen). */
  entries: 2_000,
  /** All entries together, uncompressed. */
  totalBytes: 200 * 1024 * 1024,
  /** One part Factdesk reads (document.xml, comments.xml …), uncompressed. */
  partBytes: 20 * 1024 * 1024,
} as const

interface Entry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MB = (n: number): number => Math.round(n / 1024 / 1024)

export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function notZip(file: string): Error {
  return new FactdeskError('word-not-docx', { file })
}

function centralDirectory(file: string, bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is in the last 22 bytes plus an archive comment of at most 65,535 bytes.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw notZip(file)
  const count = view.getUint16(eocd + 10, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  // 0xffff / 0xffffffff mean ZIP64, which no Word file of a size we read needs.
  if (count === 0xffff || cdOffset === 0xffffffff) throw new FactdeskError('word-zip64', { file })
  if (count > ZIP_LIMITS.entries) {
    throw new FactdeskError('word-too-many-entries', { file, count, limit: ZIP_LIMITS.entries })
  }
  if (cdOffset + cdSize > eocd) throw notZip(file)
  const entries: Entry[] = []
  let at = cdOffset
  let total = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw notZip(file)
    const nameLength = view.getUint16(at + 28, true)
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localOffset: view.getUint32(at + 42, true),
    }
    total += entry.size
    if (total > ZIP_LIMITS.totalBytes) {
      throw new FactdeskError('word-too-large-unpacked', { file, limitMb: MB(ZIP_LIMITS.totalBytes) })
    }
    entries.push(entry)
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

function inflateEntry(file: string, bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw notZip(file)
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw notZip(file)
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw notZip(file)
    return data
  }
  if (entry.method !== 8) throw new FactdeskError('word-part-compression', { file, part: entry.name })
  const out = new Uint8Array(entry.size)
  let filled = 0
  const lied = () => new FactdeskError('word-part-overflow', { file, part: entry.name, size: entry.size })
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) throw lied()
    out.set(chunk, filled)
    filled += chunk.length
  })
  // Small slices bound what one push can yield (deflate expands at most about 1,032 times).
  const SLICE = 4096
  try {
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length)
  } catch (err) {
    if (err instanceof Error && err.name === 'FactdeskError') throw err
    throw notZip(file)
  }
  if (filled !== out.length) throw notZip(file)
  return out
}

/**
 * The named parts of the archive, as text (a part that is absent is left out). Every part's size is
 * checked before any is inflated.
 */
export function readZipParts(file: string, bytes: Uint8Array, names: readonly string[]): Map<string, string> {
  if (!isZipBytes(bytes)) throw notZip(file)
  const entries = centralDirectory(file, bytes)
  const wanted = entries.filter((e) => names.includes(e.name))
  for (const e of wanted) {
    if (e.size > ZIP_LIMITS.partBytes) {
      throw new FactdeskError('word-part-too-large', {
        file,
        part: e.name,
        sizeMb: MB(e.size),
        limitMb: MB(ZIP_LIMITS.partBytes),
      })
    }
  }
  const out = new Map<string, string>()
  for (const e of wanted) {
    try {
      out.set(e.name, new TextDecoder('utf-8', { fatal: true }).decode(inflateEntry(file, bytes, e)))
    } catch (err) {
      if (err instanceof TypeError) throw new FactdeskError('word-part-not-utf8', { file, part: e.name })
      throw err
    }
  }
  return out
}

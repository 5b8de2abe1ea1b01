/**
 * Finding a quote's every exact occurrence in a long essay without reading the essay once per quote:
 * every window of K UTF-16 units is hashed once, and the windows' positions are bucketed by hash.
 * A quote is looked up by its rarest window (the one whose bucket is smallest), and each candidate is
 * checked with `startsWith`, so a hash collision costs a comparison, never a wrong hit. Quotes shorter
 * than K fall back to `indexOf` (few, and short quotes rarely decide anything alone).
 */
const K = 8
const BASE = 0x9e3779b1

function bucketBits(n: number): number {
  let bits = 10
  while (1 << bits < n && bits < 24) bits++
  return bits
}

export class QuoteIndex {
  private readonly bits: number
  private readonly starts: Int32Array
  private readonly positions: Int32Array
  private readonly powK: number

  constructor(readonly text: string) {
    const n = Math.max(0, text.length - K + 1)
    this.bits = bucketBits(n)
    let pow = 1
    for (let i = 0; i < K - 1; i++) pow = Math.imul(pow, BASE)
    this.powK = pow
    const size = 1 << this.bits
    const buckets = new Int32Array(n)
    const counts = new Int32Array(size + 1)
    let h = 0
    for (let i = 0; i < Math.min(K, text.length); i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0
    for (let i = 0; i < n; i++) {
      const b = this.bucket(h)
      buckets[i] = b
      counts[b + 1]++
      if (i + K < text.length) h = (Math.imul(h - Math.imul(text.charCodeAt(i), pow), BASE) + text.charCodeAt(i + K)) | 0
    }
    for (let b = 0; b < size; b++) counts[b + 1] += counts[b]
    const fill = counts.slice(0, size)
    const positions = new Int32Array(n)
    for (let i = 0; i < n; i++) positions[fill[buckets[i]]++] = i
    this.starts = counts
    this.positions = positions
  }

  private bucket(h: number): number {
    return Math.imul(h, 0x85ebca6b) >>> (32 - this.bits)
  }

  /** UTF-16 starts of every occurrence of `quote`, ascending. */
  occurrences(quote: string): number[] {
    const { text } = this
    const hits: number[] = []
    if (quote.length < K) {
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) hits.push(i)
      return hits
    }
    let h = 0
    for (let i = 0; i < K; i++) h = (Math.imul(h, BASE) + quote.charCodeAt(i)) | 0
    let best = -1
    let bestSize = Infinity
    for (let o = 0; o + K <= quote.length; o++) {
      const b = this.bucket(h)
      const size = this.starts[b + 1] - this.starts[b]
      if (size < bestSize) {
        bestSize = size
        best = o
        if (size === 0) return hits
      }
      if (o + K < quote.length) h = (Math.imul(h - Math.imul(quote.charCodeAt(o), this.powK), BASE) + quote.charCodeAt(o + K)) | 0
    }
    h = 0
    for (let i = 0; i < K; i++) h = (Math.imul(h, BASE) + quote.charCodeAt(best + i)) | 0
    const b = this.bucket(h)
    for (let p = this.starts[b]; p < this.starts[b + 1]; p++) {
      const s = this.positions[p] - best
      if (s >= 0 && text.startsWith(quote, s)) hits.push(s)
    }
    return hits.sort((x, y) => x - y)
  }
}

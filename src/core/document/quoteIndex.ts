/**
 * Finding a quote's every exact occurrence in a long essay without reading the essay once per quote:
 * the windows of K UTF-16 units that start at every STEP-th position are hashed once, and their
 * positions bucketed by hash. Any occurrence of a quote of at least K + STEP - 1 units has one of any
 * STEP consecutive windows of the quote on an indexed position, so a quote is looked up by the STEP
 * consecutive windows whose buckets are smallest together, and each candidate is checked with
 * `startsWith`: a hash collision costs a comparison, never a wrong hit. Shorter quotes fall back to
 * `indexOf` (few, and short quotes rarely decide anything alone).
 */
const K = 8
const STEP = 4
const BASE = 0x9e3779b1

/** About eight windows a bucket: a table that stays in the processor's cache while it is filled. */
function bucketBits(n: number): number {
  let bits = 8
  while (1 << (bits + 3) < n && bits < 22) bits++
  return bits
}

function hashAt(s: string, at: number): number {
  let h = 0
  for (let i = at; i < at + K; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0
  return h
}

export class QuoteIndex {
  private readonly bits: number
  private readonly starts: Int32Array
  private readonly positions: Int32Array

  constructor(readonly text: string) {
    const n = text.length >= K ? Math.floor((text.length - K) / STEP) + 1 : 0
    this.bits = bucketBits(n)
    const size = 1 << this.bits
    const buckets = new Int32Array(n)
    const counts = new Int32Array(size + 1)
    for (let j = 0; j < n; j++) {
      const b = this.bucket(hashAt(text, j * STEP))
      buckets[j] = b
      counts[b + 1]++
    }
    for (let b = 0; b < size; b++) counts[b + 1] += counts[b]
    const fill = counts.slice(0, size)
    const positions = new Int32Array(n)
    for (let j = 0; j < n; j++) positions[fill[buckets[j]]++] = j * STEP
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
    if (quote.length < K + STEP - 1) {
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) hits.push(i)
      return hits
    }
    const windows = quote.length - K + 1
    const sizes = new Int32Array(windows)
    const buckets = new Int32Array(windows)
    for (let o = 0; o < windows; o++) {
      buckets[o] = this.bucket(hashAt(quote, o))
      sizes[o] = this.starts[buckets[o] + 1] - this.starts[buckets[o]]
    }
    let best = 0
    let bestSize = Infinity
    for (let o = 0, sum = 0; o < windows; o++) {
      sum += sizes[o] - (o >= STEP ? sizes[o - STEP] : 0)
      if (o >= STEP - 1 && sum < bestSize) {
        bestSize = sum
        best = o - STEP + 1
      }
    }
    for (let o = best; o < best + STEP; o++) {
      const b = buckets[o]
      for (let p = this.starts[b]; p < this.starts[b + 1]; p++) {
        const s = this.positions[p] - o
        if (s >= 0 && text.startsWith(quote, s)) hits.push(s)
      }
    }
    return hits.sort((x, y) => x - y)
  }
}

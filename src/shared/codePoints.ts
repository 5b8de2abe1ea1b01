/**
 * Code point offsets (what selectors count, src/shared/text.ts) and UTF-16 indices (what JavaScript
 * strings count) of one long text, converted in constant time: a claim of a book-length essay must not
 * cost a scan of the essay from its start.
 */
/** Most essays have no astral characters: then both counts are the same and no table is built. */
export class CodePoints {
  private readonly toUnit: Int32Array | null
  private readonly toPoint: Int32Array | null
  readonly length: number

  constructor(text: string) {
    const astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)
    if (!astral) {
      this.toUnit = this.toPoint = null
      this.length = text.length
      return
    }
    const toPoint = new Int32Array(text.length + 1)
    const units: number[] = []
    let n = 0
    for (let i = 0; i < text.length; i++) {
      toPoint[i] = n
      units.push(i)
      const c = text.charCodeAt(i)
      const d = text.charCodeAt(i + 1)
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) toPoint[++i] = n
      n++
    }
    toPoint[text.length] = n
    units.push(text.length)
    this.toPoint = toPoint
    this.toUnit = Int32Array.from(units)
    this.length = n
  }

  /** UTF-16 index of code point offset `cp`, clamped to the text. */
  unit(cp: number): number {
    const c = Math.max(0, Math.min(cp, this.length))
    return this.toUnit ? this.toUnit[c] : c
  }

  /** Code point offset of UTF-16 index `u` (the start of the code point it falls in). */
  point(u: number): number {
    return this.toPoint ? this.toPoint[u] : u
  }
}

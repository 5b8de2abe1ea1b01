/**
 * Where the Word document's text (before tracked changes) and the essay agree, in code points. The
 * document of a review export reads exactly the essay; a reviewer may still have typed over it without
 * tracking, and a document that is not an export differs anywhere. A Myers diff (bounded: past
 * MAX_EDITS the middle is one changed region) gives the runs both share; an offset inside one maps
 * exactly, an offset in a changed region does not map.
 */
export interface Hunk {
  /** The region in the document's text and in the essay (code points). */
  docStart: number
  docEnd: number
  essayStart: number
  essayEnd: number
}

export interface Alignment {
  /** Code point offset in the document → the same place in the essay, or null inside a changed region. */
  toEssay(offset: number, side: 'start' | 'end'): number | null
  hunks: Hunk[]
}

const MAX_EDITS = 1_000

/** The edit script's shared runs as [docStart, essayStart, length]. */
function sharedRuns(a: string[], b: string[]): [number, number, number][] {
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
  const runs: [number, number, number][] = []
  if (p > 0) runs.push([0, 0, p])
  const ma = a.slice(p, a.length - s)
  const mb = b.slice(p, b.length - s)
  for (const [x, y, n] of myers(ma, mb)) runs.push([x + p, y + p, n])
  if (s > 0) runs.push([a.length - s, b.length - s, s])
  return runs
}

function myers(a: string[], b: string[]): [number, number, number][] {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0) return []
  const max = Math.min(n + m, MAX_EDITS)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, offset, d, n, m)
    }
  }
  return []
}

/** trace[d] is the furthest-reaching x per diagonal before step d. */
function backtrack(
  trace: Int32Array[],
  offset: number,
  dEnd: number,
  n: number,
  m: number,
): [number, number, number][] {
  const runs: [number, number, number][] = []
  let x = n
  let y = m
  for (let d = dEnd; d >= 0; d--) {
    const prev = trace[d]
    const k = x - y
    const prevK = d === 0 ? 0 : k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1
    const prevX = d === 0 ? 0 : prev[offset + prevK]
    const prevY = prevX - prevK
    const startX = d === 0 ? 0 : prevK === k + 1 ? prevX : prevX + 1
    const startY = startX - k
    if (x > startX) runs.push([startX, startY, x - startX])
    x = prevX
    y = prevY
  }
  return runs.reverse()
}

export function align(docText: string, essay: string): Alignment {
  const a = Array.from(docText)
  const b = Array.from(essay)
  const runs = sharedRuns(a, b)
  const hunks: Hunk[] = []
  let x = 0
  let y = 0
  for (const [rx, ry, n] of [...runs, [a.length, b.length, 0] as [number, number, number]]) {
    if (rx > x || ry > y) hunks.push({ docStart: x, docEnd: rx, essayStart: y, essayEnd: ry })
    x = rx + n
    y = ry + n
  }
  const toEssay = (offset: number, side: 'start' | 'end'): number | null => {
    // A start maps when the character after it is shared, an end when the character before it is.
    for (const [rx, ry, n] of runs) {
      if (side === 'start' ? offset >= rx && offset < rx + n : offset > rx && offset <= rx + n) return ry + offset - rx
    }
    return null
  }
  return { toEssay, hunks }
}

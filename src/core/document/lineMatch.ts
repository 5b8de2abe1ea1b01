/**
 * Lines of two versions of a text matched the patience way (./textMap.ts): lines that occur once in
 * both, in order, grown over equal neighbours. Used where the texts do not simply follow each other
 * (paragraphs moved, long rewrites): see ./textAlign.ts for the usual case.
 */

/** The start of every line (each line ends after its '\n'; the last one at the end of the text), then the text's length. */
export function lineStarts(text: string): number[] {
  const out = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1)
  out.push(text.length)
  return out
}

/**
 * Longest increasing subsequence of `js` (the new-text lines of pairs already in old-text order): the
 * matches that keep their order. Returns the chosen pairs' indices, ascending.
 */
function increasing(js: Int32Array, n: number): Int32Array {
  const tails = new Int32Array(n)
  const prev = new Int32Array(n).fill(-1)
  let len = 0
  for (let i = 0; i < n; i++) {
    let lo = 0
    let hi = len
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (js[tails[mid]] < js[i]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]
    tails[lo] = i
    if (lo === len) len++
  }
  const out = new Int32Array(len)
  for (let i = len ? tails[len - 1] : -1, k = len - 1; i >= 0; i = prev[i]) out[k--] = i
  return out
}

/**
 * For each old line, the new line it is matched to, or -1. Each distinct line gets a number once (one
 * native map look-up per line), so lines are compared by number, never by their characters again.
 */
export function matchLines(oldText: string, newText: string, a: number[], b: number[]): Int32Array {
  const na = a.length - 1
  const nb = b.length - 1
  const ids = new Map<string, number>()
  const idA = new Int32Array(na)
  for (let i = 0; i < na; i++) {
    const k = oldText.slice(a[i], a[i + 1])
    let id = ids.get(k)
    if (id === undefined) ids.set(k, (id = ids.size))
    idA[i] = id
  }
  // A new line the old text does not have is -1: it equals no old line.
  const idB = new Int32Array(nb)
  for (let j = 0; j < nb; j++) idB[j] = ids.get(newText.slice(b[j], b[j + 1])) ?? -1
  const countA = new Int32Array(ids.size)
  const countB = new Int32Array(ids.size)
  const atB = new Int32Array(ids.size)
  for (let i = 0; i < na; i++) countA[idA[i]]++
  for (let j = 0; j < nb; j++) {
    const id = idB[j]
    if (id >= 0) {
      countB[id]++
      atB[id] = j
    }
  }
  // Lines that occur once in both, in old-text order (patience diff).
  const pi = new Int32Array(Math.min(na, nb))
  const pj = new Int32Array(Math.min(na, nb))
  let n = 0
  for (let i = 0; i < na; i++) {
    const id = idA[i]
    if (countA[id] === 1 && countB[id] === 1) {
      pi[n] = i
      pj[n++] = atB[id]
    }
  }
  const match = new Int32Array(na).fill(-1)
  for (const k of increasing(pj, n)) match[pi[k]] = pj[k]
  const same = (i: number, j: number) => idA[i] === idB[j]
  // Grow each match over equal neighbours (repeated lines, the first and last lines), in order.
  const next = new Int32Array(na + 1).fill(nb)
  for (let i = na - 1; i >= 0; i--) next[i] = match[i] >= 0 ? match[i] : next[i + 1]
  for (let i = 0, j = 0; i < na; i++) {
    if (match[i] >= 0) j = match[i] + 1
    else if (j < next[i] && same(i, j)) match[i] = j++
  }
  const prev = new Int32Array(na).fill(-1)
  for (let i = 0; i < na; i++) prev[i] = match[i] >= 0 ? match[i] : i > 0 ? prev[i - 1] : -1
  for (let i = na - 1, j = nb - 1; i >= 0; i--) {
    if (match[i] >= 0) j = match[i] - 1
    else if (j >= 0 && j > (i > 0 ? prev[i - 1] : -1) && same(i, j)) match[i] = j--
  }
  return match
}

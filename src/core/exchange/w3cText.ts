/**
 * Pieces of `JSON.stringify(value, null, 2)` text, for an export written straight as text at a known
 * depth: the output of a whole-object stringify is the same bytes.
 */

/** A line break and the indentation of the given depth (two spaces a level). */
export const pad = (depth: number): string => '\n' + '  '.repeat(depth)

/** A value stringified as it reads at the depth whose line start is `at` (a `pad`). */
export const indented = (value: unknown, at: string): string => JSON.stringify(value, null, 2).replaceAll('\n', at)

// What JSON.stringify escapes in a string: quotes, backslashes, controls, and surrogates when lone.
// eslint-disable-next-line no-control-regex -- the controls are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * A string as it reads between its quotes in JSON: most are written as they are, so the text of 10,000
 * annotations is mostly the rows' own strings and no copies of them.
 */
export const inner = (value: string): string => (ESCAPED.test(value) ? JSON.stringify(value).slice(1, -1) : value)

/** Strings made flat once (a string built by concatenation is a tree until first read whole). */
export function flat<K extends string>(parts: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>
  for (const key of Object.keys(parts) as K[]) out[key] = JSON.parse(JSON.stringify(parts[key])) as string
  return out
}

/**
 * Writes an array of strings whose line starts at `at` (a `pad`) as pieces onto `out`; `one` writes
 * the list of that one string (most version histories) without making the list.
 */
export function stringList(at: string): ((out: string[], list: readonly string[]) => void) & {
  one: (out: string[], value: string) => void
} {
  const t = flat({ open: `[${at}  "`, next: `",${at}  "`, close: `"${at}]` })
  const write = (out: string[], list: readonly string[]): void => {
    if (list.length === 0) {
      out.push('[]')
      return
    }
    for (let i = 0; i < list.length; i++) out.push(i ? t.next : t.open, inner(list[i]))
    out.push(t.close)
  }
  return Object.assign(write, { one: (out: string[], value: string) => void out.push(t.open, inner(value), t.close) })
}

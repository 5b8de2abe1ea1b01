/**
 * The version rules every merge applies to an entity that merges by id (claims, sources, replies, tags,
 * corrections). The same in every file, so merges converge whatever their order.
 */

export type Relation = 'new' | 'same' | 'theirs-newer' | 'concurrent'

/**
 * Version relation of an incoming entity to ours. Ours is "known" when we have seen their version (we
 * are equal or newer); theirs is newer when their history contains our version; otherwise both changed
 * since the last version they share.
 */
export function relation(
  known: ReadonlySet<string> | undefined,
  ours: string | undefined,
  theirs: { version: string; history: string[] },
): Relation {
  if (ours === undefined) return 'new'
  if (known?.has(theirs.version)) return 'same'
  if (theirs.history.includes(ours)) return 'theirs-newer'
  return 'concurrent'
}

interface Versioned {
  modified: string
  version: string
}

/** True when `a` stays in place over `b` (both changed it): later modified time, then the larger version id. */
export const wins = (a: Versioned, b: Versioned): boolean =>
  a.modified !== b.modified ? a.modified > b.modified : a.version > b.version

import type { ReviewStore } from '../review/store'
import { bundleAround } from './bundle'
import { eachBundleEvent } from './bundleThread'
import { eachBundleClaim, eachBundleSource } from './exportRows'

/**
 * The review bundle as the text `JSON.stringify(exportBundle(store, actor), null, 2)` makes, written
 * in parts: its claims, sources and history entries (nearly all of a large bundle) are read one at a
 * time and stringified a few hundred at a time, so each object dies young, where 10,000 of each held
 * until one stringify of the whole were copied by every minor collection on the way. Each part is
 * stringified by JSON.stringify itself, inside an object that puts it at its depth in the bundle, so
 * its text is the whole stringify's byte for byte (test/bundleText.test.ts holds the two to it).
 */

/** Objects stringified at a time. */
export const OBJECTS_PER_PART = 200

/**
 * The text of a root key's array (`"key": [` … `]` at depth 1), as pieces onto `out`: the items of
 * each part as `JSON.stringify({ key: part }, null, 2)` writes them, parts joined by commas.
 */
function arrayText<T>(out: string[], key: string, items: Iterable<T>, each?: (item: T) => void): void {
  // A raw line break is never inside a JSON string, so these are the wrapper's own first and last lines.
  const open = `{\n  ${JSON.stringify(key)}: [`
  const close = '\n  ]\n}'
  let part: T[] = []
  let parts = 0
  const write = () => {
    const text = JSON.stringify({ [key]: part }, null, 2)
    out.push(parts++ ? ',' : '[', text.slice(open.length, text.length - close.length))
    part = []
  }
  for (const item of items) {
    each?.(item)
    part.push(item)
    if (part.length === OBJECTS_PER_PART) write()
  }
  if (part.length > 0) write()
  out.push(parts ? '\n  ]' : '[]')
}

export function exportBundleText(store: ReviewStore, actor: string, exported = new Date().toISOString()): string {
  const history = store.versionHistories()
  const names = new Set<string>()
  const claims: string[] = []
  arrayText(claims, 'claims', eachBundleClaim(store, history), (c) => names.add(c.author).add(c.modifiedBy))
  const sources: string[] = []
  arrayText(sources, 'sources', eachBundleSource(store, history))
  const events: string[] = []
  arrayText(events, 'events', eachBundleEvent(store.db))
  const bundle = bundleAround(store, { actor, exported, history, names }, { claims: [], sources: [], events: [] })
  const rest = JSON.stringify(bundle, null, 2)
  // Each array is written where the bundle's own (empty) one is: a root key, so after a line break.
  const out: string[] = []
  let from = 0
  for (const [key, text] of [
    ['claims', claims],
    ['sources', sources],
    ['events', events],
  ] as const) {
    const empty = `\n  "${key}": []`
    const at = rest.indexOf(empty, from)
    if (at < 0) throw new Error(`the bundle has no ${key}`)
    out.push(rest.slice(from, at + empty.length - 2), ...text)
    from = at + empty.length
  }
  out.push(rest.slice(from))
  return out.join('')
}

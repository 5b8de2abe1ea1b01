import type { ZodType } from 'zod'
import { LIMITS } from '../../shared/domain'
import { codePointLength, cpSlice } from '../../shared/text'
import { reanchor, type FuzzyBudget } from '../document/anchoring'
import type { BundleClaim } from './bundle'
import { parseBodies, type Bodies } from './w3cBodies'
import { asList, creatorName, optionalTime, textTarget, type Json, type Refuse, type TextTarget } from './w3cRead'
import { X } from './w3cShared'

/**
 * One annotation of a W3C import, read on its own: its fields checked (a refusal names the annotation),
 * the version its content gives it, and where its target sits in the open essay. readW3c (w3cImport.ts)
 * puts the annotations together as claims, replies, sources and tags.
 */

export interface Parsed {
  raw: Json
  rawId: string
  at: Refuse
  motivations: unknown[]
  target: TextTarget | null
  creator: string
  created?: string
  modified?: string
  bodies: Bodies
}

export function parseAnnotation(a: Json, index: number, refuse: Refuse, names: Map<string, string>): Parsed {
  const at: Refuse = Object.assign(
    (problem: string) =>
      refuse(`annotation ${index + 1}${typeof a.id === 'string' ? ` (${a.id.slice(0, 200)})` : ''}: ${problem}`),
    {
      file: refuse.file,
    },
  )
  if (typeof a.id !== 'string' || a.id === '') at('its id is missing or not text')
  if (a.id.length > LIMITS.url) at(`its id is longer than ${LIMITS.url} characters`)
  if (a.target === undefined || a.target === null) at('it has no target')
  const motivations = asList(a.motivation)
  if (motivations.some((m) => typeof m !== 'string')) at('its motivation is not text')
  return {
    raw: a,
    rawId: a.id,
    at,
    motivations,
    target: textTarget(a.target, at),
    creator: creatorName(a.creator, names, at),
    created: optionalTime(a.created, 'its created time', at),
    modified: optionalTime(a.modified, 'its modified time', at),
    bodies: parseBodies(a, a.id, at),
  }
}

/** The version of an imported claim or source: Factdesk's own when its content is as exported, else
 * a hash of the content, so re-importing is a no-op and an edit elsewhere is a newer version. */
export function versionOf(digest: string, ext: Json): { version: string; history: string[] } {
  const own = `w3c-${digest.slice(0, 40)}`
  const version = ext[X.version]
  if (typeof version !== 'string') return { version: own, history: [own] }
  const history = (Array.isArray(ext[X.history]) ? ext[X.history] : [version]) as string[]
  const known = history.includes(version) ? history : [...history, version]
  return ext[X.digest] === digest ? { version, history: known } : { version: own, history: [...known, own] }
}

type Placement = Pick<BundleClaim, 'exact' | 'prefix' | 'suffix' | 'start' | 'end' | 'anchored'>

/** Where the claim sits in the open essay; null when it has neither a quote nor a position inside it. */
export function place(t: TextTarget, text: string, length: number, budget: FuzzyBudget): Placement | null {
  const pos = t.position && !t.position.relative ? t.position : undefined
  let exact = t.exact
  if (exact === undefined) {
    if (!pos || pos.end <= pos.start || pos.end > length) return null
    exact = cpSlice(text, pos.start, pos.end)
  }
  const found = reanchor(text, { exact, prefix: t.prefix, suffix: t.suffix, start: pos?.start, end: pos?.end }, budget)
  if (found) return { ...found.anchor, anchored: true }
  // An unanchored claim keeps a position inside this essay, so the review still exports as a valid bundle.
  const at =
    pos && pos.end > pos.start && pos.end <= length
      ? pos
      : { start: 0, end: Math.max(1, Math.min(codePointLength(exact), length)) }
  const prefix = cpSlice(t.prefix, Math.max(0, codePointLength(t.prefix) - LIMITS.context))
  return { exact, prefix, suffix: cpSlice(t.suffix, 0, LIMITS.context), start: at.start, end: at.end, anchored: false }
}

/** `value` as `schema` reads it; else the annotation is refused with the first problems. */
export function check<T>(schema: ZodType<T>, value: unknown, at: Refuse): T {
  const r = schema.safeParse(value)
  if (!r.success)
    at(
      r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    )
  return r.data
}

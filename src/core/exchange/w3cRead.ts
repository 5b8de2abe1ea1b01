import { LIMITS } from '../../shared/domain'
import { FactdeskError } from '../../shared/errors'
import { IMPORT_LIMITS } from './safeJson'

/** Structure of W3C Web Annotation data: what the file holds, before it means anything to a review. */

export type Json = Record<string, unknown>
/** Refuses the file with a technical detail; `file` names it for the refusals that have their own code. */
export type Refuse = ((problem: string) => never) & { file: string }

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
export const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
export const hasType = (v: unknown, type: string): boolean =>
  isObject(v) && (v.type === type || (Array.isArray(v.type) && v.type.includes(type)))

/** What is wrong where in the annotations is a technical detail, named inside the localised refusal. */
export function refuser(name: string): Refuse {
  const refuse = (problem: string): never => {
    throw new FactdeskError('import-invalid-annotations', { file: name, detail: problem })
  }
  return Object.assign(refuse, { file: name })
}

function tooMany(file: string, found: number): never {
  throw new FactdeskError('import-too-many', { file, what: 'annotations', limit: IMPORT_LIMITS.annotations, found })
}

/** A single Annotation, a list of them, an AnnotationPage or an AnnotationCollection. */
export function isW3cAnnotationData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && hasType(value[0], 'Annotation')
  return hasType(value, 'Annotation') || hasType(value, 'AnnotationPage') || hasType(value, 'AnnotationCollection')
}

function pageItems(first: unknown, refuse: Refuse): unknown[] {
  const items: unknown[] = []
  let page: unknown = first
  for (let n = 1; page !== undefined; n++) {
    if (typeof page === 'string') {
      throw new FactdeskError('import-pages-linked', { file: refuse.file })
    }
    if (!isObject(page) || !hasType(page, 'AnnotationPage'))
      refuse(`page ${n} of the annotations is not an AnnotationPage`)
    if (!Array.isArray(page.items)) refuse(`the items of page ${n} are not a list`)
    if (items.length + page.items.length > IMPORT_LIMITS.annotations)
      tooMany(refuse.file, items.length + page.items.length)
    for (const item of page.items) items.push(item)
    page = page.next ?? undefined
  }
  return items
}

/** The annotations the file holds, each checked to be an Annotation object. */
export function annotationsOf(value: unknown, refuse: Refuse): Json[] {
  let items: unknown[]
  if (Array.isArray(value)) items = value
  else if (hasType(value, 'Annotation')) items = [value]
  else if (hasType(value, 'AnnotationPage')) items = pageItems(value, refuse)
  else {
    const collection = value as Json
    if (collection.first === undefined) refuse('the AnnotationCollection has no first page')
    items = pageItems(collection.first, refuse)
    const total = collection.total
    if (total !== undefined && !(Number.isInteger(total) && (total as number) >= 0))
      refuse('the collection\'s "total" is not a whole number')
    if (typeof total === 'number' && items.length < total) {
      refuse(`the collection says it holds ${total} annotations but its embedded pages hold ${items.length}`)
    }
  }
  if (items.length > IMPORT_LIMITS.annotations) tooMany(refuse.file, items.length)
  items.forEach((a, i) => {
    if (!hasType(a, 'Annotation')) refuse(`item ${i + 1} is not an Annotation`)
  })
  return items as Json[]
}

export interface TextTarget {
  source: string
  textHash: string
  exact?: string
  prefix: string
  suffix: string
  /** A position inside `refinedBy` of another kind of selector counts from that selection, not the text. */
  position?: { start: number; end: number; relative: boolean }
}

const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

function collectSelectors(selector: unknown, into: TextTarget, relative: boolean, refuse: Refuse): void {
  for (const s of asList(selector)) {
    if (!isObject(s)) refuse('a selector is not an object')
    if (hasType(s, 'TextQuoteSelector')) {
      if (typeof s.exact !== 'string') refuse('a TextQuoteSelector has no "exact" text')
      for (const k of ['prefix', 'suffix'] as const) {
        if (s[k] !== undefined && typeof s[k] !== 'string') refuse(`a TextQuoteSelector's "${k}" is not text`)
      }
      if (s.exact.length > LIMITS.quote) refuse(`a quote is longer than ${LIMITS.quote} characters`)
      if (into.exact === undefined && s.exact !== '') {
        into.exact = s.exact.normalize('NFC')
        into.prefix = ((s.prefix as string | undefined) ?? '').normalize('NFC')
        into.suffix = ((s.suffix as string | undefined) ?? '').normalize('NFC')
      }
    } else if (hasType(s, 'TextPositionSelector')) {
      if (!isOffset(s.start) || !isOffset(s.end))
        refuse('a TextPositionSelector\'s "start" and "end" must be whole numbers of 0 or more')
      if (s.start > s.end) refuse(`a TextPositionSelector starts at ${s.start}, after its end at ${s.end}`)
      into.position ??= { start: s.start, end: s.end, relative }
    }
    const text = hasType(s, 'TextQuoteSelector') || hasType(s, 'TextPositionSelector')
    if (s.refinedBy !== undefined) collectSelectors(s.refinedBy, into, relative || !text, refuse)
  }
}

/** The first target that selects text, or null when the annotation targets no text. */
export function textTarget(target: unknown, refuse: Refuse): TextTarget | null {
  for (const t of asList(target)) {
    if (typeof t === 'string') continue
    if (!isObject(t)) refuse('a target is neither an address nor an object')
    const source = isObject(t.source) ? t.source.id : (t.source ?? t.id)
    if (source !== undefined && typeof source !== 'string') refuse('a target\'s "source" is not an address')
    const found: TextTarget = {
      source: source ?? '',
      textHash: typeof t['factdesk:textHash'] === 'string' ? t['factdesk:textHash'] : '',
      prefix: '',
      suffix: '',
    }
    collectSelectors(t.selector, found, false, refuse)
    if (found.exact !== undefined || found.position) return found
  }
  return null
}

/** Ids a `replying` annotation answers: its targets that are plain addresses (or objects naming one). */
export function targetIds(target: unknown): string[] {
  return asList(target)
    .map((t) =>
      typeof t === 'string'
        ? t
        : isObject(t)
          ? (t.id ?? (typeof t.source === 'string' ? t.source : undefined))
          : undefined,
    )
    .filter((t): t is string => typeof t === 'string')
}

/** Text of an optional string property, checked; `max` in UTF-16 units is close enough for a cap. */
export function optionalText(v: unknown, what: string, max: number, refuse: Refuse): string | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') refuse(`${what} is not text`)
  if (v.length > max) refuse(`${what} is longer than ${max} characters`)
  return v.normalize('NFC')
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

export function optionalTime(v: unknown, what: string, refuse: Refuse): string | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' || !RFC3339.test(v) || Number.isNaN(Date.parse(v)))
    refuse(`${what} is not a date and time (xsd:dateTime with a time zone)`)
  return new Date(v).toISOString()
}

const agentName = (agent: Json): unknown => agent.name ?? agent.nickname

/** Readable names the file gives anywhere for a creator id (a later annotation may name who an earlier one only identifies). */
export function creatorNames(annotations: Json[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const a of annotations) {
    for (const c of asList(a.creator)) {
      const name = isObject(c) ? agentName(c) : undefined
      if (isObject(c) && typeof c.id === 'string' && typeof name === 'string' && name.trim() && !names.has(c.id))
        names.set(c.id, name)
    }
  }
  return names
}

/**
 * Name of an annotation's creator: an Agent's name or nickname; a creator given only by its id (a bare
 * IRI such as Hypothesis's "acct:…", or an Agent without a name) takes the name the file gives that id
 * elsewhere, else reads "Unknown (id)" so an id is never passed off as a person's name.
 */
export function creatorName(v: unknown, names: Map<string, string>, refuse: Refuse): string {
  const first = asList(v)[0]
  if (first === undefined) return ''
  const named = isObject(first) ? agentName(first) : undefined
  const id = typeof first === 'string' ? first : isObject(first) ? first.id : undefined
  if (named === undefined && typeof id === 'string' && id.trim()) {
    const known = names.get(id)
    if (known === undefined) return `Unknown (${id.trim().slice(0, LIMITS.reviewerName - 'Unknown ()'.length)})`
    return creatorName({ name: known }, names, refuse)
  }
  if (named === undefined) return ''
  const text = optionalText(named, "the creator's name", LIMITS.reviewerName, refuse) ?? ''
  return text.trim()
}

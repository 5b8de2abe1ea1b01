import { LIMITS, verdictIdSchema, type Verdict } from '../../shared/domain'
import { normalizeTagName } from '../../shared/thread'
import { isHttpUrl } from '../../shared/url'
import { asList, hasType, isObject, optionalText, type Json, type Refuse } from './w3cRead'
import { toIri, uuidV5, X } from './w3cShared'

/** Bodies of a W3C annotation as Factdesk reads them: comments, tags, ratings and links. */

export const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i
/** `urn:uuid:` ids keep their UUID; any other id (Hypothesis, Recogito) always maps to the same one. */
export const idFor = (raw: string): string => UUID_URN.exec(raw)?.[1].toLowerCase() ?? uuidV5(raw)

const SOURCE_FIELDS = ['title', 'publisher', 'published', 'accessed', 'excerpt', 'archiveUrl'] as const
export type SourceText = Record<'url' | (typeof SOURCE_FIELDS)[number], string>

export interface Link {
  id: string
  fields: SourceText
  ext: Json
}

export interface Bodies {
  comments: string[]
  tags: string[]
  ratings: string[]
  verdict?: Verdict
  links: Link[]
  /** Tagging bodies Factdesk wrote (with a version and a valid tag name): tags, not text of the note. */
  ownTags: Json[]
  /** Schemes of links that were not stored (e.g. "javascript:"). */
  refused: string[]
}

const scheme = (url: string): string =>
  /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1].toLowerCase().concat(':') ?? 'not an address'
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", nbsp: ' ' }
const htmlToText = (html: string): string =>
  html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e])

export function parseBodies(a: Json, rawId: string, at: Refuse): Bodies {
  const out: Bodies = { comments: [], tags: [], ratings: [], links: [], ownTags: [], refused: [] }
  const bodyValue = optionalText(a.bodyValue, 'its bodyValue', LIMITS.note, at)
  if (bodyValue?.trim()) out.comments.push(bodyValue)
  for (let b of asList(a.body)) {
    if (hasType(b, 'Choice')) b = asList((b as Json).items)[0]
    if (b === undefined) continue
    if (!isObject(b) && typeof b !== 'string') at('a body is neither an address nor an object')
    const body: Json = typeof b === 'string' ? { id: b } : b
    const purposes = asList(body.purpose)
    if (body.value !== undefined || hasType(body, 'TextualBody')) {
      let value = optionalText(body.value, "a body's value", LIMITS.note, at) ?? ''
      if (body.format === 'text/html') value = htmlToText(value)
      if (purposes.includes('assessing')) {
        out.ratings.push(value.trim())
        const v = body[X.verdict]
        if (verdictIdSchema.safeParse(v).success) out.verdict ??= v as Verdict
      } else if (purposes.includes('tagging')) {
        const tag = normalizeTagName(value)
        if (typeof body[X.version] === 'string' && tag.ok && tag.name === value) out.ownTags.push(body)
        else if (value.trim()) out.tags.push(value.trim())
      } else if (value.trim()) out.comments.push(value)
      continue
    }
    const url = isObject(body.source) ? body.source.id : (body.source ?? body.id)
    if (typeof url !== 'string') at('a body has no value, source or id')
    if (!isHttpUrl(url.trim()) || url.length > LIMITS.url) {
      out.refused.push(scheme(url))
      continue
    }
    // Factdesk's own export keeps the address as written beside its percent-encoded `source`.
    const written = body[X.url]
    const stored = typeof written === 'string' && toIri(written) === url.trim() ? written : url.trim()
    const fields = { url: stored } as SourceText
    for (const k of SOURCE_FIELDS) {
      fields[k] = optionalText(body[X[k]], `a link's ${k}`, k === 'excerpt' ? LIMITS.excerpt : LIMITS.field, at) ?? ''
    }
    if (fields.archiveUrl && !isHttpUrl(fields.archiveUrl)) {
      out.refused.push(scheme(fields.archiveUrl))
      fields.archiveUrl = ''
    }
    const id =
      typeof body.id === 'string' && UUID_URN.test(body.id) ? idFor(body.id) : uuidV5(`${rawId}\n${fields.url}`)
    if (!out.links.some((l) => l.id === id)) out.links.push({ id, fields, ext: body })
  }
  return out
}

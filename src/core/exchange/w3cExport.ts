import type { Lang } from '../../shared/domain'
import { verdictLabel } from '../../shared/scales'
import { activeScale } from '../scales/scales'
import type { SourceRow } from '../db/rows'
import type { ReviewStore } from '../review/store'
import { readSettings } from '../republish/settings'
import { claimDigest, CONTEXT, documentIri, sourceDigest, toIri, X } from './w3cShared'
import { originsByClaim } from './w3cOrigin'
import { w3cThreadExport } from './w3cThread'
import { allClaimRows, allSourceRows } from '../claims/queries'

function documentMeta(store: ReviewStore): { sourceUrl: string; lang: Lang } {
  const row = store.db.prepare(`SELECT source_url, language FROM document LIMIT 1`).get() as {
    source_url: string
    language: string
  }
  return { sourceUrl: row.source_url, lang: /^en\b/i.test(row.language) ? 'en' : 'ko' }
}

function linkBody(s: SourceRow, history: string[]): Record<string, unknown> {
  const fields = {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    published: s.published,
    accessed: s.accessed,
    excerpt: s.excerpt,
    archiveUrl: s.archive_url,
  }
  // A SpecificResource, not the bare URL: the W3C MUSTs forbid `purpose` on an External Web Resource.
  const source = toIri(s.url)
  const body: Record<string, unknown> = { id: `urn:uuid:${s.id}`, type: 'SpecificResource', purpose: 'linking', source }
  if (source !== s.url) body[X.url] = s.url
  for (const key of ['title', 'publisher', 'published', 'accessed', 'excerpt', 'archiveUrl'] as const) {
    if (fields[key]) body[X[key]] = fields[key]
  }
  return {
    ...body,
    [X.created]: s.created,
    [X.modified]: s.modified,
    [X.revision]: s.revision,
    [X.version]: s.version,
    [X.history]: history,
    [X.digest]: sourceDigest(fields),
  }
}

/** Every live claim as a W3C Web Annotation, in one AnnotationCollection with its page embedded. */
export function exportW3c(store: ReviewStore): object {
  // The essay's id, title and hash only: its blocks are the largest thing in the file to parse.
  const doc = store.db.prepare(`SELECT id, title, content_hash AS hash FROM document LIMIT 1`).get() as {
    id: string
    title: string
    hash: string
  }
  const { sourceUrl, lang } = documentMeta(store)
  const scale = activeScale(store)
  const essay = documentIri({ id: doc.id, sourceUrl: readSettings(store).essayUrl || sourceUrl })
  const histories = store.versionHistories()
  const history = (id: string, version: string) => histories.get(id) ?? [version]
  const claims = allClaimRows(store).filter((c) => c.deleted === 0)
  const sources = new Map<string, SourceRow[]>()
  for (const s of allSourceRows(store)) {
    if (s.deleted === 1) continue
    sources.set(s.claim_id, [...(sources.get(s.claim_id) ?? []), s])
  }
  const thread = w3cThreadExport(store, history)
  const origins = originsByClaim(store.db)
  const claimItems = claims.map((c) => {
    const body: Record<string, unknown>[] = []
    if (c.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' })
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: verdictLabel(scale, c.verdict, lang),
      language: lang,
      [X.verdict]: c.verdict,
    })
    for (const s of sources.get(c.id) ?? []) body.push(linkBody(s, history(s.id, s.version)))
    body.push(...thread.tagBodies(c.id))
    return {
      '@context': CONTEXT,
      id: `urn:uuid:${c.id}`,
      ...origins.get(c.id),
      type: 'Annotation',
      motivation: 'assessing',
      created: c.created,
      modified: c.modified,
      ...(c.author ? { creator: { type: 'Person', name: c.author } } : {}),
      body,
      target: {
        source: essay,
        [X.textHash]: doc.hash,
        selector: [
          { type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix },
          { type: 'TextPositionSelector', start: c.start, end: c.end },
        ],
      },
      [X.status]: c.status,
      [X.modifiedBy]: c.modified_by,
      [X.revision]: c.revision,
      [X.version]: c.version,
      [X.history]: history(c.id, c.version),
      [X.digest]: claimDigest(c),
    }
  })
  // Replies follow the claims, each a `replying` annotation targeting its claim's annotation.
  const items = [...claimItems, ...thread.replies]
  return {
    '@context': CONTEXT,
    id: `urn:uuid:${doc.id}`,
    type: 'AnnotationCollection',
    label: doc.title,
    total: items.length,
    first: { id: `urn:uuid:${doc.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

/**
 * The files of the service's benchmark (./serviceSection.ts): a bundle of the workload's claims as
 * another reviewer sends it, the same claims as a second reviewer has them, and the reference the
 * import is measured against, raw inserts of the same rows.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { exportBundle, type ReviewBundle } from '../../src/core/exchange/bundle'
import type { ReviewStore } from '../../src/core/review/store'
import { openReview } from '../../src/core/review/open'
import { readDocument } from '../../src/core/document/queries'
import { withoutAutoCheckpoint } from '../../src/core/db/checkpoint'
import { timed, type Timing } from './report'
import type { Workload } from './workload'

const VERDICTS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'unrated']
const STATUSES = ['open', 'in-review', 'checked']

/** A bundle of the workload's claims on its essay, as another reviewer would send it. */
export function workloadBundle(w: Workload, dir: string): ReviewBundle {
  const seed = openReview(join(dir, 'seed.factdesk'), w.essay)
  const template = exportBundle(seed, '벤치')
  seed.close()
  const now = new Date().toISOString()
  const claims = w.claims.map((a, i) => {
    const version = randomUUID()
    return {
      id: randomUUID(),
      ...a,
      anchored: true,
      textChanged: false,
      verdict: VERDICTS[i % VERDICTS.length],
      status: STATUSES[i % STATUSES.length],
      note: i % 2 ? `메모 ${i}: 서울 지사 설립 발표 확인, 보도자료와 대조` : '',
      author: i % 3 ? '김기자' : '박편집',
      created: now,
      modified: now,
      modifiedBy: '김기자',
      revision: 1,
      deleted: false,
      version,
      history: [version],
    }
  })
  const sources = claims
    .filter((_, i) => i % 3 === 0)
    .map((c, i) => {
      const version = randomUUID()
      return {
        id: randomUUID(),
        claimId: c.id,
        url: `https://example.org/source/${i}`,
        title: `보도자료 ${i}`,
        publisher: '오픈AI',
        published: '2025-05-26',
        accessed: '2025-06-01',
        excerpt: '서울 지사',
        archiveUrl: '',
        created: now,
        modified: now,
        revision: 1,
        deleted: false,
        version,
        history: [version],
      }
    })
  return { ...template, claims, sources, reviewers: ['김기자', '박편집'] } as ReviewBundle
}

/** The same claims as a second reviewer has them: half rated again since, a tenth changed by both. */
export function secondBundle(a: ReviewBundle): ReviewBundle {
  const later = new Date(Date.now() + 60_000).toISOString()
  const claims = a.claims.map((c, i) => {
    if (i % 2) return c
    const version = randomUUID()
    const history =
      i % 10 === 0 ? [c.history[0].replace(/.$/, (x) => (x === '0' ? '1' : '0')), version] : [...c.history, version]
    return {
      ...c,
      verdict: 'mostly-true',
      note: `${c.note} (재확인)`,
      modified: later,
      modifiedBy: '박편집',
      revision: 2,
      version,
      history,
    }
  })
  return { ...a, claims, exportedBy: '박편집' }
}

/**
 * Raw inserts of the bundle's rows into the review file's own tables, in one transaction. Its commit
 * leaves the checkpoint until after, as the import's does (src/core/db/checkpoint.ts): the two write
 * the same pages to the WAL, and each copies them into the file afterwards.
 */
export function rawInserts(store: ReviewStore, b: ReviewBundle): Timing<void> {
  const documentId = readDocument(store).id
  const claim = store.db.prepare(
    `INSERT INTO claim (id, document_id, exact, prefix, suffix, start, end, anchored, verdict, status, note, author, created, modified, modified_by, revision, deleted, version, text_changed)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)`,
  )
  const source = store.db.prepare(
    `INSERT INTO source (id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created, modified, revision, deleted, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  )
  const seen = store.db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
  return timed(() =>
    withoutAutoCheckpoint(store.db, () =>
      store.db
        .transaction(() => {
          for (const c of b.claims) {
            claim.run(
              c.id,
              documentId,
              c.exact,
              c.prefix,
              c.suffix,
              c.start,
              c.end,
              c.verdict,
              c.status,
              c.note,
              c.author,
              c.created,
              c.modified,
              c.modifiedBy,
              c.revision,
              c.version,
            )
            for (const v of c.history) seen.run(c.id, v)
          }
          for (const s of b.sources) {
            source.run(
              s.id,
              s.claimId,
              s.url,
              s.title,
              s.publisher,
              s.published,
              s.accessed,
              s.excerpt,
              s.archiveUrl,
              s.created,
              s.modified,
              s.revision,
              s.version,
            )
            for (const v of s.history) seen.run(s.id, v)
          }
        })
        .immediate(),
    ),
  )
}

import { exportedArchiveUrl, isHttpUrl } from '../../shared/url'
import type { ReviewStore } from '../review/store'
import type { BundleClaim, BundleSource } from './bundleEntities'
import type { Status } from '../../shared/domain'

/**
 * The claims and sources of a bundle export, each object built once from its row in the order the file
 * needs. The rows come as arrays (better-sqlite3's raw mode), so an export of 10,000 claims makes no
 * row object to copy from and throw away: its garbage collection was most of the export's time.
 */

type Histories = Map<string, string[]>

/** A bundle's claim as exported: whether its words changed is always written. */
type ExportedClaim = BundleClaim & { textChanged: boolean }

const CLAIMS = `SELECT id, exact, prefix, suffix, start, end, anchored, text_changed, verdict, status, note, author,
  created, modified, modified_by, revision, deleted, version FROM claim ORDER BY start, end, created, id`

/**
 * Every claim, tombstones included, in position order (the order of `allClaimRows`): the fields and
 * their order are `toBundleClaim`'s (./bundle.ts), which live sync uses for one claim at a time.
 */
export function bundleClaims(store: ReviewStore, histories: Histories): ExportedClaim[] {
  const rows = store.db.prepare(CLAIMS).raw().all() as unknown[][]
  const claims = new Array<ExportedClaim>(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    const id = r[0] as string
    const version = r[17] as string
    claims[i] = {
      id,
      exact: r[1] as string,
      prefix: r[2] as string,
      suffix: r[3] as string,
      start: r[4] as number,
      end: r[5] as number,
      anchored: r[6] === 1,
      textChanged: r[7] === 1,
      verdict: r[8] as string,
      status: r[9] as Status,
      note: r[10] as string,
      author: r[11] as string,
      created: r[12] as string,
      modified: r[13] as string,
      modifiedBy: r[14] as string,
      revision: r[15] as number,
      deleted: r[16] === 1,
      version,
      history: histories.get(id) ?? [version],
    }
  }
  return claims
}

const SOURCES = `SELECT id, claim_id, url, title, publisher, published, accessed, excerpt, archive_url, created,
  modified, revision, version, deleted FROM source ORDER BY claim_id, created, id`

/** Every http(s) source, as `allSourceRows` filters them: another tool's other links are not passed on. */
export function bundleSources(store: ReviewStore, histories: Histories): BundleSource[] {
  const rows = store.db.prepare(SOURCES).raw().all() as unknown[][]
  const sources: BundleSource[] = []
  for (const r of rows) {
    const url = r[2] as string
    if (!isHttpUrl(url)) continue
    const id = r[0] as string
    const version = r[12] as string
    sources.push({
      id,
      claimId: r[1] as string,
      url,
      title: r[3] as string,
      publisher: r[4] as string,
      published: r[5] as string,
      accessed: r[6] as string,
      excerpt: r[7] as string,
      archiveUrl: exportedArchiveUrl(r[8] as string),
      created: r[9] as string,
      modified: r[10] as string,
      revision: r[11] as number,
      version,
      deleted: r[13] === 1,
      history: histories.get(id) ?? [version],
    })
  }
  return sources
}

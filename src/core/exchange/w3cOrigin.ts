import type Database from 'better-sqlite3'
import { isHttpUrl } from '../../shared/url'

/**
 * The identity an imported W3C annotation had before it became a Factdesk claim. A claim's id is a UUID
 * (`urn:uuid:` in exports), so an annotation with any other id (Hypothesis's `https://hypothes.is/a/…`)
 * keeps it as `via`, the model's "the IRI this annotation was copied from" (Web Annotation Data Model
 * 3.3.7), and any `canonical` IRI it carried is kept as given. Read back, a `via` stays the original's.
 */

export interface ClaimOrigin {
  claimId: string
  via: string
  canonical: string
}

/**
 * Only IRIs the W3C schemas accept as `uri` are written back: an http(s) one percent-encoded, any other
 * absolute one (urn:, tag:) if it is plain ASCII without spaces; a relative id ("#a1") stays behind.
 */
export function asExportIri(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2000) return undefined
  if (isHttpUrl(raw)) return new URL(raw).href
  return /^[a-z][a-z0-9+.-]*:[\x21-\x7e]+$/i.test(raw) && !/[<>"{}|\\^`]/.test(raw) ? raw : undefined
}

/** Kept for claims the import left in the review; the first origin a claim is given stays. */
export function recordOrigins(db: Database.Database, origins: ClaimOrigin[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO claim_origin (claim_id, via, canonical) SELECT @claimId, @via, @canonical WHERE EXISTS (SELECT 1 FROM claim WHERE id = @claimId)`,
  )
  for (const o of origins) insert.run(o)
}

/** The origin of every claim that has one, as export properties. */
export function originsByClaim(db: Database.Database): Map<string, Record<string, string>> {
  const rows = db.prepare(`SELECT claim_id, via, canonical FROM claim_origin`).all() as {
    claim_id: string
    via: string
    canonical: string
  }[]
  return new Map(
    rows.map((r) => [
      r.claim_id,
      { ...(r.via ? { via: r.via } : {}), ...(r.canonical ? { canonical: r.canonical } : {}) },
    ]),
  )
}

import type Database from 'better-sqlite3'
import type * as Y from 'yjs'
import type { ReviewStore } from '../review/store'
import { toBundleClaim } from '../exchange/bundle'
import { flatDetail, toBundleReply, toBundleTag } from '../exchange/bundleThread'
import { toBundleCorrection } from '../exchange/bundleExtras'
import { toSource, type ClaimRow, type CorrectionRow, type ReplyRow, type SourceRow, type TagRow } from '../db/rows'
import { toEvent } from '../review/history'
import { readDocument } from '../document/queries'
import { toBundleWorkflow, workflowEntityId } from '../workflow/exchange'
import type { WorkflowRow } from '../workflow/queries'
import { essayMap, KINDS, keyOf, recordMap, splitKey, type Kind } from './records'

/**
 * A desk's records going out: read from the review file by their keys (as the bundle writes them,
 * exchange/bundle*.ts) and written into the shared document (records.ts).
 */
/** Statements a desk runs on every push, prepared once per connection (a review's triggers make preparing dear). */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()
function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

/** The rows of `table` whose `column` is one of `values`. */
function rowsWhere<T>(store: ReviewStore, table: string, column: string, values: string[]): T[] {
  if (values.length === 0) return []
  return prepared(store.db, `SELECT * FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(values),
  ) as T[]
}

/**
 * The rows of `table` of the versions `versions` of `kind`. Versions have no index: when the entity of
 * every version is known (`entities`, from changes.ts) the rows are found by their entity's key instead.
 */
function versionRows<T extends { version: string }>(
  store: ReviewStore,
  kind: Kind,
  table: string,
  versions: string[],
  entities: ReadonlyMap<string, string> | undefined,
  entityColumn = 'id',
): T[] {
  const ids = new Set<string>()
  for (const v of versions) {
    const id = entities?.get(`${kind}:${v}`)
    if (id === undefined) return rowsWhere<T>(store, table, 'version', versions)
    ids.add(id)
  }
  const wanted = new Set(versions)
  return rowsWhere<T>(store, table, entityColumn, [...ids]).filter((r) => wanted.has(r.version))
}

/**
 * The records named by `wanted` (`kind:key`), as the bundle writes them (exchange/bundle*.ts), read by
 * their keys only: a desk pushes a change without exporting the whole review.
 */
export function readRecords(
  store: ReviewStore,
  wanted: Iterable<string>,
  entities?: ReadonlyMap<string, string>,
): Record<Kind, Record<string, unknown>[]> {
  const keys = new Map<Kind, string[]>(KINDS.map((k) => [k, []]))
  for (const full of wanted) {
    const [kind, key] = splitKey(full)
    keys.get(kind)?.push(key)
  }
  const historyOf = prepared(store.db, `SELECT version FROM version_seen WHERE entity_id = ? ORDER BY version`).pluck()
  const history = (id: string, version: string): string[] => {
    const seen = historyOf.all(id) as string[]
    return seen.length ? seen : [version]
  }
  const versioned = <R extends { id: string; version: string; deleted: number }>(table: string, kind: Kind) =>
    versionRows<R>(store, kind, table, keys.get(kind)!, entities)
  return {
    claims: versioned<ClaimRow>('claim', 'claims').map((r) => toBundleClaim(r, history(r.id, r.version))),
    sources: versioned<SourceRow>('source', 'sources').map((r) => ({
      ...toSource(r),
      deleted: r.deleted === 1,
      history: history(r.id, r.version),
    })),
    replies: versioned<ReplyRow>('reply', 'replies').map((r) => toBundleReply(r, history(r.id, r.version))),
    tags: versioned<TagRow>('claim_tag', 'tags').map((r) => toBundleTag(r, history(r.id, r.version))),
    corrections: versioned<CorrectionRow>('correction', 'corrections').map((r) => ({
      ...toBundleCorrection(r),
      history: history(r.id, r.version),
    })),
    events: rowsWhere<Parameters<typeof toEvent>[0]>(store, 'claim_event', 'id', keys.get('events')!).map((r) => {
      const e = toEvent(r)
      return { id: e.id, claimId: e.claimId, at: e.at, actor: e.actor, kind: e.kind, detail: flatDetail(e.detail) }
    }),
    tagStyles: rowsWhere<Record<string, unknown>>(store, 'tag_style', 'name', keys.get('tagStyles')!).map((r) => ({
      name: r.name,
      color: r.color,
    })),
    dismissed: rowsWhere<Record<string, unknown>>(store, 'dismissed_suggestion', 'key', keys.get('dismissed')!).map(
      (r) => ({ key: r.key, dismissed: r.dismissed, actor: r.actor }),
    ),
    workflow: versionRows<WorkflowRow>(
      store,
      'workflow',
      'claim_workflow',
      keys.get('workflow')!,
      entities,
      'claim_id',
    ).map((r) => toBundleWorkflow(r, history(workflowEntityId(r.claim_id), r.version))),
  }
}

/** Writes the review's records named by `wanted` (`kind:key`) into the shared document, in one transaction. */
export function pushRecords(
  store: ReviewStore,
  doc: Y.Doc,
  wanted: Set<string>,
  origin: unknown,
  entities?: ReadonlyMap<string, string>,
): number {
  const records = readRecords(store, wanted, entities)
  // The essay's text only when the document lacks it: once per review, not on every push.
  const hash = prepared(store.db, `SELECT content_hash FROM document LIMIT 1`).pluck().get() as string
  let written = 0
  doc.transact(() => {
    const essays = essayMap(doc)
    if (!essays.has(hash)) essays.set(hash, readDocument(store).text)
    for (const kind of KINDS) {
      const map = recordMap(doc, kind)
      for (const record of records[kind]) {
        const key = keyOf(kind, record)
        if (map.has(key)) continue
        map.set(key, kind === 'claims' ? { d: hash, r: record } : record)
        written++
      }
    }
  }, origin)
  return written
}

import Database from 'better-sqlite3'
import { FactdeskError } from '../../shared/errors'
import { migrate } from './migrations'

/**
 * A review file comes from anyone, and SQLite runs whatever triggers, views and indexes a file carries
 * on our own writes. So a file may hold exactly the objects our migrations create at its version, with
 * the very SQL text they create them with — nothing added, nothing replaced — and it is checked before
 * the first write or migration touches it.
 */
interface SchemaObject {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

const expected = new Map<number, Map<string, SchemaObject>>()

function readSchema(db: Database.Database): SchemaObject[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema`).all() as SchemaObject[]
}

/** The objects a review file of `version` has, made once per version in a private in-memory database. */
function expectedSchema(version: number): Map<string, SchemaObject> {
  let known = expected.get(version)
  if (!known) {
    const db = new Database(':memory:')
    try {
      migrate(db, version)
      known = new Map(readSchema(db).map((o) => [`${o.type}:${o.name}`, o]))
    } finally {
      db.close()
    }
    expected.set(version, known)
  }
  return known
}

/** The first object that makes `db` something other than a review file of `version`, or null. */
export function foreignObject(db: Database.Database, version: number): { type: string; name: string } | null {
  const known = expectedSchema(version)
  const actual = readSchema(db)
  for (const o of actual) {
    const ours = known.get(`${o.type}:${o.name}`)
    if (!ours || ours.tbl_name !== o.tbl_name || ours.sql !== o.sql) return { type: o.type, name: o.name }
  }
  if (actual.length !== known.size) {
    const present = new Set(actual.map((o) => `${o.type}:${o.name}`))
    const missing = [...known.values()].find((o) => !present.has(`${o.type}:${o.name}`))
    if (missing) return { type: missing.type, name: missing.name }
  }
  return null
}

/** Refuses a database whose schema is not exactly our own for its version; `label` names the file. */
export function assertOwnSchema(db: Database.Database, version: number, label: string): void {
  const odd = foreignObject(db, version)
  if (!odd) return
  throw new FactdeskError('review-file-untrusted', { file: label, kind: odd.type, name: odd.name })
}

/**
 * Settings for every connection to a review file: functions in the file's schema may not have side
 * effects (defence in depth: the schema check already refuses any object that is not ours).
 * better-sqlite3 turns SQLITE_DBCONFIG_DEFENSIVE on for every connection it opens.
 */
export function distrustSchema(db: Database.Database): void {
  db.pragma('trusted_schema = OFF')
}

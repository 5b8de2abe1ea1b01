import type Database from 'better-sqlite3'

/**
 * The one way core reads and writes a review file. Each helper prepares the statement with its row type
 * (better-sqlite3's `prepare<Params, Row>`), so a query states the shape of its rows once, next to the
 * SQL, instead of an `as` on every result; a row mapper (src/core/db/rows.ts) turns the snake_case row
 * into the camelCase value the contract speaks. Statements are synchronous, so `tx` keeps a whole user
 * change in one immediate transaction.
 */
export type Db = Database.Database

export function all<Row>(db: Db, sql: string, ...params: unknown[]): Row[] {
  return db.prepare<unknown[], Row>(sql).all(...params)
}

export function get<Row>(db: Db, sql: string, ...params: unknown[]): Row | undefined {
  return db.prepare<unknown[], Row>(sql).get(...params)
}

/** The first column of every row. */
export function column<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db
    .prepare<unknown[], T>(sql)
    .pluck()
    .all(...params)
}

/** The first column of the first row. */
export function value<T>(db: Db, sql: string, ...params: unknown[]): T | undefined {
  return db
    .prepare<unknown[], T>(sql)
    .pluck()
    .get(...params)
}

export function run(db: Db, sql: string, ...params: unknown[]): Database.RunResult {
  return db.prepare<unknown[]>(sql).run(...params)
}

/** Runs `fn` in one BEGIN IMMEDIATE transaction: the writer lock is taken before the first read. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}

/** Rows mapped through a row mapper. */
export function allAs<Row, T>(map: (row: Row) => T, db: Db, sql: string, ...params: unknown[]): T[] {
  return all<Row>(db, sql, ...params).map(map)
}

export function getAs<Row, T>(map: (row: Row) => T, db: Db, sql: string, ...params: unknown[]): T | undefined {
  const row = get<Row>(db, sql, ...params)
  return row === undefined ? undefined : map(row)
}

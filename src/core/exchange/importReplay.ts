import type Database from 'better-sqlite3'
import { FactdeskError } from '../../shared/errors'
import { onceForAll } from '../db/contentVersion'
import { all } from '../db/query'
import { contentTables, keyExpr, q, restoreVersion, stateHash, undoableImports, type TableShape } from './importState'

/**
 * Undo import's second half: the pre-images an import kept (./importUndo.ts) played back, newest first,
 * in one transaction. Table and column names come from the live schema and values are bound as
 * parameters: a review file may come from anyone, so nothing stored in it is ever run as SQL.
 */

/**
 * How undo finds the rows above a mark: those whose rowid is above it, or every row of a table that was
 * empty. An older Factdesk refuses to undo with this form (it expects keys), never removes the wrong rows.
 */
export type AddedAbove = { rowidAbove: number } | { allRows: true }

interface UndoRow {
  tbl: string
  op: 'insert' | 'update' | 'delete'
  key_json: string
  before_json: string | null
}

/** Takes an import back (the latest one that can be, or the given one if it is that one). */
export function undoImport(db: Database.Database, importId: string | undefined, actor: string): string {
  return db
    .transaction(() => {
      const log = db.prepare(`SELECT id, file_name, before_state, undone FROM import_log WHERE id = ?`)
      const next = undoableImports(db)[0]
      const id = importId ?? next
      if (id === undefined) throw new FactdeskError('undo-import-nothing')
      const row = log.get(id) as { id: string; file_name: string; before_state: string; undone: string } | undefined
      if (!row) throw new FactdeskError('import-not-found', { id })
      if (row.undone) throw new FactdeskError('undo-import-done', { file: row.file_name })
      if (id !== next) {
        throw new FactdeskError('undo-import-stale', { file: row.file_name })
      }
      const rows = all<UndoRow>(
        db,
        `SELECT tbl, op, key_json, before_json FROM import_undo WHERE import_id = ? ORDER BY seq DESC`,
        id,
      )
      onceForAll(db, () => replay(db, rows))
      // An import recorded with a hash (before the content version existed) is checked by hashing.
      if (row.before_state.startsWith('sha256:') && stateHash(db) !== row.before_state) {
        throw new FactdeskError('undo-import-inexact', { file: row.file_name })
      }
      restoreVersion(db, row.before_state)
      db.prepare(`UPDATE import_log SET undone = ?, undone_by = ? WHERE id = ?`).run(
        new Date().toISOString(),
        actor,
        id,
      )
      db.prepare(`DELETE FROM import_undo WHERE import_id = ?`).run(id)
      return id
    })
    .immediate()
}

function isAddedAbove(key: unknown, t: TableShape | undefined): key is AddedAbove {
  if (!t || !key || typeof key !== 'object' || Array.isArray(key)) return false
  const k = key as Record<string, unknown>
  if (Object.keys(k).length !== 1) return false
  if (k.allRows === true) return true
  return t.rowid && Number.isSafeInteger(k.rowidAbove)
}

function replay(db: Database.Database, rows: UndoRow[]): void {
  // Rows come back in reverse order, so a claim may briefly be restored before its sources point at it.
  db.pragma('defer_foreign_keys = ON')
  const shapes = new Map(contentTables(db).map((t) => [t.name, t]))
  for (const r of rows) {
    const t = shapes.get(r.tbl)
    const parsed: unknown = JSON.parse(r.key_json)
    if (r.op === 'insert' && isAddedAbove(parsed, t)) {
      if ('allRows' in parsed) db.prepare(`DELETE FROM ${q(t!.name)}`).run()
      else db.prepare(`DELETE FROM ${q(t!.name)} WHERE rowid > ?`).run(parsed.rowidAbove)
      continue
    }
    const key = parsed as unknown[]
    // An insert's entry may list the keys of every row of its table the import added (keepCapture).
    const keys = r.op === 'insert' && Array.isArray(key) && Array.isArray(key[0]) ? key : [key]
    if (!t || keys.some((k) => !Array.isArray(k) || k.length !== keyExpr(t).length)) {
      throw new FactdeskError('undo-import-tables')
    }
    const where = keyExpr(t)
      .map((k) => `${k} = ?`)
      .join(' AND ')
    if (r.op === 'insert') {
      const remove = db.prepare(`DELETE FROM ${q(t.name)} WHERE ${where}`)
      for (const k of keys as never[][]) remove.run(...k)
      continue
    }
    const before = JSON.parse(r.before_json ?? 'null') as Record<string, unknown> | null
    if (!before || typeof before !== 'object' || Array.isArray(before)) throw new FactdeskError('undo-import-tables')
    if (r.op === 'update') {
      // The columns the update changed (every column in files from before updateImage); a name that
      // is not one of the table's own columns is refused, never written into SQL.
      const changed = Object.keys(before).filter((c) => c !== 'rowid')
      if (changed.some((c) => !t.columns.includes(c))) throw new FactdeskError('undo-import-tables')
      if (changed.length === 0) continue
      db.prepare(`UPDATE ${q(t.name)} SET ${changed.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`).run(
        ...(changed.map((c) => before[c]) as never[]),
        ...(key as never[]),
      )
      continue
    }
    if (t.columns.some((c) => !(c in before))) throw new FactdeskError('undo-import-tables')
    const values = t.columns.map((c) => before[c]) as never[]
    const cols = [...(t.rowid ? ['rowid'] : []), ...t.columns.map(q)]
    const vals = [...(t.rowid ? [before.rowid] : []), ...values] as never[]
    db.prepare(`INSERT INTO ${q(t.name)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals)
  }
}

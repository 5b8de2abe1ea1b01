import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportW3c } from '../src/core/exchange/w3c'
import { listImports } from '../src/core/exchange/importLog'
import { capturingImport, contentTables, undoImport } from '../src/core/exchange/importUndo'
import { restoreReply, restoreSource, restoreSuggestion } from '../src/core/claims/restore'
import { searchClaimIds } from '../src/core/search/search'
import { dismissSuggestion, listSuggestions } from '../src/core/spotting/spotting'
import { claimHistory } from '../src/core/review/history'
import { addReply, addTag, deleteReply, removeTag } from '../src/core/thread/thread'
import { writeSettings } from '../src/core/republish/settings'
import {
  anchorOf,
  bytesOf,
  contentDump,
  dump,
  refusal,
  Reviewer,
  sourceFields,
  markTwoClaims,
} from './helpers/exchange'
import { writeFileSync } from 'node:fs'
import { runCli } from '../src/cli/run'
import { PrefsStore } from '../src/core/prefs/prefs'
import { createService, dispatch } from '../src/core/service'
import { ReviewSession } from '../src/core/review/session'
import type { Method } from '../src/shared/contract'
import type { Claim } from '../src/shared/domain'
import type { ImportRecord, ImportSummary } from '../src/shared/exchange'
import { bundledEssay, tempDir } from './helpers/essay'
import { getClaim } from '../src/core/claims/queries'
import { addSource, createClaim, deleteSource, updateClaim } from '../src/core/claims/commands'

/** Every table of the review file, import log and undo rows included. */
const ALL = (r: Reviewer) => [...contentTables(r.store.db).map((t) => t.name), 'import_log', 'import_undo']
const full = (r: Reviewer) => dump(r.store, ALL(r))
/** Content only: the import log keeps the undone import. */
const content = (r: Reviewer) => contentDump(r.store)

let A: Reviewer, B: Reviewer
let x: string, y: string
beforeEach(async () => {
  const essay = bundledEssay()
  A = new Reviewer('김기자', essay)
  B = new Reviewer('이팩트', essay)
  ;[x, y] = markTwoClaims(A)
  addSource(A.store, x, sourceFields('https://openai.com/ko'), A.name)
  addTag(A.store, y, '통계', A.name)
  await B.receive(A)
})
afterEach(() => {
  A.close()
  B.close()
})

describe('taking removals back', () => {
  it('restores a removed source as a new version, with a history entry', () => {
    const s = addSource(A.store, y, sourceFields('https://example.org/a', '통계청'), A.name)
    deleteSource(A.store, s.id, A.name)
    const removedVersion = (
      A.store.db.prepare(`SELECT version FROM source WHERE id = ?`).get(s.id) as { version: string }
    ).version
    const claimId = restoreSource(A.store, s.id, '이팩트')
    expect(claimId).toBe(y)
    const row = A.store.db.prepare(`SELECT * FROM source WHERE id = ?`).get(s.id) as {
      deleted: number
      version: string
      revision: number
    }
    expect(row.deleted).toBe(0)
    expect(row.version).not.toBe(removedVersion)
    expect(row.revision).toBe(3)
    expect(A.store.versionHistories().get(s.id)).toContain(row.version)
    expect(getClaim(A.store, y).sources.map((x) => x.url)).toEqual(['https://example.org/a'])
    expect(claimHistory(A.store, y)[0]).toMatchObject({
      kind: 'source-restored',
      actor: '이팩트',
      detail: { sourceId: s.id, title: '통계청' },
    })
    expect(refusal(() => restoreSource(A.store, s.id, A.name)).code).toBe('source-not-removed')
  })

  it('restores a deleted reply as a new version (its author only), with a history entry', () => {
    const r = addReply(A.store, x, '출처 확인 필요', A.name)
    deleteReply(A.store, r.id, A.name)
    expect(refusal(() => restoreReply(A.store, r.id, '다른사람')).code).toBe('reply-not-yours')
    restoreReply(A.store, r.id, A.name)
    const reply = getClaim(A.store, x).replies.find((p) => p.id === r.id)
    expect(reply).toMatchObject({ body: '출처 확인 필요', revision: 3 })
    expect(reply!.version).not.toBe(r.version)
    expect(claimHistory(A.store, x)[0]).toMatchObject({ kind: 'reply-restored', detail: { replyId: r.id } })
  })

  it('a removed tag comes back with tag-add, a new row that merges like any tag', async () => {
    removeTag(A.store, y, '통계', A.name)
    expect(getClaim(A.store, y).tags).toEqual([])
    addTag(A.store, y, '통계', A.name)
    expect(getClaim(A.store, y).tags).toEqual(['통계'])
    expect(claimHistory(A.store, y)[0]).toMatchObject({ kind: 'tag-added', detail: { name: '통계' } })
    await B.receive(A)
    expect(B.claim(y).tags).toEqual(['통계'])
  })

  it('suggests a dismissed sentence again once the dismissal is taken back', () => {
    const first = listSuggestions(A.store)[0]
    dismissSuggestion(A.store, first.key, A.name)
    expect(listSuggestions(A.store).map((s) => s.key)).not.toContain(first.key)
    restoreSuggestion(A.store, first.key)
    expect(listSuggestions(A.store).map((s) => s.key)).toContain(first.key)
    expect(refusal(() => restoreSuggestion(A.store, first.key)).code).toBe('suggestion-not-dismissed')
  })
})

describe('undo import', () => {
  /** A bundle that adds and updates claims, conflicts with B's own edit, and brings sources, replies and tags. */
  async function busyBundle(): Promise<Buffer> {
    updateClaim(A.store, x, { verdict: 'false', note: 'A: 2위가 아니다' }, A.name)
    updateClaim(B.store, x, { verdict: 'true', note: 'B: 통계로 확인' }, B.name)
    updateClaim(A.store, y, { status: 'checked' }, A.name)
    const z = createClaim(A.store, anchorOf(A.store, '삼성전자, 하이닉스 등 글로벌 반도체 강자'), A.name).id
    addSource(A.store, z, sourceFields('https://example.org/chips', '반도체 통계'), A.name)
    addReply(A.store, z, '하이닉스 표기 확인', A.name)
    addTag(A.store, z, '반도체', A.name)
    removeTag(A.store, y, '통계', A.name)
    return A.file()
  }

  it('gives back every table exactly as it was before a bundle import, and the search finds the same', async () => {
    const file = await busyBundle()
    writeSettings(B.store, { organisationName: '팩트데스크' })
    const before = content(B)
    const found = [...(searchClaimIds(B.store.db, '통계로') ?? [])]
    expect(searchClaimIds(B.store.db, '반도체 통계')).toEqual(new Set())
    const summary = await B.receive(file, 'a.factdesk.json')
    expect(summary).toMatchObject({ added: 1, updated: 1, conflicts: 1, sourcesAdded: 1 })
    expect(content(B)).not.toEqual(before)
    expect(searchClaimIds(B.store.db, '반도체 통계')?.size).toBe(1)
    expect(listImports(B.store)[0]).toMatchObject({ id: summary.importId, canUndo: true, undone: '' })

    expect(undoImport(B.store.db, summary.importId, B.name)).toBe(summary.importId)
    expect(content(B)).toEqual(before)
    expect([...(searchClaimIds(B.store.db, '통계로') ?? [])]).toEqual(found)
    expect(searchClaimIds(B.store.db, '반도체 통계')).toEqual(new Set())
    expect(B.store.db.prepare(`SELECT count(*) FROM import_undo`).pluck().get()).toBe(0)
    expect(listImports(B.store)[0]).toMatchObject({ id: summary.importId, canUndo: false, undoneBy: B.name })
    expect(listImports(B.store)[0].undone).not.toBe('')
    // Importing the same file again works as the first time (the versions it brought are forgotten too).
    expect(await B.receive(file, 'a.factdesk.json')).toMatchObject({ added: 1, updated: 1, conflicts: 1 })
  })

  it('restores rows of every table an import writes, replaced and deleted rows included', async () => {
    writeSettings(B.store, { organisationName: '팩트데스크', factcheckUrl: 'https://example.org/fc' })
    const first = listSuggestions(B.store)[0]
    dismissSuggestion(B.store, first.key, B.name)
    const before = content(B)
    const { importId } = capturingImport(B.store.db, () => {
      const db = B.store.db
      db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('org.name', '다른 곳')`).run()
      db.prepare(`DELETE FROM setting WHERE key = 'org.factcheckUrl'`).run()
      db.prepare(`DELETE FROM dismissed_suggestion`).run()
      db.prepare(`INSERT INTO dismissed_suggestion (key, dismissed, actor) VALUES ('k', 't', 'a')`).run()
      db.prepare(`UPDATE document SET title = '새 제목', text = text || ' 끝', modified = 'now'`).run()
      db.prepare(`INSERT OR REPLACE INTO tag_style (name, color) VALUES ('통계', '#000000')`).run()
      db.prepare(`UPDATE meta SET value = value || 'x'`).run()
      db.prepare(
        `INSERT INTO import_log (id, imported, importer, file_name, file_hash, format, summary_json) VALUES (?, 't', 'i', 'f', 'h', 'bundle', '{}')`,
      ).run(crypto.randomUUID())
    })
    expect(content(B)).not.toEqual(before)
    undoImport(B.store.db, importId, B.name)
    expect(content(B)).toEqual(before)
  })

  it('keeps where the rows an import added begin, without capturing them, and still undoes exactly', async () => {
    writeSettings(B.store, { organisationName: '팩트데스크', factcheckUrl: 'https://example.org/fc' })
    const before = content(B)
    const db = B.store.db
    const settingRowids = () => db.prepare(`SELECT rowid, key FROM setting ORDER BY rowid`).all()
    const rowidsBefore = settingRowids()
    const styles = db.prepare(`SELECT coalesce(max(rowid), 0) FROM tag_style`).pluck().get() as number
    type Row = { rowid: number; key: string }
    const last = db.prepare(`SELECT rowid, key FROM setting ORDER BY rowid DESC LIMIT 1`).get() as Row
    const first = db.prepare(`SELECT rowid, key FROM setting ORDER BY rowid LIMIT 1`).get() as Row
    expect(first.rowid).toBeLessThan(last.rowid)
    const { importId } = capturingImport(db, () => {
      // Rows added to a table, one of them changed again: all above its mark, none captured.
      db.prepare(`INSERT INTO tag_style (name, color) VALUES ('새1', '#111111'), ('새2', '#222222')`).run()
      db.prepare(`UPDATE tag_style SET color = '#333333' WHERE name = '새1'`).run()
      // A table with rows: its last one deleted, so the next insert takes its freed rowid (captured as an
      // insert), one replaced (its pre-image kept) and one added and removed again (nothing kept).
      db.prepare(`DELETE FROM setting WHERE rowid = ?`).run(last.rowid)
      db.prepare(`INSERT INTO setting (key, value) VALUES ('다시', 'y')`).run()
      expect(db.prepare(`SELECT rowid FROM setting WHERE key = '다시'`).pluck().get()).toBe(last.rowid)
      db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES (?, '다른 곳')`).run(first.key)
      db.prepare(`INSERT INTO setting (key, value) VALUES ('잠깐', 'x')`).run()
      db.prepare(`DELETE FROM setting WHERE key = '잠깐'`).run()
      // A table without rowids that already has rows (the versions B has seen): each insert captured.
      db.prepare(`INSERT INTO version_seen (entity_id, version) VALUES ('e', 'v1'), ('e', 'v2')`).run()
      db.prepare(
        `INSERT INTO import_log (id, imported, importer, file_name, file_hash, format, summary_json) VALUES (?, 't', 'i', 'f', 'h', 'bundle', '{}')`,
      ).run(crypto.randomUUID())
    })
    const kept = (tbl: string) =>
      db.prepare(`SELECT op, key_json FROM import_undo WHERE import_id = ? AND tbl = ? ORDER BY seq`).all(importId, tbl)
    expect(kept('tag_style')).toEqual([{ op: 'insert', key_json: JSON.stringify({ rowidAbove: styles }) }])
    expect(kept('setting')).toEqual([
      { op: 'delete', key_json: JSON.stringify([last.key]) },
      { op: 'delete', key_json: JSON.stringify([first.key]) },
      { op: 'insert', key_json: '[["다시"]]' },
      { op: 'insert', key_json: JSON.stringify({ rowidAbove: last.rowid }) },
    ])
    expect(kept('version_seen')).toEqual([{ op: 'insert', key_json: '[["e","v1"],["e","v2"]]' }])
    undoImport(db, importId, B.name)
    expect(content(B)).toEqual(before)
    expect(settingRowids()).toEqual(rowidsBefore)
  })

  it('keeps no pre-image at all for a first import into a new review, and undo leaves it empty again', async () => {
    const fresh = new Reviewer('박편집', bundledEssay())
    const before = content(fresh)
    const summary = await fresh.receive(await busyBundle(), 'a.factdesk.json')
    expect(summary.added).toBe(3)
    const kept = fresh.store.db
      .prepare(`SELECT tbl, op, key_json, before_json FROM import_undo WHERE import_id = ? ORDER BY tbl`)
      .all(summary.importId)
    // One entry per table the import wrote to, whatever the number of rows.
    expect(kept).toEqual(
      [
        'claim',
        'claim_tag',
        'event',
        'import_entry',
        'import_entry_claim',
        'reply',
        'source',
        'tag_style',
        'version_seen',
        'version_value',
      ].map((tbl) => ({
        tbl,
        op: 'insert',
        key_json: '{"allRows":true}',
        before_json: null,
      })),
    )
    undoImport(fresh.store.db, summary.importId, fresh.name)
    expect(content(fresh)).toEqual(before)
    expect(fresh.store.db.prepare(`SELECT count(*) FROM claim`).pluck().get()).toBe(0)
    fresh.close()
  })

  it("still undoes an import kept by an earlier version, as lists of the added rows' keys", async () => {
    const file = await busyBundle()
    const before = content(B)
    const summary = await B.receive(file, 'a.factdesk.json')
    const db = B.store.db
    // What an earlier version kept: the keys of the rows each table gained, instead of where they begin.
    const marks = db
      .prepare(`SELECT seq, tbl, key_json FROM import_undo WHERE import_id = ? AND key_json LIKE '{%'`)
      .all(summary.importId) as { seq: number; tbl: string; key_json: string }[]
    expect(marks.length).toBeGreaterThan(0)
    for (const m of marks) {
      const t = contentTables(db).find((x) => x.name === m.tbl)!
      const cols = (t.key.length > 0 ? t.key : ['rowid']).map((c) => `"${c}"`).join(', ')
      const above = JSON.parse(m.key_json) as { rowidAbove?: number }
      const keys = db
        .prepare(
          `SELECT '[' || group_concat(json_array(${cols})) || ']' FROM "${m.tbl}"${above.rowidAbove === undefined ? '' : ` WHERE rowid > ${above.rowidAbove}`}`,
        )
        .pluck()
        .get() as string
      db.prepare(`UPDATE import_undo SET key_json = ? WHERE import_id = ? AND seq = ?`).run(
        keys,
        summary.importId,
        m.seq,
      )
    }
    undoImport(db, summary.importId, B.name)
    expect(content(B)).toEqual(before)
  })

  it('is refused after any later change, and the import log stops offering it', async () => {
    const summary = await B.receive(await busyBundle(), 'a.factdesk.json')
    const afterImport = full(B)
    updateClaim(B.store, y, { note: '나중 메모' }, B.name)
    expect(listImports(B.store)[0].canUndo).toBe(false)
    const err = refusal(() => undoImport(B.store.db, summary.importId, B.name))
    expect(err.code).toBe('undo-import-stale')
    expect(err.message).toMatch(/can no longer be undone: the review has changed since/)
    expect(refusal(() => undoImport(B.store.db, undefined, B.name)).code).toBe('undo-import-nothing')
    // Refused means untouched.
    expect(dump(B.store, ['import_undo'])).toEqual({ import_undo: afterImport.import_undo })
  })

  it('undoes imports one after the other, newest first', async () => {
    const file = await busyBundle()
    const before = content(B)
    const one = await B.receive(file, 'a.factdesk.json')
    const afterOne = content(B)
    updateClaim(A.store, y, { note: '두 번째' }, A.name)
    const two = await B.receive(A.file(), 'a2.factdesk.json')
    expect(
      listImports(B.store)
        .filter((i) => i.canUndo)
        .map((i) => i.id),
    ).toEqual([two.importId])
    expect(refusal(() => undoImport(B.store.db, one.importId, B.name)).code).toBe('undo-import-stale')
    expect(undoImport(B.store.db, undefined, B.name)).toBe(two.importId)
    expect(content(B)).toEqual(afterOne)
    expect(undoImport(B.store.db, undefined, B.name)).toBe(one.importId)
    expect(content(B)).toEqual(before)
  })

  it('undoes a W3C annotation import', async () => {
    const w = createClaim(A.store, anchorOf(A.store, '오픈AI가 서울을 선택한 것'), A.name)
    updateClaim(A.store, w.id, { note: 'W3C 메모' }, A.name)
    const before = content(B)
    const summary = await B.receive(bytesOf(exportW3c(A.store)), 'a.annotations.jsonld')
    expect(summary.format).toBe('w3c')
    expect(summary.added).toBeGreaterThan(0)
    expect(searchClaimIds(B.store.db, 'W3C 메모')?.size).toBe(1)
    undoImport(B.store.db, summary.importId, B.name)
    expect(content(B)).toEqual(before)
    expect(searchClaimIds(B.store.db, 'W3C 메모')).toEqual(new Set())
  })
})

describe('factdesk undo-import', () => {
  it('takes the last import back, then refuses when there is none left', async () => {
    const dir = tempDir('factdesk-undo-')
    try {
      const path = dir.file('b.factdesk')
      const mine = new Reviewer('이팩트', bundledEssay(), path)
      createClaim(mine.store, anchorOf(mine.store, '2025년 5월'), mine.name)
      const before = content(mine)
      mine.close()
      writeFileSync(dir.file('a.factdesk.json'), A.file())
      let out = ''
      const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, env: { USER: 'tester' } }
      expect(await runCli(['import', dir.file('a.factdesk.json'), '--review', path], io)).toBe(0)
      out = ''
      expect(await runCli(['undo-import', '--review', path, '--json'], io)).toBe(0)
      expect(JSON.parse(out)).toMatchObject({ ok: true, undone: { fileName: 'a.factdesk.json' }, next: null })
      const after = new Reviewer('이팩트', bundledEssay(), path)
      expect(content(after)).toEqual(before)
      after.close()
      out = ''
      expect(await runCli(['undo-import', '--review', path, '--json'], io)).toBe(1)
      expect(JSON.parse(out)).toMatchObject({ ok: false, error: { code: 'undo-import-nothing', params: {} } })
      out = ''
      expect(await runCli(['undo-import', '--review', dir.file('missing.factdesk'), '--json'], io)).toBe(1)
      expect(JSON.parse(out)).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: expect.stringContaining('missing.factdesk does not exist') },
      })
    } finally {
      dir.remove()
    }
  })
})

describe('the service', () => {
  it('restores through the API and tells every window when an import is undone', async () => {
    const dir = tempDir('factdesk-undo-')
    const events: unknown[] = []
    const session = new ReviewSession(B.store)
    const prefs = new PrefsStore(dir.file('prefs.json'), { reviewerName: B.name, lang: 'en' })
    const service = createService({ session, prefs, emit: (event, payload) => void events.push([event, payload]) })
    const ok = async <T>(method: Method, args: unknown): Promise<T> => {
      const r = await dispatch(service, method, args)
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value as T
    }
    try {
      const claim = await ok<Claim>('source-add', { claimId: y, source: sourceFields('https://example.org/s') })
      const sourceId = claim.sources[0].id
      await ok('source-delete', { id: sourceId })
      expect((await ok<Claim>('source-restore', { id: sourceId })).sources.map((s) => s.id)).toEqual([sourceId])
      const replied = await ok<Claim>('reply-add', { claimId: y, body: '확인' })
      await ok('reply-delete', { id: replied.replies[0].id })
      expect((await ok<Claim>('reply-restore', { id: replied.replies[0].id })).replies).toHaveLength(1)

      createClaim(A.store, anchorOf(A.store, '오픈AI가 서울을 선택한 것'), A.name)
      const before = content(B)
      const summary = await ok<ImportSummary>('review-import', {
        fileName: 'a.factdesk.json',
        data: A.file().toString('base64'),
      })
      expect((await ok<ImportRecord[]>('imports-list', {}))[0]).toMatchObject({ id: summary.importId, canUndo: true })
      events.length = 0
      expect(await ok('import-undo', {})).toEqual({ id: summary.importId })
      expect(events).toEqual([['review-changed', { reason: 'import-undone' }]])
      expect(content(B)).toEqual(before)
      const again = await dispatch(service, 'import-undo', { id: summary.importId })
      expect(again.ok ? '' : again.error.code).toBe('undo-import-done')
    } finally {
      dir.remove()
    }
  })
})

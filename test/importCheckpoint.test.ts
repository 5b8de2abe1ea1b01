import Database from 'better-sqlite3'
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { importFile } from '../src/core/exchange/files'
import { runImportJob } from '../src/core/exchange/importJob'
import { checkpoint } from '../src/core/db/checkpoint'
import { createClaim } from '../src/core/claims/commands'
import { listClaims } from '../src/core/claims/queries'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'
import type { ReviewStore } from '../src/core/review/store'
import type { ImportSummary } from '../src/shared/exchange'
import { FactdeskError } from '../src/shared/errors'
import { bundledEssay, sha256, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, dump, ratedClaimsBundle } from './helpers/exchange'
import { cli } from './helpers/cli'

/**
 * An import's commit leaves the copy of its pages into the review file (the checkpoint) until the
 * reviewer has the summary; an import job's connection to the review the window holds open skips the
 * file's second inspection, not its schema check.
 */

let dir: TempDir
let path: string
let desk: ReviewStore
beforeEach(() => {
  dir = tempDir()
  path = dir.file('r.factdesk')
  // The window's connection: it keeps the WAL beside the file, as in the app.
  desk = openReview(path, bundledEssay())
  checkpoint(desk.db)
})
afterEach(() => {
  desk.close()
  dir.remove()
})

it('commits an import without the checkpoint, whatever the connection’s own setting, until asked', async () => {
  // With this setting every commit of a page or more copies the WAL into the file.
  desk.db.pragma('wal_autocheckpoint = 1')
  const before = sha256(path)
  const summary = await importFile(desk, 'park.factdesk.json', ratedClaimsBundle(4), '박검증')
  expect(summary.added).toBe(4)
  // Committed (the window reads it) but not yet copied: the file's bytes are as they were.
  expect(listClaims(desk)).toHaveLength(4)
  expect(sha256(path)).toBe(before)
  expect(desk.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1)
  checkpoint(desk.db)
  expect(sha256(path)).not.toBe(before)
})

it('runs a job’s checkpoint after its answer, on the job’s own connection', async () => {
  const before = sha256(path)
  let atAnswer = ''
  let answered: ImportSummary | undefined
  const job = jobOf(ratedClaimsBundle(3))
  await runImportJob(
    job,
    () => undefined,
    (summary) => {
      answered = summary
      atAnswer = sha256(path)
    },
  )
  expect(answered?.added).toBe(3)
  // Not copied before the answer (that the import's commit leaves it to the WAL: the test above).
  expect(atAnswer).toBe(before)
  // The window's connection stays open, so the job's closing is no checkpoint: the job ran its own.
  expect(sha256(path)).not.toBe(before)
  expect(listClaims(desk)).toHaveLength(3)
})

/** The app's job for a file to import into the review the window (`desk`) has open. */
const jobOf = (bytes: Buffer) => ({
  reviewPath: path,
  openedAs: desk.identity ?? undefined,
  fileName: 'park.factdesk.json',
  bytes,
  importer: '박검증',
})

const refusal = (job: ReturnType<typeof jobOf>) =>
  runImportJob(
    job,
    () => undefined,
    () => undefined,
  ).then(
    () => null,
    (err: unknown) => (err instanceof FactdeskError ? err.code : err),
  )

it('still refuses, on a job’s connection, a review another program gave SQL of its own', async () => {
  const other = new Database(path)
  other.exec(`CREATE TRIGGER wipe AFTER INSERT ON claim BEGIN DELETE FROM claim; END`)
  other.close()
  const before = dump(desk)
  expect(await refusal(jobOf(ratedClaimsBundle(2)))).toBe('review-file-untrusted')
  expect(dump(desk)).toEqual(before)
})

it('still refuses, on a job’s connection, the review made a newer version’s in its place', async () => {
  const other = new Database(path)
  other.pragma('user_version = 99')
  other.close()
  checkpoint(desk.db)
  const before = sha256(path)
  expect(await refusal(jobOf(ratedClaimsBundle(2)))).toBe('review-file-newer')
  expect(sha256(path)).toBe(before)
})

it('inspects a file put in the review’s place since the window opened it, and leaves it as it was', async () => {
  // Another review, whose claims' pages are damaged: only the inspection's quick_check finds it.
  const stranger = dir.file('stranger.factdesk')
  const other = openReview(stranger, bundledEssay())
  const text = readDocument(other).text
  for (let i = 0; i < 40; i++) createClaim(other, anchorOf(other, text.slice(100 + i * 7, 112 + i * 7)), '박검증')
  other.db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = other.db.pragma('page_size', { simple: true }) as number
  const page = other.db.prepare(`SELECT max(pageno) FROM dbstat WHERE name = 'claim'`).pluck().get() as number
  other.close()
  const bytes = readFileSync(stranger)
  bytes.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 64)
  writeFileSync(stranger, bytes)
  // The WAL beside the path emptied first: its pages are the window's review's, and SQLite would read
  // them into any file put at the path.
  desk.db.pragma('wal_checkpoint(TRUNCATE)')
  renameSync(stranger, path)
  expect(await refusal(jobOf(ratedClaimsBundle(2)))).toBe('review-file-damaged')
  expect(readFileSync(path).equals(bytes)).toBe(true)
})

it('has the command line copy each file it imports into the review before the next', async () => {
  writeFileSync(dir.file('a.factdesk.json'), ratedClaimsBundle(3))
  writeFileSync(dir.file('b.factdesk.json'), ratedClaimsBundle(2))
  const r = await cli('import', dir.file('a.factdesk.json'), dir.file('b.factdesk.json'), '--review', path)
  expect(r.code).toBe(0)
  // The window's connection is still open, so the command's closing copied nothing: the file itself,
  // read without its WAL, holds both imports.
  copyFileSync(path, dir.file('file-alone.factdesk'))
  const alone = new Database(dir.file('file-alone.factdesk'), { readonly: true })
  expect(alone.prepare(`SELECT count(*) FROM claim`).pluck().get()).toBe(5)
  alone.close()
})

import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEssayMarkdown, type ParsedEssay } from '../src/core/document/essayFormat'
import { listImports } from '../src/core/exchange/importLog'
import type { ImportSummary } from '../src/shared/exchange'
import { describeRange } from '../src/shared/text'
import { cli } from './helpers/cli'
import { bundledEssay, ROOT, sha256, tempDir, type TempDir } from './helpers/essay'
import { listClaims } from '../src/core/claims/queries'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { readDocument } from '../src/core/document/queries'
import { openReview } from '../src/core/review/open'

let dir: TempDir
beforeEach(() => {
  dir = tempDir('factdesk-cli-')
})
afterEach(() => dir.remove())

const source = (url: string) => ({
  url,
  title: '보도자료',
  publisher: '',
  published: '',
  accessed: '',
  excerpt: '',
  archiveUrl: '',
})

/** A review file at `name` with one claim on `needle` by `who`, with a note and a source. */
function review(name: string, who: string, needle: string, essay: ParsedEssay = bundledEssay()): string {
  const path = dir.file(name)
  const store = openReview(path, essay)
  try {
    const text = readDocument(store).text
    const at = Array.from(text.slice(0, text.indexOf(needle))).length
    expect(text.includes(needle)).toBe(true)
    const claim = createClaim(store, describeRange(text, at, at + Array.from(needle).length), who)
    updateClaim(store, claim.id, { verdict: 'mostly-true', note: `${who} checked this` }, who)
    addSource(store, claim.id, source(`https://example.com/${who}`), who)
  } finally {
    store.close()
  }
  return path
}

function claimsOf(path: string) {
  const store = openReview(path)
  try {
    return listClaims(store)
  } finally {
    store.close()
  }
}

function leftovers(): string[] {
  return readdirSync(dir.path).filter((f) => f.includes('.tmp-') || f.endsWith('-wal') || f.endsWith('-shm'))
}

const KIM = '2025년 5월'
const LEE = '오픈AI가 한국에 지사를'

describe('usage', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: factdesk <command>/)
    expect(help.stdout).toMatch(/merge/)
    const cmdHelp = await cli('export', '--help')
    expect(cmdHelp.code).toBe(0)
    expect(cmdHelp.stdout).toMatch(/--format/)
    const version = await cli('--version')
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(
      `factdesk ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`,
    )
  })

  it('shows the usage on stderr and exits 2 for a wrong command line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give a command/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['import', 'a.json'], /--review is required/],
      [['import', '--review', 'r.factdesk'], /give at least 1 file to import/],
      [['import', 'a.json', '--review', 'r.factdesk', '--colour'], /unknown option --colour/],
      [['import', 'a.json', '--review'], /--review needs a value/],
      [['import', 'a.json', '--review', 'r.factdesk', '--review', 's.factdesk'], /--review is given twice/],
      [['import', 'a.json', '--review', 'r.factdesk', '--as', ' '], /--as needs a name/],
      [
        ['export', '--review', 'r.factdesk', '--format', 'rtf', '--out', 'x'],
        /--format must be one of bundle, w3c, sqlite/,
      ],
      [['validate', 'a.json', 'b.json'], /give only one file to check/],
    ]
    for (const [argv, message] of cases) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toMatch(/Usage: factdesk/)
      expect(r.stdout).toBe('')
    }
    const json = await cli('export', '--review', 'r.factdesk', '--json')
    expect(json.code).toBe(2)
    expect(json.json()).toMatchObject({ ok: false, command: 'export', error: { code: 'invalid-args' } })
    expect(readdirSync(dir.path)).toEqual([])
  })
})

describe('export', () => {
  it('writes each format atomically and refuses a missing review or folder without leaving files', async () => {
    const a = review('a.factdesk', 'kim', KIM)
    const before = sha256(a)
    for (const format of ['bundle', 'w3c', 'sqlite']) {
      const out = dir.file(`a.${format}`)
      const r = await cli('export', '--review', a, '--format', format, '--out', out, '--json')
      expect(r.code, r.stderr).toBe(0)
      expect(r.json()).toMatchObject({ ok: true, command: 'export', format, out, claims: 1 })
      expect(readFileSync(out).byteLength).toBe(r.json().bytes)
    }
    expect(JSON.parse(readFileSync(dir.file('a.bundle'), 'utf8')).format).toBe('factdesk-review-bundle')
    expect(readFileSync(dir.file('a.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3')
    expect(claimsOf(dir.file('a.sqlite'))).toHaveLength(1)
    expect(sha256(a)).toBe(before)
    expect(readdirSync(dir.path).sort()).toEqual(['a.bundle', 'a.factdesk', 'a.sqlite', 'a.w3c'])

    const missing = await cli(
      'export',
      '--review',
      dir.file('nope.factdesk'),
      '--format',
      'bundle',
      '--out',
      dir.file('x.json'),
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/nope\.factdesk does not exist/)
    const noFolder = await cli(
      'export',
      '--review',
      a,
      '--format',
      'bundle',
      '--out',
      dir.file('no/such/x.json'),
      '--json',
    )
    expect(noFolder.code).toBe(1)
    expect(noFolder.json()).toMatchObject({ ok: false, error: { code: 'not-found', file: dir.file('no/such/x.json') } })
    expect((noFolder.json().error as { message: string }).message).toMatch(/folder .*no\/such does not exist/)
    const itself = await cli('export', '--review', a, '--format', 'sqlite', '--out', a)
    expect(itself.code).toBe(1)
    expect(itself.stderr).toMatch(/is the review file itself/)
    expect(sha256(a)).toBe(before)
    expect(existsSync(dir.file('nope.factdesk'))).toBe(false)
    expect(existsSync(dir.file('x.json'))).toBe(false)
    expect(leftovers()).toEqual([])
  })
})

describe('import', () => {
  it('creates a review of the bundled essay, prints a summary, and records the importer', async () => {
    const a = review('a.factdesk', 'kim', KIM)
    await cli('export', '--review', a, '--format', 'bundle', '--out', dir.file('a.json'))
    const target = dir.file('desk.factdesk')
    const r = await cli('import', dir.file('a.json'), '--review', target, '--as', '박 기자')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Imported a\.json \(review bundle\):/)
    expect(r.stdout).toMatch(/claims: 1 added, 0 updated, 0 unchanged, 0 deleted; 0 conflicts; 0 unanchored/)
    expect(r.stdout).toMatch(/sources: 1 added, 0 updated/)
    expect(r.stdout).toMatch(/Created .*desk\.factdesk/)
    const store = openReview(target)
    try {
      expect(readDocument(store).title).toBe(
        parseEssayMarkdown(readFileSync(join(ROOT, 'resources/essays/seoul-openai.md'), 'utf8')).meta.title,
      )
      expect(listClaims(store).map((c) => [c.exact, c.note, c.sources.length])).toEqual([[KIM, 'kim checked this', 1]])
      expect(listImports(store).map((i) => [i.importer, i.fileName, i.format])).toEqual([
        ['박 기자', 'a.json', 'bundle'],
      ])
    } finally {
      store.close()
    }
    // The review file itself imports too (round trip through every format: nothing new, nothing lost).
    await cli('export', '--review', target, '--format', 'w3c', '--out', dir.file('desk.jsonld'))
    const again = await cli('import', a, dir.file('a.json'), dir.file('desk.jsonld'), '--review', target, '--json')
    expect(again.code, again.stderr).toBe(0)
    const summaries = again.json().imported as ImportSummary[]
    expect(summaries.map((s) => [s.format, s.added, s.unchanged])).toEqual([
      ['sqlite', 0, 1],
      ['bundle', 0, 1],
      ['w3c', 0, 1],
    ])
    expect(again.json().created).toBe(false)
    expect(claimsOf(target)).toHaveLength(1)
    expect(leftovers()).toEqual([])
  })

  it('says when the essay differs, and lists the claims it could not place with their quotes', async () => {
    const md = readFileSync(join(ROOT, 'resources/essays/seoul-openai.md'), 'utf8')
    const edited = md.replace(KIM, `${KIM}, 봄비가 내리던 날`)
    const other = review('other.factdesk', 'lee', '봄비가 내리던 날', parseEssayMarkdown(edited))
    // Existing reviews of the bundled essay (a new review would take the file's own essay).
    for (const name of ['desk.factdesk', 'desk2.factdesk']) openReview(dir.file(name), bundledEssay()).close()
    const r = await cli('import', other, '--review', dir.file('desk.factdesk'), '--json')
    expect(r.code, r.stderr).toBe(0)
    const [summary] = r.json().imported as ImportSummary[]
    expect(summary).toMatchObject({ documentDiffers: true, added: 1, unanchored: [{ exact: '봄비가 내리던 날' }] })
    const text = await cli('import', other, '--review', dir.file('desk2.factdesk'))
    expect(text.stdout).toMatch(/the essay text differs: claims were re-anchored/)
    expect(text.stdout).toMatch(/1 claim could not be found in the essay[^\n]*\n\s+"봄비가 내리던 날"/)
  })

  it('reads a review that is open elsewhere, changes still in its write-ahead log', async () => {
    const path = dir.file('open.factdesk')
    const store = openReview(path, bundledEssay())
    try {
      const text = readDocument(store).text
      const at = Array.from(text.slice(0, text.indexOf(KIM))).length
      createClaim(store, describeRange(text, at, at + Array.from(KIM).length), 'kim')
      expect(existsSync(`${path}-wal`)).toBe(true)
      const r = await cli('import', path, '--review', dir.file('desk.factdesk'), '--json')
      expect(r.code, r.stdout).toBe(0)
      expect((r.json().imported as ImportSummary[])[0]).toMatchObject({ format: 'sqlite', added: 1 })
    } finally {
      store.close()
    }
  })

  it('stops at the first refused file: the review is byte-for-byte unchanged, or keeps the files before it', async () => {
    const a = review('a.factdesk', 'kim', KIM)
    const b = review('b.factdesk', 'lee', LEE)
    const target = dir.file('desk.factdesk')
    expect((await cli('import', a, '--review', target)).code).toBe(0)
    const before = sha256(target)
    const broken = dir.file('broken.json')
    writeFileSync(broken, JSON.stringify({ format: 'factdesk-review-bundle', version: 1, claims: [] }))
    writeFileSync(dir.file('notes.txt'), 'not a review')

    for (const bad of [broken, dir.file('notes.txt'), dir.file('missing.json')]) {
      const r = await cli('import', bad, b, '--review', target, '--json')
      expect(r.code).toBe(1)
      expect(r.json()).toMatchObject({ ok: false, command: 'import', imported: [], error: { file: bad } })
      expect((r.json().error as { message: string }).message).toContain(
        bad.endsWith('missing.json') ? bad : basename(bad),
      )
      expect(sha256(target)).toBe(before)
    }
    // A review file from schema step 1 is not migrated by an import that is refused.
    const old = dir.file('old.factdesk')
    copyFileSync(target, old)
    const db = new Database(old)
    db.exec(`DROP VIEW IF EXISTS claim_event; DROP TABLE IF EXISTS import_entry; DROP TABLE IF EXISTS import_entry_claim; DROP TRIGGER claim_version_added; DROP TRIGGER claim_version_changed; DROP TRIGGER source_version_added;
      DROP TRIGGER source_version_changed; DROP TABLE version_value; DROP TABLE correction; DROP TABLE reply; DROP TABLE claim_tag; DROP TABLE tag_style; DROP TABLE event;
      DROP TABLE setting; DROP TABLE dismissed_suggestion; DROP TABLE claim_search;
      DROP TABLE import_log; DROP TABLE conflict; DROP TABLE version_seen; DROP TABLE IF EXISTS import_undo; DROP TABLE IF EXISTS claim_origin; DROP TABLE IF EXISTS claim_workflow; DROP TABLE IF EXISTS notice_seen; DROP TABLE IF EXISTS sync_pushed;
      ALTER TABLE claim DROP COLUMN version; ALTER TABLE claim DROP COLUMN anchored; ALTER TABLE source DROP COLUMN version;
      ALTER TABLE claim DROP COLUMN text_changed; DROP TABLE IF EXISTS review_version`)
    for (const t of ['meta', 'document', 'claim', 'source'])
      for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}_version_${op}`)
    db.pragma('user_version = 1')
    db.close()
    const oldBytes = sha256(old)
    const refused = await cli('import', broken, '--review', old)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Nothing was imported; .*old\.factdesk is unchanged/)
    expect(sha256(old)).toBe(oldBytes)
    // Nor by an export (it reads a private copy).
    expect((await cli('export', '--review', old, '--format', 'bundle', '--out', dir.file('old.json'))).code).toBe(0)
    expect(sha256(old)).toBe(oldBytes)

    // A refused first file does not leave a new, empty review behind.
    const none = await cli('import', broken, '--review', dir.file('new.factdesk'))
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/broken\.json: this is not a valid review bundle.*new\.factdesk was not created/)
    expect(existsSync(dir.file('new.factdesk'))).toBe(false)

    const partial = await cli('import', b, broken, a, '--review', dir.file('partial.factdesk'))
    expect(partial.code).toBe(1)
    expect(partial.stdout).toMatch(/Imported b\.factdesk/)
    expect(partial.stderr).toMatch(
      /broken\.json: .*the 1 file before it \(b\.factdesk\) was imported into .*partial\.factdesk\. 1 file after it was not imported/,
    )
    expect(claimsOf(dir.file('partial.factdesk')).map((c) => c.exact)).toEqual([LEE])
    expect(leftovers()).toEqual([])
  })
})

describe('merge', () => {
  it('merges two reviewers’ bundles into a new review, then into an existing one, and reports conflicts', async () => {
    const kim = review('kim.factdesk', 'kim', KIM)
    const lee = review('lee.factdesk', 'lee', LEE)
    for (const who of ['kim', 'lee']) {
      const r = await cli(
        'export',
        '--review',
        dir.file(`${who}.factdesk`),
        '--format',
        'bundle',
        '--out',
        dir.file(`${who}.json`),
        '--as',
        who,
      )
      expect(r.code, r.stderr).toBe(0)
    }
    const out = dir.file('merged.factdesk')
    const r = await cli('merge', dir.file('kim.json'), dir.file('lee.json'), '--out', out, '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(r.json()).toMatchObject({ ok: true, command: 'merge', created: true })
    expect((r.json().imported as ImportSummary[]).map((s) => [s.fileName, s.added, s.sourcesAdded])).toEqual([
      ['kim.json', 1, 1],
      ['lee.json', 1, 1],
    ])
    expect(
      claimsOf(out)
        .map((c) => c.exact)
        .sort(),
    ).toEqual([KIM, LEE].sort())

    // Both reviewers change Kim's claim after the merge: merging their reviews again is a conflict.
    for (const [path, note] of [
      [kim, 'kim again'],
      [lee, 'lee disagrees'],
    ] as const) {
      expect((await cli('import', out, '--review', path)).code).toBe(0)
      const store = openReview(path)
      const claim = listClaims(store).find((c) => c.exact === KIM)!
      updateClaim(store, claim.id, { note }, 'x')
      store.close()
    }
    const again = await cli('merge', kim, lee, '--out', out)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/Imported kim\.factdesk \(review file\):\n\s+claims: 0 added, 1 updated/)
    expect(again.stdout).toMatch(/Imported lee\.factdesk[^\n]*\n[^\n]*1 conflict;/)
    expect(again.stdout).toMatch(/Updated .*merged\.factdesk: merged 2 files/)
  })

  it('starts a new review from a review file’s essay, and refuses a first file that carries no essay', async () => {
    const md = readFileSync(join(ROOT, 'resources/essays/seoul-openai.md'), 'utf8')
    const other = review('other.factdesk', 'lee', '봄비', parseEssayMarkdown(md.replace(KIM, `${KIM} 봄비`)))
    const out = dir.file('merged.factdesk')
    const r = await cli('merge', other, '--out', out, '--json')
    expect(r.code, r.stderr).toBe(0)
    expect((r.json().imported as ImportSummary[])[0]).toMatchObject({
      documentDiffers: false,
      added: 1,
      unanchored: [],
    })
    const store = openReview(out)
    expect(readDocument(store).text).toContain('봄비')
    store.close()

    await cli('export', '--review', other, '--format', 'w3c', '--out', dir.file('other.jsonld'))
    const w3c = await cli('merge', dir.file('other.jsonld'), '--out', dir.file('new.factdesk'))
    expect(w3c.code).toBe(1)
    expect(w3c.stderr).toMatch(/other\.jsonld: .*W3C annotations carry no essay.*new\.factdesk was not created/)
    expect(existsSync(dir.file('new.factdesk'))).toBe(false)
  })
})

describe('validate', () => {
  it('accepts a bundle, a review file and W3C annotations, and gives the reasons for a broken file', async () => {
    const a = review('a.factdesk', 'kim', KIM)
    await cli('export', '--review', a, '--format', 'bundle', '--out', dir.file('a.json'))
    await cli('export', '--review', a, '--format', 'w3c', '--out', dir.file('a.jsonld'))
    for (const [file, format] of [
      [dir.file('a.json'), 'bundle'],
      [a, 'sqlite'],
      [dir.file('a.jsonld'), 'w3c'],
    ]) {
      const r = await cli('validate', file, '--json')
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.json()).toMatchObject({ ok: true, command: 'validate', file, format, claims: 1, sources: 1 })
    }
    const bundle = JSON.parse(readFileSync(dir.file('a.json'), 'utf8'))
    bundle.claims[0].exact = '없는 인용'
    writeFileSync(dir.file('broken.json'), JSON.stringify(bundle))
    const broken = await cli('validate', dir.file('broken.json'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/broken\.json: .*claim .*: its quote does not match the document/)
    expect(broken.stderr).not.toMatch(/review is unchanged/)
  })

  it('says a review file of random bytes is damaged, with the code and its parameters in --json', async () => {
    writeFileSync(dir.file('noise.factdesk'), randomBytes(3000))
    const r = await cli('validate', dir.file('noise.factdesk'), '--json')
    expect(r.code).toBe(1)
    expect(r.json()).toMatchObject({
      ok: false,
      error: {
        code: 'review-file-damaged',
        params: { file: 'noise.factdesk' },
        message: expect.stringMatching(/^noise\.factdesk is damaged/),
      },
    })
  })
})

describe('the command as a process', () => {
  // tsx by path: `--import tsx` is resolved from the working folder, which is a temp folder here.
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
  const run = (args: string[], opts: { cwd?: string; bin?: string } = {}) =>
    spawnSync(
      process.execPath,
      opts.bin ? [opts.bin, ...args] : ['--import', tsx, join(ROOT, 'src/cli/main.ts'), ...args],
      {
        cwd: opts.cwd ?? ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    )

  it('exits 0, 1 and 2 under tsx and leaves a refused review untouched', () => {
    const a = review('a.factdesk', 'kim', KIM)
    const before = sha256(a)
    writeFileSync(dir.file('bad.json'), '{"format": "factdesk-review-bundle", ')
    const bad = run(['import', 'bad.json', '--review', 'a.factdesk', '--json'], { cwd: dir.path })
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      error: { code: 'import-not-json', params: { file: 'bad.json' }, file: 'bad.json' },
    })
    expect(bad.stderr).toMatch(/bad\.json: the file is not JSON/)
    expect(sha256(a)).toBe(before)
    expect(run(['validate', 'a.factdesk'], { cwd: dir.path }).status).toBe(0)
    const usage = run(['import', '--review'])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/Usage: factdesk import/)
  })

  it('builds with `npm run build:cli` into one file that plain Node runs through bin/factdesk.cjs', () => {
    // An installed layout in a temp folder: bin/, out/cli/, resources/ and node_modules/ (for better-sqlite3).
    const root = dir.file('install')
    mkdirSync(join(root, 'bin'), { recursive: true })
    copyFileSync(join(ROOT, 'bin/factdesk.cjs'), join(root, 'bin/factdesk.cjs'))
    const bin = join(root, 'bin/factdesk.cjs')
    const unbuilt = run(['--version'], { bin })
    expect(unbuilt.status).toBe(1)
    expect(unbuilt.stderr).toMatch(/npm run build/)

    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['build:cli'] as string
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build).toMatch(/npm run build:cli/)
    const [tool, ...args] = script.split(/\s+/)
    const outfile = join(root, 'out/cli/factdesk.cjs')
    const build = spawnSync(
      join(ROOT, 'node_modules/.bin', tool),
      args.map((a) => a.replace(/^--outfile=.*/, `--outfile=${outfile}`)),
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )
    expect(build.status, build.stderr).toBe(0)
    symlinkSync(join(ROOT, 'resources'), join(root, 'resources'))
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'))

    expect(run(['--version'], { bin }).stdout).toMatch(/^factdesk \d+\.\d+\.\d+/)
    const made = run(['import', join(dir.path, 'nothing.json'), '--review', join(dir.path, 'r.factdesk')], { bin })
    expect(made.status).toBe(1)
    expect(made.stderr).toMatch(/nothing\.json does not exist/)
    review('a.factdesk', 'kim', KIM)
    const exported = run(
      ['export', '--review', dir.file('a.factdesk'), '--format', 'bundle', '--out', dir.file('a.json')],
      { bin },
    )
    expect(exported.status, exported.stderr).toBe(0)
    const imported = run(['import', dir.file('a.json'), '--review', dir.file('new.factdesk'), '--json'], { bin })
    expect(imported.status, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, created: true, imported: [{ added: 1 }] })
  })
})

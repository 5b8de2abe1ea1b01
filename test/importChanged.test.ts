import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportW3c } from '../src/core/exchange/w3c'
import { claimHistory } from '../src/core/review/history'
import { runCli } from '../src/cli/run'
import type { Block } from '../src/shared/essay'
import type { ImportSummary } from '../src/shared/exchange'
import { describeEvent } from '../src/shared/historyText'
import { bundledEssay, tempDir } from './helpers/essay'
import { anchorOf, blockWith, bytesOf, editEssay, Reviewer } from './helpers/exchange'
import { getClaim } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'
import { attachClaim, createClaim, updateClaim } from '../src/core/claims/commands'

/** Quotes long enough to be found by a fuzzy match once one or two characters change. */
const RATED = '세계적으로 가장 강력한 생성형 AI 모델인'
const OPEN = '삼성전자, 하이닉스 등 글로벌 반도체 강자'
const SAME = '오픈AI가 서울을 선택한 것은 단순한 사업 확장이 아니다'

/** Replaces `from` with `to` in the one block that holds it. */
function rewrite(blocks: Block[], from: string, to: string): void {
  const i = blockWith(blocks, from)
  blocks[i] = {
    ...blocks[i],
    inlines: [
      {
        text: blocks[i].inlines
          .map((r) => r.text)
          .join('')
          .replace(from, to),
      },
    ],
  }
}

/** The essay as another desk has it: two claims' words changed a little, one untouched. */
const edited = () =>
  editEssay(bundledEssay(), (blocks) => {
    rewrite(blocks, 'AI 모델인', 'AI 모형인')
    rewrite(blocks, '삼성전자, 하이닉스', '삼성전자, SK하이닉스')
  })
const AFTER = { rated: '세계적으로 가장 강력한 생성형 AI 모형인', open: '삼성전자, SK하이닉스 등 글로벌 반도체 강자' }

let A: Reviewer, E: Reviewer
let ids: { rated: string; open: string; same: string }
beforeEach(() => {
  A = new Reviewer('김기자', bundledEssay())
  E = new Reviewer('편집자', edited())
  const s = A.store
  ids = {
    rated: createClaim(s, anchorOf(s, RATED), A.name).id,
    open: createClaim(s, anchorOf(s, OPEN), A.name).id,
    same: createClaim(s, anchorOf(s, SAME), A.name).id,
  }
  updateClaim(s, ids.rated, { verdict: 'true', status: 'checked' }, A.name)
  updateClaim(s, ids.same, { verdict: 'false', status: 'checked' }, A.name)
})
afterEach(() => {
  A.close()
  E.close()
})

/** Every claim of the import that now marks other words, and its state in the review. */
function expectListedAndMarked(summary: ImportSummary, file: string): void {
  expect(summary.changedClaims).toEqual(
    expect.arrayContaining([
      { id: ids.rated, before: RATED, after: AFTER.rated },
      { id: ids.open, before: OPEN, after: AFTER.open },
    ]),
  )
  expect(summary.changedClaims).toHaveLength(2)
  expect(E.claim(ids.rated)).toMatchObject({
    exact: AFTER.rated,
    textChanged: true,
    status: 'in-review',
    verdict: 'true',
  })
  // Not rated and open: recorded, but there is no verdict to doubt.
  expect(E.claim(ids.open)).toMatchObject({ exact: AFTER.open, textChanged: false, status: 'open' })
  expect(E.claim(ids.same)).toMatchObject({ exact: SAME, textChanged: false, status: 'checked' })
  for (const key of ['rated', 'open'] as const) {
    const entry = claimHistory(E.store, ids[key]).find((e) => e.kind === 'text-changed')
    expect(entry, key).toMatchObject({
      actor: E.name,
      detail: { via: 'import', file, before: key === 'rated' ? RATED : OPEN, after: AFTER[key] },
    })
    expect(describeEvent(entry!, 'en')).toContain(`imported ${file}: the claim now marks`)
  }
  expect(claimHistory(E.store, ids.same).some((e) => e.kind === 'text-changed')).toBe(false)
}

describe('importing into a review whose essay differs', () => {
  it('a bundle: lists every claim re-anchored onto other words, records and marks it', async () => {
    const summary = await E.receive(A, 'a.factdesk.json')
    expect(summary).toMatchObject({ documentDiffers: true, added: 3, unanchored: [] })
    expectListedAndMarked(summary, 'a.factdesk.json')
    // The import log keeps the list; importing the same file again changes nothing and lists nothing.
    const logged = JSON.parse(
      E.store.db.prepare(`SELECT summary_json FROM import_log`).pluck().get() as string,
    ) as ImportSummary
    expect(logged.changedClaims).toHaveLength(2)
    expect(await E.receive(A, 'a.factdesk.json')).toMatchObject({ unchanged: 3, changedClaims: [] })
  })

  it('W3C annotations: the same list and the same marks', async () => {
    const summary = await E.receive(bytesOf(exportW3c(A.store)), 'a.annotations.jsonld')
    expectListedAndMarked(summary, 'a.annotations.jsonld')
  })

  it('a review file: the same list and the same marks', async () => {
    const backup = tempDir()
    try {
      await A.store.backupTo(backup.file('a.factdesk'))
      const summary = await E.receive(readFileSync(backup.file('a.factdesk')), 'a.factdesk')
      expectListedAndMarked(summary, 'a.factdesk')
    } finally {
      backup.remove()
    }
  })

  it('carries the mark in bundles; a bundle without the field (older Factdesk) still imports', async () => {
    await E.receive(A)
    const bundle = E.bundle()
    expect(bundle.claims.find((c) => c.id === ids.rated)?.textChanged).toBe(true)
    const fresh = new Reviewer('박검증', edited())
    try {
      await fresh.receive(bytesOf(bundle))
      expect(fresh.claim(ids.rated)).toMatchObject({ textChanged: true, status: 'in-review' })
      const old = bytesOf({ ...A.bundle(), claims: A.bundle().claims.map(({ textChanged: _, ...c }) => c) })
      const other = new Reviewer('최데스크', bundledEssay())
      try {
        expect(await other.receive(old)).toMatchObject({ added: 3, changedClaims: [] })
        expect(other.claim(ids.rated)).toMatchObject({ textChanged: false, status: 'checked' })
      } finally {
        other.close()
      }
    } finally {
      fresh.close()
    }
  })
})

describe('factdesk import --json', () => {
  it('carries changedClaims with the quote before and after', async () => {
    const dir = tempDir('factdesk-cli-')
    try {
      const bundlePath = dir.file('a.factdesk.json')
      writeFileSync(bundlePath, A.file())
      const reviewPath = dir.file('e.factdesk')
      openReview(reviewPath, edited()).close()
      let stdout = ''
      const code = await runCli(['import', bundlePath, '--review', reviewPath, '--json'], {
        stdout: (t) => (stdout += t),
        stderr: () => {},
        env: { USER: 'tester' },
      })
      expect(code).toBe(0)
      const out = JSON.parse(stdout) as { imported: ImportSummary[] }
      expect(out.imported[0].changedClaims).toEqual(
        expect.arrayContaining([
          { id: ids.rated, before: RATED, after: AFTER.rated },
          { id: ids.open, before: OPEN, after: AFTER.open },
        ]),
      )
      // For people: each changed claim with its words before and after.
      const other = dir.file('f.factdesk')
      openReview(other, edited()).close()
      let text = ''
      await runCli(['import', bundlePath, '--review', other], {
        stdout: (t) => (text += t),
        stderr: () => {},
        env: { USER: 'tester' },
      })
      expect(text).toContain(`"${RATED}" -> "${AFTER.rated}"`)
      const store = openReview(reviewPath)
      try {
        expect(getClaim(store, ids.rated)).toMatchObject({ textChanged: true, status: 'in-review' })
      } finally {
        store.close()
      }
    } finally {
      dir.remove()
    }
  })
})

describe('claims moved onto other words in the other review', () => {
  it('an attached claim’s new words are part of its record, and a merge that brings them lists and marks it', async () => {
    const B = new Reviewer('박검증', bundledEssay())
    try {
      await B.receive(A)
      expect(B.claim(ids.same).exact).toBe(SAME)
      // In A the rated claim is attached to other words of the same essay.
      const OTHER = '이로써 한국은 미국에 이어'
      attachClaim(A.store, ids.same, anchorOf(A.store, OTHER), A.name)
      expect(A.claim(ids.same)).toMatchObject({ exact: OTHER, textChanged: true, status: 'in-review' })
      expect(claimHistory(A.store, ids.same).find((e) => e.kind === 'text-changed')).toMatchObject({
        detail: { before: SAME, after: OTHER },
      })
      // B takes A's newer version: the claim now judges other words there too, and B is told.
      const summary = await B.receive(A)
      expect(summary.changedClaims).toEqual([{ id: ids.same, before: SAME, after: OTHER }])
      expect(B.claim(ids.same)).toMatchObject({ exact: OTHER, textChanged: true })
      expect(claimHistory(B.store, ids.same).find((e) => e.kind === 'text-changed')).toMatchObject({
        detail: { via: 'import', before: SAME, after: OTHER },
      })
    } finally {
      B.close()
    }
  })
})

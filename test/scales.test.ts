import { noteText } from '../src/shared/exchange'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportBundle } from '../src/core/exchange/bundle'
import { importFile } from '../src/core/exchange/files'
import { exportW3c } from '../src/core/exchange/w3cExport'
import { activeScale, builtinScale, setScale } from '../src/core/scales/scales'
import { ReviewSession } from '../src/core/review/session'
import type { Method } from '../src/shared/contract'
import type { Claim } from '../src/shared/domain'
import { FactdeskError } from '../src/shared/errors'
import {
  mapVerdict,
  POLITIFACT_SCALE,
  SNU_SCALE,
  verdictIds,
  verdictLabel,
  verdictScaleSchema,
  type VerdictScale,
} from '../src/shared/scales'
import { openDesk, type Desk } from './helpers/service'
import { bundledEssay, factdeskError, tempDir, type TempDir } from './helpers/essay'
import { anchorOf, bytesOf } from './helpers/exchange'
import { createClaim, updateClaim } from '../src/core/claims/commands'
import { getClaim, listClaims } from '../src/core/claims/queries'
import { openReview } from '../src/core/review/open'

let dir: TempDir
let desk: Desk
let session: ReviewSession
const emitted = (): string[] => desk.events.map(({ event, payload }) => `${event}:${JSON.stringify(payload)}`)

function open(path: string): void {
  desk = openDesk(openReview(path, bundledEssay()), { reviewerName: '박팩트' })
  session = desk.session
}

async function call(
  method: Method,
  args: unknown = {},
): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }> {
  const r = await desk.call(method, args)
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code, message: r.error.message }
}
const ok: Desk['callOk'] = (method, ...args) => desk.callOk(method, ...args)

const QUOTES = [
  '챗GPT 유료 가입자 수 2위',
  '서울에 지사를 설립',
  '카카오와 협력해',
  '아랍에미리트(UAE)',
  '권 CSO는 방한 중',
]

/** Five claims rated true, half-true, false, undecidable and not yet. */
async function ratedClaims(): Promise<Claim[]> {
  const verdicts = ['true', 'half-true', 'false', 'undecidable', 'unrated']
  const out: Claim[] = []
  for (const [i, quote] of QUOTES.entries()) {
    const c = await ok('claim-create', { anchor: anchorOf(session.store, quote) })
    out.push(verdicts[i] === 'unrated' ? c : await ok('claim-update', { id: c.id, patch: { verdict: verdicts[i] } }))
  }
  return out
}
const verdictsNow = () => Object.fromEntries(listClaims(session.store).map((c) => [c.exact, c.verdict]))

const OWN: VerdictScale = {
  id: 'custom',
  name: { ko: '우리 척도', en: 'Our scale' },
  levels: [
    { id: 'correct', ko: '맞음', en: 'Correct', color: '#1a7f37', position: 1 },
    { id: 'misleading', ko: '오해 소지', en: 'Misleading', color: '#bf8700', position: 2 },
    { id: 'wrong', ko: '틀림', en: 'Wrong', color: '#cf222e', position: 3 },
    { id: 'unproven', ko: '확인 불가', en: 'Unproven', color: '#6e7781', position: null },
  ],
}

beforeEach(() => {
  dir = tempDir()
  open(dir.file('review.factdesk'))
})
afterEach(() => {
  session.close()
  dir.remove()
})

describe('the review scale', () => {
  it('is SNU팩트체크’s six levels until the review chooses another; two scales are built in', async () => {
    expect(await ok('scale-get')).toEqual(SNU_SCALE)
    expect(verdictIds(SNU_SCALE)).toEqual([
      'unrated',
      'true',
      'mostly-true',
      'half-true',
      'mostly-false',
      'false',
      'undecidable',
    ])
    expect((await ok('scales-builtin')).map((s) => s.id)).toEqual(['snu', 'politifact'])
    expect(
      verdictIds(POLITIFACT_SCALE)
        .slice(1)
        .map((id) => POLITIFACT_SCALE.levels.find((l) => l.id === id)!.en),
    ).toEqual(['True', 'Mostly True', 'Half True', 'Mostly False', 'False', 'Pants on Fire'])
    for (const s of [SNU_SCALE, POLITIFACT_SCALE, OWN]) expect(verdictScaleSchema.safeParse(s).success).toBe(true)
  })

  it('switching maps verdicts (same id, else same position, else unrated) in one step, with a summary', async () => {
    const claims = await ratedClaims()
    const before = new Map(claims.map((c) => [c.id, c]))
    const summary = await ok('scale-set', { scale: POLITIFACT_SCALE })
    expect(summary.previous.id).toBe('snu')
    expect(summary.scale).toEqual(POLITIFACT_SCALE)
    expect(summary.mapped).toEqual([{ from: 'undecidable', to: 'unrated', claims: 1 }])
    expect(summary).toMatchObject({ kept: 4, unrated: 1 })
    expect(emitted()).toContain('review-changed:{"reason":"scale-changed"}')
    expect(Object.values(verdictsNow()).sort()).toEqual(['false', 'half-true', 'true', 'unrated', 'unrated'])
    // Only the changed claim gets a new version (merges see it as an edit) and a history entry.
    for (const c of listClaims(session.store)) {
      const was = before.get(c.id)!
      const changed = was.verdict === 'undecidable'
      expect(c.version !== was.version, c.exact).toBe(changed)
      if (changed) expect(c).toMatchObject({ revision: was.revision + 1, modifiedBy: '박팩트' })
    }
    const events = session.store.db
      .prepare(
        `SELECT detail_json FROM event WHERE kind = 'verdict-changed' AND json_extract(detail_json, '$.scale') = 'politifact'`,
      )
      .pluck()
      .all() as string[]
    expect(events.map((e) => JSON.parse(e))).toEqual([{ from: 'undecidable', to: 'unrated', scale: 'politifact' }])

    // Back again: Pants on Fire has no place on SNU's scale (position 6 of 5).
    const fire = claims[2]
    await ok('claim-update', { id: fire.id, patch: { verdict: 'pants-on-fire' } })
    const back = await ok('scale-set', { scale: SNU_SCALE })
    expect(back.mapped).toEqual([{ from: 'pants-on-fire', to: 'unrated', claims: 1 }])
    expect(getClaim(session.store, fire.id).verdict).toBe('unrated')
  })

  it('maps by position onto a scale of the review’s own, and keeps it after the file is opened again', async () => {
    await ratedClaims()
    const summary = await ok('scale-set', { scale: OWN })
    expect(new Set(summary.mapped.map((m) => `${m.from}>${m.to}`))).toEqual(
      new Set(['true>correct', 'half-true>wrong', 'false>unrated', 'undecidable>unproven']),
    )
    expect(summary).toMatchObject({ kept: 1, unrated: 1 })
    expect(verdictsNow()).toEqual({
      [QUOTES[0]]: 'correct',
      [QUOTES[1]]: 'wrong',
      [QUOTES[2]]: 'unrated',
      [QUOTES[3]]: 'unproven',
      [QUOTES[4]]: 'unrated',
    })
    session.close()
    open(dir.file('review.factdesk'))
    expect(await ok('scale-get')).toEqual(OWN)
    expect(mapVerdict(SNU_SCALE, OWN, 'mostly-true')).toBe('misleading')
    expect(mapVerdict(OWN, OWN, 'wrong')).toBe('wrong')
    // Re-ordering or relabelling the review's own scale keeps every id: nothing is re-rated.
    const reordered: VerdictScale = {
      ...OWN,
      levels: [OWN.levels[1], OWN.levels[0], OWN.levels[2], OWN.levels[3]].map((l, i) => ({
        ...l,
        position: i < 3 ? i + 1 : null,
        en: `${l.en}!`,
      })),
    }
    expect((await ok('scale-set', { scale: reordered })).mapped).toEqual([])
  })

  it('refuses a custom scale that is not valid, and the review is left as it was', async () => {
    await ratedClaims()
    const level = (id: string, position: number | null) => ({
      id,
      ko: `한 ${id}`,
      en: `L ${id}`,
      color: '#123456',
      position,
    })
    const bad: [string, unknown][] = [
      ['one level on the scale', { ...OWN, levels: [level('a', 1), level('b', null)] }],
      ['eleven levels on the scale', { ...OWN, levels: Array.from({ length: 11 }, (_, i) => level(`l${i}`, i + 1)) }],
      [
        'two levels off the scale',
        { ...OWN, levels: [level('a', 1), level('b', 2), level('c', null), level('d', null)] },
      ],
      ['a gap in the positions', { ...OWN, levels: [level('a', 1), level('b', 3)] }],
      ['a position twice', { ...OWN, levels: [level('a', 1), level('b', 1), level('c', 2)] }],
      ['the same id twice', { ...OWN, levels: [level('a', 1), level('a', 2)] }],
      ['the same label twice', { ...OWN, levels: [level('a', 1), { ...level('b', 2), ko: '한 a' }] }],
      ['“unrated” as a level', { ...OWN, levels: [level('unrated', 1), level('b', 2)] }],
      ['an id with capitals or spaces', { ...OWN, levels: [level('Pants on Fire', 1), level('b', 2)] }],
      [
        'a colour that is not #rrggbb',
        { ...OWN, levels: [{ ...level('a', 1), color: 'red; background: url(x)' }, level('b', 2)] },
      ],
      ['an empty label', { ...OWN, levels: [{ ...level('a', 1), en: '  ' }, level('b', 2)] }],
      ['an unknown key', { ...OWN, levels: [{ ...level('a', 1), html: '<b>' }, level('b', 2)] }],
    ]
    const before = verdictsNow()
    for (const [what, scale] of bad) {
      const r = await call('scale-set', { scale })
      expect(r.ok, what).toBe(false)
      if (!r.ok) expect(r.code, what).toBe('invalid-args')
    }
    expect(verdictsNow()).toEqual(before)
    expect(session.store.db.prepare(`SELECT count(*) FROM setting WHERE key = 'verdict-scale'`).pluck().get()).toBe(0)
    expect(() => setScale(session.store, { ...OWN, levels: [] }, 'x')).toThrow()
  })

  it('refuses a verdict id that is not on the review’s scale, with a clear message; unrated is always valid', async () => {
    const [claim] = await ratedClaims()
    const r = await call('claim-update', { id: claim.id, patch: { verdict: 'pants-on-fire' } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('verdict-not-on-scale')
      expect(r.message).toContain('“pants-on-fire” is not a verdict of this review')
      expect(r.message).toContain('SNU FactCheck')
    }
    const direct = factdeskError(
      () => updateClaim(session.store, claim.id, { verdict: 'mostly-wrong' }, 'x'),
      'verdict-not-on-scale',
    )
    expect(direct).toBeInstanceOf(FactdeskError)
    expect(getClaim(session.store, claim.id).verdict).toBe('true')
    expect(await call('claim-update', { id: claim.id, patch: { verdict: 'Not An Id' } })).toMatchObject({
      ok: false,
      code: 'invalid-args',
    })

    await ok('scale-set', { scale: POLITIFACT_SCALE })
    expect((await ok('claim-update', { id: claim.id, patch: { verdict: 'pants-on-fire' } })).verdict).toBe(
      'pants-on-fire',
    )
    expect((await ok('claim-update', { id: claim.id, patch: { verdict: 'unrated' } })).verdict).toBe('unrated')
    expect(await call('claim-update', { id: claim.id, patch: { verdict: 'undecidable' } })).toMatchObject({
      ok: false,
      code: 'verdict-not-on-scale',
    })
  })

  it('a stored scale that does not validate reads as the default', () => {
    session.store.db.prepare(`INSERT INTO setting (key, value) VALUES ('verdict-scale', '{"id":"x"}')`).run()
    expect(activeScale(session.store)).toEqual(SNU_SCALE)
    session.store.db.prepare(`UPDATE setting SET value = 'not json' WHERE key = 'verdict-scale'`).run()
    expect(activeScale(session.store)).toEqual(SNU_SCALE)
  })
})

describe('exchange across scales', () => {
  it('exports label verdicts with the review’s scale', async () => {
    await ratedClaims()
    await ok('scale-set', { scale: OWN })
    const w3c = exportW3c(session.store) as {
      first: { items: { body: { purpose: string; value: string; 'factdesk:verdict': string }[] }[] }
    }
    const ratings = w3c.first.items.map((a) => a.body.find((b) => b.purpose === 'assessing')!)
    expect(ratings.map((r) => `${r['factdesk:verdict']}=${r.value}`).sort()).toEqual(
      ['correct=맞음', 'unproven=확인 불가', 'unrated=판정 전', 'unrated=판정 전', 'wrong=틀림'].sort(),
    )
  })

  it('a claim whose verdict the receiving scale lacks comes in unrated, the original in its note; again changes nothing', async () => {
    // Another reviewer rates on the PolitiFact-style scale.
    const other = openReview(dir.file('other.factdesk'), bundledEssay())
    try {
      setScale(other, POLITIFACT_SCALE, '이검증')
      const a = createClaim(other, anchorOf(other, QUOTES[0]), '이검증')
      updateClaim(other, a.id, { verdict: 'pants-on-fire', note: '근거 없음.' }, '이검증')
      const b = createClaim(other, anchorOf(other, QUOTES[1]), '이검증')
      updateClaim(other, b.id, { verdict: 'mostly-true' }, '이검증')
      const bytes = bytesOf(exportBundle(other, '이검증'))

      // The receiving review has rated claims, so it keeps its scale (a review without any would take the file's).
      const mine = createClaim(session.store, anchorOf(session.store, QUOTES[2]), '박팩트')
      updateClaim(session.store, mine.id, { verdict: 'true' }, '박팩트')
      const summary = await importFile(session.store, 'politifact.factdesk.json', bytes, '박팩트')
      expect(summary).toMatchObject({ added: 2, conflicts: 0 })
      expect(activeScale(session.store).id).toBe('snu')
      expect(summary.notes.map((n) => noteText('en', n)).join('\n')).toContain(
        'The file rates on the verdict scale “PolitiFact-style (Truth-O-Meter)”; this review keeps its own',
      )
      expect(summary.notes.map((n) => noteText('en', n)).join('\n')).toContain(
        "1 claim has a verdict this review's scale (SNU FactCheck (six levels)) does not have (“Pants on Fire (pants-on-fire)”)",
      )
      expect(getClaim(session.store, a.id)).toMatchObject({
        verdict: 'unrated',
        note: '근거 없음.\n\nOriginal verdict: Pants on Fire (pants-on-fire)',
      })
      expect(getClaim(session.store, b.id).verdict).toBe('mostly-true')

      const again = await importFile(session.store, 'politifact.factdesk.json', bytes, '박팩트')
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, conflicts: 0 })
      expect(again.notes.map((n) => noteText('en', n)).join('\n')).not.toContain('Original verdict')
      expect(getClaim(session.store, a.id).note).toBe('근거 없음.\n\nOriginal verdict: Pants on Fire (pants-on-fire)')
    } finally {
      other.close()
    }
  })
})

describe('labels', () => {
  it('come from the scale, then from a built-in scale, else the id', () => {
    expect(verdictLabel(OWN, 'wrong', 'ko')).toBe('틀림')
    expect(verdictLabel(OWN, 'undecidable', 'en')).toBe('Undecidable')
    expect(verdictLabel(SNU_SCALE, 'pants-on-fire', 'en')).toBe('Pants on Fire')
    expect(verdictLabel(SNU_SCALE, 'made-up', 'ko')).toBe('made-up')
    expect(verdictLabel(POLITIFACT_SCALE, 'unrated', 'ko')).toBe('판정 전')
  })
})

describe('the reviewer’s default scale', () => {
  it('is the scale a new review starts with, and an existing review keeps its own', () => {
    const dir = tempDir()
    try {
      const politifact = builtinScale('politifact')!
      const session = new ReviewSession(openReview(dir.file('a.factdesk'), bundledEssay()), () => politifact)
      expect(activeScale(session.store).id).toBe('snu')
      session.create(dir.file('b.factdesk'), bundledEssay())
      expect(activeScale(session.store).id).toBe('politifact')
      session.open(dir.file('a.factdesk'))
      expect(activeScale(session.store).id).toBe('snu')
      session.close()
    } finally {
      dir.remove()
    }
  })
})

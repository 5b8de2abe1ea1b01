import { importNote, type ImportNote } from '../../shared/exchange'
import { FactdeskError } from '../../shared/errors'
import {
  BUILTIN_SCALES,
  SCALE_SETTING,
  builtinLevel,
  DEFAULT_SCALE,
  isValidVerdict,
  mapVerdict,
  planScaleChange,
  UNRATED,
  verdictIds,
  verdictScaleSchema,
  type ScaleChangeSummary,
  type VerdictScale,
} from '../../shared/scales'
import { LIMITS } from '../../shared/domain'
import { recordEvent } from '../review/history'
import type { ReviewStore } from '../review/store'
import { all, value } from '../db/query'

/**
 * The review's verdict scale (src/shared/scales.ts): stored as JSON in the review file's setting
 * 'verdict-scale'; a review without one (every review made before scales existed) uses SNU팩트체크's.
 */

/**
 * The scale the open review rates its claims on. The one function the rest of the core (exports
 * included) asks; a stored value that does not validate reads as the default scale.
 */
export function activeScale(store: ReviewStore): VerdictScale {
  return storedScale(store) ?? DEFAULT_SCALE
}

/** The scale the review has stored; undefined when it has none (or one that does not validate). */
export function storedScale(store: ReviewStore): VerdictScale | undefined {
  const raw = value<string>(store.db, `SELECT value FROM setting WHERE key = ?`, SCALE_SETTING)
  if (raw === undefined) return undefined
  try {
    const parsed = verdictScaleSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Refuses a verdict id that is not on the review's scale ('unrated' always passes). */
export function assertVerdictOnScale(store: ReviewStore, id: string): void {
  const scale = activeScale(store)
  if (isValidVerdict(scale, id)) return
  throw new FactdeskError('verdict-not-on-scale', {
    verdict: id,
    scale: scale.name.en,
    choices: verdictIds(scale).join(', '),
  })
}

/**
 * Switches the review to `next` in ONE transaction: every claim's verdict is mapped (same id if the new
 * scale has it, else the same position, else 'unrated' — src/shared/scales.ts mapVerdict), each changed
 * claim gets a new version and a history entry, pending conflicts' other side is mapped the same way,
 * and the scale is stored. The summary counts the live claims.
 */
export function setScale(store: ReviewStore, next: VerdictScale, actor: string): ScaleChangeSummary {
  const scale = verdictScaleSchema.parse(next)
  const { db } = store
  const previous = activeScale(store)
  let plan: Omit<ScaleChangeSummary, 'previous' | 'scale'> = { mapped: [], kept: 0, unrated: 0 }
  db.transaction(() => {
    const rows = all<{ id: string; verdict: string; deleted: number }>(db, `SELECT id, verdict, deleted FROM claim`)
    plan = planScaleChange(
      previous,
      scale,
      rows.filter((r) => r.deleted === 0),
    )
    const t = new Date().toISOString()
    const update = db.prepare(
      `UPDATE claim SET verdict = ?, modified = ?, modified_by = ?, revision = revision + 1, version = ? WHERE id = ?`,
    )
    for (const r of rows) {
      const verdict = mapVerdict(previous, scale, r.verdict)
      if (verdict === r.verdict) continue
      update.run(verdict, t, actor, store.newVersion(r.id), r.id)
      recordEvent(db, r.id, actor, 'verdict-changed', { from: r.verdict, to: verdict, scale: scale.id }, t)
    }
    const conflicts = all<{ id: string; theirs_json: string }>(
      db,
      `SELECT id, theirs_json FROM conflict WHERE resolved = '' AND entity = 'claim'`,
    )
    const updateConflict = db.prepare(`UPDATE conflict SET theirs_json = ? WHERE id = ?`)
    for (const c of conflicts) {
      const theirs = JSON.parse(c.theirs_json) as { verdict: string }
      const verdict = mapVerdict(previous, scale, theirs.verdict)
      if (verdict !== theirs.verdict) updateConflict.run(JSON.stringify({ ...theirs, verdict }), c.id)
    }
    db.prepare(
      `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(SCALE_SETTING, JSON.stringify(scale))
  }).immediate()
  return { previous, scale, ...plan }
}

/** How an id unknown to this review reads in a note: its built-in label where it has one. */
function originalLabel(id: string): string {
  const level = builtinLevel(id)
  return level ? `${level.en} (${id})` : id
}

/**
 * Claims from another review may carry verdict ids this review's scale does not have (it rates on
 * another scale). Such a claim comes in as not yet rated, with its original verdict at the end of its
 * note, and the import summary says so — the way a W3C rating Factdesk does not know is imported.
 * Claims whose version this review has seen already are left alone (the merge leaves them unchanged).
 */
/** What of an incoming claim the scale looks at (a bundle's claim has these fields). */
interface RatedClaim {
  id: string
  verdict: string
  note: string
  deleted: boolean
  version: string
}

export function adaptIncomingVerdicts<C extends RatedClaim, R extends { claims: C[]; notes: ImportNote[] }>(
  store: ReviewStore,
  incoming: R,
): R {
  const scale = activeScale(store)
  // Each verdict looked up once: a large file has thousands of claims and a handful of verdicts.
  if ([...new Set(incoming.claims.map((c) => c.verdict))].every((v) => isValidVerdict(scale, v))) return incoming
  const seen = store.versionHistories()
  const unknown = new Map<string, number>()
  const claims = incoming.claims.map((c): C => {
    if (isValidVerdict(scale, c.verdict)) return c
    if (c.deleted || seen.get(c.id)?.includes(c.version)) return { ...c, verdict: UNRATED }
    unknown.set(c.verdict, (unknown.get(c.verdict) ?? 0) + 1)
    const line = `Original verdict: ${originalLabel(c.verdict)}`
    const note = c.note ? `${c.note}\n\n${line}` : line
    return { ...c, verdict: UNRATED, note: note.length <= LIMITS.note ? note : c.note }
  })
  if (unknown.size === 0) return { ...incoming, claims }
  const n = [...unknown.values()].reduce((a, b) => a + b, 0)
  const labels = [...unknown.keys()].slice(0, 10).map((id) => originalLabel(id))
  const note = importNote('verdicts-not-on-scale', { count: n, scale: scale.name.en, labels })
  return { ...incoming, claims, notes: [...incoming.notes, note] }
}

/** A built-in scale by id (the reviewer's default scale for new reviews), if there is one. */
export function builtinScale(id: string): VerdictScale | undefined {
  return BUILTIN_SCALES.find((s) => s.id === id)
}

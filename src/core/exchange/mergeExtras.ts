import { importNote, type ImportNote } from '../../shared/exchange'
import { republishSettingKeys, type RepublishSettings } from '../../shared/republish'
import type { VerdictScale } from '../../shared/scales'
import type { CorrectionRow } from '../db/rows'
import { activeScale, setScale } from '../scales/scales'
import type { ReviewStore } from '../review/store'
import type { BundleCorrection, BundleDismissed, BundleRepublish } from './bundleExtras'
import { storedRepublish } from './bundleExtras'
import type { MergeTouches } from './mergeThread'
import { relation, wins } from './mergeRules'

/**
 * Merging the rest of a review (bundle format version 2):
 *  - corrections by id and version history, like sources and replies. When both sides changed one since
 *    the version they share, an applied correction stays applied (the essay reads it), otherwise the
 *    later `modified` (then the larger version id) wins — the same rule in every file, so merges converge.
 *  - republication settings: a field the receiving review has not set takes the file's value; a field it
 *    has set keeps its own (settings carry no versions, and the receiving reviewer chose theirs).
 *  - dismissed suggestions: a union (a sentence dismissed on either side stays dismissed).
 *  - the verdict scale: see adoptIncomingScale.
 */
export interface ExtrasIncoming {
  corrections?: BundleCorrection[]
  republish?: BundleRepublish
  verdictScale?: VerdictScale
  dismissedSuggestions?: BundleDismissed[]
}

export interface ExtrasCounts {
  correctionsChanged: number
  settingsTaken: number
  dismissedAdded: number
}

/** Both sides changed a correction: an applied one stays applied, else the later edit (then the larger version). */
function theirsWin(theirs: BundleCorrection, ours: CorrectionRow): boolean {
  const oursApplied = ours.state === 'applied' && ours.deleted === 0
  const theirsApplied = theirs.state === 'applied' && !theirs.deleted
  if (oursApplied !== theirsApplied) return theirsApplied
  return wins(theirs, ours)
}

/** Call inside the merge's transaction, after the claims. */
export function mergeExtras(
  store: ReviewStore,
  incoming: ExtrasIncoming,
  known: (id: string) => Set<string>,
  touched: MergeTouches,
): { counts: ExtrasCounts; notes: ImportNote[] } {
  const { db } = store
  const counts: ExtrasCounts = { correctionsChanged: 0, settingsTaken: 0, dismissedAdded: 0 }
  const remember = db.prepare(`INSERT OR IGNORE INTO version_seen (entity_id, version) VALUES (?, ?)`)
  const claimExists = db.prepare(`SELECT 1 FROM claim WHERE id = ?`)
  const correctionRow = db.prepare(`SELECT * FROM correction WHERE id = ?`)
  const write = db.prepare(
    `INSERT INTO correction (id, claim_id, original, replacement, explanation, state, proposed_by, proposed, applied_by, applied, modified, revision, deleted, version)
     VALUES (@id, @claimId, @original, @replacement, @explanation, @state, @proposedBy, @proposed, @appliedBy, @applied, @modified, @revision, @deleted, @version)
     ON CONFLICT (id) DO UPDATE SET original = excluded.original, replacement = excluded.replacement, explanation = excluded.explanation,
       state = excluded.state, applied_by = excluded.applied_by, applied = excluded.applied, modified = excluded.modified,
       revision = excluded.revision, deleted = excluded.deleted, version = excluded.version`,
  )
  // An applied correction whose claim here does not read its new words (this essay is another copy).
  const readsReplacement = db.prepare(`SELECT 1 FROM claim WHERE id = ? AND deleted = 0 AND anchored = 1 AND exact = ?`)
  const unmatched: string[] = []
  for (const c of incoming.corrections ?? []) {
    if (!claimExists.get(c.claimId)) continue
    const local = correctionRow.get(c.id) as CorrectionRow | undefined
    const rel = relation(known(c.id), local?.version, c)
    const take =
      rel === 'new' || rel === 'theirs-newer' || (rel === 'concurrent' && local !== undefined && theirsWin(c, local))
    if (take) {
      write.run({ ...c, deleted: c.deleted ? 1 : 0 })
      if (c.state === 'applied' && !c.deleted && !readsReplacement.get(c.claimId, c.replacement))
        unmatched.push(c.replacement)
      if (!(rel === 'new' && c.deleted)) {
        counts.correctionsChanged++
        touched.note(c.claimId, 'thread')
      }
    }
    for (const v of c.history) remember.run(c.id, v)
  }

  const mine = storedRepublish(store)
  const set = db.prepare(`INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)`)
  for (const [field, value] of Object.entries(incoming.republish ?? {})) {
    if (!value || (mine as Record<string, string>)[field]) continue
    set.run(republishSettingKeys[field as keyof RepublishSettings], value)
    counts.settingsTaken++
  }

  const dismiss = db.prepare(`INSERT OR IGNORE INTO dismissed_suggestion (key, dismissed, actor) VALUES (?, ?, ?)`)
  for (const d of incoming.dismissedSuggestions ?? [])
    counts.dismissedAdded += dismiss.run(d.key, d.dismissed, d.actor).changes

  const notes: ImportNote[] = []
  if (unmatched.length > 0) {
    notes.push(
      importNote('corrections-not-in-essay', {
        count: unmatched.length,
        quotes: unmatched.slice(0, 5).map((r) => r.slice(0, 60)),
      }),
    )
  }
  return { counts, notes }
}

const sameScale = (a: VerdictScale, b: VerdictScale) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The file's verdict scale, before its verdicts are checked against the review's (files.ts importFile,
 * inside the import's transaction). The review takes the file's scale only while none of its live claims
 * has a verdict (a new or fresh review): nothing of the receiving reviewer's is re-rated by an import.
 * The switch goes through setScale, so it is the same change as choosing the scale by hand. A review with
 * rated claims keeps its scale; the file's verdicts it does not have come in as not yet rated (scales.ts
 * adaptIncomingVerdicts) and the summary says which scale the file used. Returns the summary's note, if any.
 */
export function adoptIncomingScale(
  store: ReviewStore,
  incoming: ExtrasIncoming,
  actor: string,
): ImportNote | undefined {
  const theirs = incoming.verdictScale
  if (!theirs) return undefined
  const ours = activeScale(store)
  if (sameScale(ours, theirs)) return undefined
  const rated = store.db.prepare(`SELECT 1 FROM claim WHERE deleted = 0 AND verdict <> 'unrated' LIMIT 1`).get()
  if (!rated) {
    setScale(store, theirs, actor)
    return importNote('scale-adopted', { scale: theirs.name.en })
  }
  return importNote('scale-kept', { theirs: theirs.name.en, ours: ours.name.en })
}

import type { DocumentView } from '../../shared/contract'
import type { Claim, Correction, Lang, Status } from '../../shared/domain'
import type { RepublishOptions, RepublishSettings } from '../../shared/republish'
import { verdictLabels } from '../../shared/verdicts'
import { catalogues } from '../../shared/i18n'
import { UNRATED } from '../../shared/scales'
import { listCorrections } from '../document/corrections'
import { activeScale } from '../scales/scales'
import type { ReviewStore } from '../review/store'
import { readSettings } from './settings'
import { listClaims } from '../claims/queries'
import { readDocument } from '../document/queries'
import { all, get } from '../db/query'

/**
 * A review's verdict scale as the exports need it. `order` is the numeric scale, most true first
 * (ClaimReview ratingValue = order.length - index, so higher means more true); `offScale` holds
 * verdicts that are a judgement but no position on that scale (SNU팩트체크's 판단 유보).
 */
export interface VerdictScale {
  id: string
  labels: Record<Lang, Record<string, string>>
  order: string[]
  offScale: string[]
  /** The verdict of a claim not rated yet. */
  unrated: string
  /** Each level's colour (#rrggbb) as the review's scale gives it. */
  colors: Record<string, string>
}

/** The review's verdict scale (src/core/scales/scales.ts) in the shape the exports read it. */
export function scaleOf(store: ReviewStore): VerdictScale {
  const scale = activeScale(store)
  const onScale = scale.levels
    .filter((l) => l.position !== null)
    .sort((a, b) => (a.position as number) - (b.position as number))
  const labels: VerdictScale['labels'] = {
    ko: { [UNRATED]: verdictLabels.ko.unrated },
    en: { [UNRATED]: verdictLabels.en.unrated },
  }
  for (const l of scale.levels) {
    labels.ko[l.id] = l.ko
    labels.en[l.id] = l.en
  }
  return {
    id: scale.id,
    labels,
    order: onScale.map((l) => l.id),
    offScale: scale.levels.filter((l) => l.position === null).map((l) => l.id),
    unrated: UNRATED,
    colors: Object.fromEntries(scale.levels.map((l) => [l.id, l.color])),
  }
}

/** The position of a verdict on the scale: best = order.length, worst = 1; undefined when off the scale. */
export function ratingValue(scale: VerdictScale, verdict: string): number | undefined {
  const i = scale.order.indexOf(verdict)
  return i < 0 ? undefined : scale.order.length - i
}

export const statusLabels: Record<Lang, Record<Status, string>> = { en: catalogues.en.status, ko: catalogues.ko.status }

export interface AppliedCorrection extends Correction {
  /** 1-based number of the claim in the export (its footnote / appendix number), if it is exported. */
  claimNumber?: number
}

/** Everything an export for republication reads, gathered once. */
export interface RepublishData {
  doc: DocumentView
  lang: Lang
  settings: RepublishSettings
  scale: VerdictScale
  /** Claims attached to the text, in reading order; claim i is numbered i + 1 everywhere. */
  claims: Claim[]
  /** Claims not attached to this text (after an import): listed in tables, never drawn. */
  unattached: Claim[]
  /** Applied corrections in the order they were applied. */
  corrections: AppliedCorrection[]
  tags: Map<string, string[]>
  /** When the export was made (ISO). */
  exported: string
}

/** The language of the review's output: the essay's declared language, else Korean if it has Hangul. */
export function languageOf(store: ReviewStore, doc: DocumentView): Lang {
  const row = get<{ language: string }>(store.db, `SELECT language FROM document LIMIT 1`)
  const declared = (row?.language ?? '').trim().toLowerCase()
  if (declared.startsWith('ko')) return 'ko'
  if (declared) return 'en'
  return /[\uac00-\ud7a3]/.test(doc.text) ? 'ko' : 'en'
}

function tagsOf(store: ReviewStore): Map<string, string[]> {
  const rows = all<{ claim_id: string; name: string }>(
    store.db,
    `SELECT claim_id, name FROM claim_tag WHERE deleted = 0 ORDER BY name`,
  )
  const map = new Map<string, string[]>()
  for (const r of rows) map.set(r.claim_id, [...(map.get(r.claim_id) ?? []), r.name])
  return map
}

export function gatherRepublishData(store: ReviewStore, options: RepublishOptions = {}): RepublishData {
  const doc = readDocument(store)
  const all = listClaims(store)
  const claims = all
    .filter((c) => c.anchored)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.created.localeCompare(b.created))
  const number = new Map(claims.map((c, i) => [c.id, i + 1]))
  const corrections = listCorrections(store)
    .filter((k) => k.state === 'applied')
    .sort((a, b) => a.applied.localeCompare(b.applied) || a.id.localeCompare(b.id))
    .map((k) => ({ ...k, claimNumber: number.get(k.claimId) }))
  const settings = readSettings(store)
  return {
    doc,
    lang: languageOf(store, doc),
    settings: options.factcheckUrl ? { ...settings, factcheckUrl: options.factcheckUrl } : settings,
    scale: scaleOf(store),
    claims,
    unattached: all.filter((c) => !c.anchored),
    corrections,
    tags: tagsOf(store),
    exported: new Date().toISOString(),
  }
}

export function verdictLabel(data: RepublishData, verdict: string): string {
  return data.scale.labels[data.lang][verdict] ?? verdict
}

export const isRated = (data: RepublishData, c: Claim): boolean => c.verdict !== data.scale.unrated

/** The formats readers see: they hold only claims with a verdict unless the export asks for the rest. */
export const READER_FORMATS: readonly string[] = ['html', 'pdf', 'docx']

/**
 * The data a reader-facing export shows: an unrated claim is nobody's finding yet, so it is left out
 * unless `includeUnrated` (then it is labelled unchecked). Numbers follow the claims shown.
 */
export function forReaders(data: RepublishData, includeUnrated: boolean): RepublishData {
  return includeUnrated ? data : onlyClaims(data, (c) => isRated(data, c))
}

/** The data of an export that requires the editor's sign-off: only claims whose verdict was signed off. */
export const signedOffOnly = (data: RepublishData): RepublishData => onlyClaims(data, (c) => c.signedOff !== null)

/** Keeps the claims `keep` accepts; numbers follow the claims shown. */
function onlyClaims(data: RepublishData, keep: (c: Claim) => boolean): RepublishData {
  const claims = data.claims.filter(keep)
  const number = new Map(claims.map((c, i) => [c.id, i + 1]))
  return { ...data, claims, corrections: data.corrections.map((k) => ({ ...k, claimNumber: number.get(k.claimId) })) }
}

/** The date part of an ISO time. */
export const day = (iso: string): string => iso.slice(0, 10)

/**
 * The wording a claim was checked in: what the essay said before its first applied correction (the
 * verdict is about that wording), else its text now. `corrected` is the text now when it differs.
 */
export function checkedWording(data: RepublishData, c: Claim): { quote: string; corrected?: string } {
  const first = data.corrections.find((k) => k.claimId === c.id)
  return first && first.original !== c.exact ? { quote: first.original, corrected: c.exact } : { quote: c.exact }
}

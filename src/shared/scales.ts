import type { ErrorParams } from './errors'
import { z } from 'zod'
import { verdictIdSchema, type Lang } from './domain'
import { verdictLabels } from './verdicts'

export { verdictIdSchema }

/**
 * Verdict scales. A review rates its claims on one scale, kept in the review file (setting
 * 'verdict-scale'); SNU팩트체크's six levels are the default. A claim stores a verdict *id*; the scale
 * gives each id its labels, its colour and its place: a `position` from 1 (most true) down to n (least
 * true), or `null` for a judgement that is not on the scale (like 판단 유보, "undecidable").
 * 'unrated' (not yet rated) is no level of any scale and is always valid.
 */

export const UNRATED = 'unrated'
/** The review setting that holds the active verdict scale (JSON). */
export const SCALE_SETTING = 'verdict-scale'
export const UNRATED_COLOR = '#8a9ab3'

export const SCALE_LIMITS = { minOnScale: 2, maxOnScale: 10, maxOffScale: 1, label: 60, name: 80 } as const

const label = z.string().trim().min(1, 'a label cannot be empty').max(SCALE_LIMITS.label)
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')

export const scaleLevelSchema = z
  .object({
    id: verdictIdSchema.refine((v) => v !== UNRATED, { message: `“${UNRATED}” is kept for claims not yet rated` }),
    ko: label,
    en: label,
    color: colorSchema,
    /** 1 = most true … n = least true; null = a judgement that is not on the scale (e.g. undecidable). */
    position: z.number().int().min(1).max(SCALE_LIMITS.maxOnScale).nullable(),
  })
  .strict()
export type ScaleLevel = z.infer<typeof scaleLevelSchema>

export const verdictScaleSchema = z
  .object({
    /** 'snu' and 'politifact' are the built-in scales; anything else is a review's own. */
    id: verdictIdSchema,
    name: z
      .object({
        ko: z.string().trim().min(1).max(SCALE_LIMITS.name),
        en: z.string().trim().min(1).max(SCALE_LIMITS.name),
      })
      .strict(),
    levels: z
      .array(scaleLevelSchema)
      .min(SCALE_LIMITS.minOnScale)
      .max(SCALE_LIMITS.maxOnScale + SCALE_LIMITS.maxOffScale),
  })
  .strict()
  .superRefine((scale, ctx) => {
    // The issue's message is an error code (src/shared/errors.ts) and its params that code's parameters.
    const problem = <C extends ScaleErrorCode>(
      code: C,
      params: ErrorParams<C>,
      path: (string | number)[] = ['levels'],
    ) => ctx.addIssue({ code: 'custom', message: code, params: params as Record<string, unknown>, path })
    const onScale = scale.levels.filter((l) => l.position !== null)
    const offScale = scale.levels.length - onScale.length
    if (onScale.length < SCALE_LIMITS.minOnScale || onScale.length > SCALE_LIMITS.maxOnScale) {
      problem('scale-level-count', {
        min: SCALE_LIMITS.minOnScale,
        max: SCALE_LIMITS.maxOnScale,
        found: onScale.length,
      })
    }
    if (offScale > SCALE_LIMITS.maxOffScale) problem('scale-off-too-many', { max: SCALE_LIMITS.maxOffScale })
    const positions = onScale.map((l) => l.position as number).sort((a, b) => a - b)
    if (positions.some((p, i) => p !== i + 1)) {
      problem('scale-positions', { count: onScale.length })
    }
    const seen = { id: new Set<string>(), ko: new Set<string>(), en: new Set<string>() }
    scale.levels.forEach((l, i) => {
      for (const key of ['id', 'ko', 'en'] as const) {
        const value = key === 'id' ? l.id : l[key].normalize('NFC').toLowerCase()
        if (seen[key].has(value)) problem('scale-duplicate', { field: key, value: l[key] }, ['levels', i, key])
        seen[key].add(value)
      }
    })
  })
type ScaleErrorCode = 'scale-level-count' | 'scale-off-too-many' | 'scale-positions' | 'scale-duplicate'
export type VerdictScale = z.infer<typeof verdictScaleSchema>

/** SNU팩트체크's six levels: five on the scale, 판단 유보 beside it. The labels are src/shared/verdicts.ts's. */
export const SNU_SCALE: VerdictScale = {
  id: 'snu',
  name: { ko: 'SNU팩트체크 6단계', en: 'SNU FactCheck (six levels)' },
  levels: (
    [
      ['true', '#2f8a4c', 1],
      ['mostly-true', '#6c9a2e', 2],
      ['half-true', '#c29b12', 3],
      ['mostly-false', '#d0702a', 4],
      ['false', '#b83232', 5],
      ['undecidable', '#6d5fa8', null],
    ] as const
  ).map(([id, color, position]) => ({ id, ko: verdictLabels.ko[id], en: verdictLabels.en[id], color, position })),
}

/**
 * A PolitiFact-style Truth-O-Meter. The five levels it shares with SNU팩트체크 keep SNU's ids (and
 * positions), so claims keep their verdicts when a review switches between the two.
 */
export const POLITIFACT_SCALE: VerdictScale = {
  id: 'politifact',
  name: { ko: 'PolitiFact 방식 (진실 측정기)', en: 'PolitiFact-style (Truth-O-Meter)' },
  levels: [
    { id: 'true', ko: '사실', en: 'True', color: '#2f8a4c', position: 1 },
    { id: 'mostly-true', ko: '대체로 사실', en: 'Mostly True', color: '#6c9a2e', position: 2 },
    { id: 'half-true', ko: '절반의 사실', en: 'Half True', color: '#c29b12', position: 3 },
    { id: 'mostly-false', ko: '대체로 거짓', en: 'Mostly False', color: '#d0702a', position: 4 },
    { id: 'false', ko: '거짓', en: 'False', color: '#b83232', position: 5 },
    { id: 'pants-on-fire', ko: '새빨간 거짓말', en: 'Pants on Fire', color: '#7a1010', position: 6 },
  ],
}

export const BUILTIN_SCALES: readonly VerdictScale[] = [SNU_SCALE, POLITIFACT_SCALE]
export const DEFAULT_SCALE = SNU_SCALE

export const UNRATED_LABELS: Record<Lang, string> = { ko: verdictLabels.ko.unrated, en: verdictLabels.en.unrated }

export function levelOf(scale: VerdictScale, id: string): ScaleLevel | undefined {
  return scale.levels.find((l) => l.id === id)
}

/** Whether a claim may carry this verdict id in a review rated on `scale`. */
export function isValidVerdict(scale: VerdictScale, id: string): boolean {
  return id === UNRATED || levelOf(scale, id) !== undefined
}

/** The levels in the order a menu lists them: on the scale most true first, then those beside it. */
export function orderedLevels(scale: VerdictScale): ScaleLevel[] {
  const on = scale.levels
    .filter((l) => l.position !== null)
    .sort((a, b) => (a.position as number) - (b.position as number))
  return [...on, ...scale.levels.filter((l) => l.position === null)]
}

/** Every verdict id a claim can have on `scale`, 'unrated' first. */
export function verdictIds(scale: VerdictScale): string[] {
  return [UNRATED, ...orderedLevels(scale).map((l) => l.id)]
}

/**
 * The label of a verdict id: the scale's; for an id it does not have (a history entry from before a
 * switch, say) a built-in scale's label; else the id itself.
 */
export function verdictLabel(scale: VerdictScale, id: string, lang: Lang): string {
  if (id === UNRATED) return UNRATED_LABELS[lang]
  return (levelOf(scale, id) ?? builtinLevel(id))?.[lang] ?? id
}

export function verdictColor(scale: VerdictScale, id: string): string {
  return levelOf(scale, id)?.color ?? UNRATED_COLOR
}

/**
 * What verdict `id` (given on scale `from`) becomes on scale `to`:
 * - 'unrated' stays 'unrated';
 * - an id `to` has too keeps it (editing a scale's labels, colours or order never re-rates a claim);
 * - else the level at the same position on `to` (for a level off the scale: `to`'s level off the scale);
 * - else 'unrated'.
 */
export function mapVerdict(from: VerdictScale, to: VerdictScale, id: string): string {
  if (id === UNRATED || levelOf(to, id)) return id
  const level = levelOf(from, id)
  if (!level) return UNRATED
  return to.levels.find((l) => l.position === level.position)?.id ?? UNRATED
}

/** Looks an id up in the built-in scales, for a label when the review's own scale does not know it. */
export function builtinLevel(id: string): ScaleLevel | undefined {
  for (const scale of BUILTIN_SCALES) {
    const level = levelOf(scale, id)
    if (level) return level
  }
  return undefined
}

export interface VerdictMapping {
  from: string
  to: string
  /** How many claims (live ones) went from `from` to `to`. */
  claims: number
}

/** What switching a review's scale did. */
export interface ScaleChangeSummary {
  previous: VerdictScale
  scale: VerdictScale
  /** Live claims whose verdict changed, by pair of ids (labels: `previous` for `from`, `scale` for `to`). */
  mapped: VerdictMapping[]
  /** Live claims whose verdict stayed as it was. */
  kept: number
  /** Of the changed ones, how many became 'unrated' because the new scale has no matching level. */
  unrated: number
}

/** The mapping a switch would make, counted over `claims` (used for the preview and the summary alike). */
export function planScaleChange(
  from: VerdictScale,
  to: VerdictScale,
  claims: readonly { verdict: string }[],
): Omit<ScaleChangeSummary, 'previous' | 'scale'> {
  const pairs = new Map<string, VerdictMapping>()
  let kept = 0
  let unrated = 0
  for (const c of claims) {
    const next = mapVerdict(from, to, c.verdict)
    if (next === c.verdict) {
      kept++
      continue
    }
    if (next === UNRATED) unrated++
    const key = `${c.verdict}\n${next}`
    const pair = pairs.get(key) ?? { from: c.verdict, to: next, claims: 0 }
    pair.claims++
    pairs.set(key, pair)
  }
  return { mapped: [...pairs.values()], kept, unrated }
}

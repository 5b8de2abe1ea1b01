import { z } from 'zod'
import type { SignOff } from './workflow'
import { isHttpUrl } from './url'

/** SNU팩트체크's six levels, most true first, plus "not yet rated". */
export const verdicts = ['unrated', 'true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'undecidable'] as const
/** The ids of the default scale (SNU팩트체크's); src/shared/scales.ts has the scales themselves. */
export type SnuVerdict = (typeof verdicts)[number]
/**
 * A verdict id. Which ids a claim may carry depends on the review's verdict scale (setting
 * 'verdict-scale', src/shared/scales.ts); the service checks it. 'unrated' is always valid.
 */
export type Verdict = string
/** Lower-case letters, digits and single hyphens: safe in a file, a URL, an attribute and a CSS selector. */
export const VERDICT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const verdictIdSchema = z
  .string()
  .max(40)
  .regex(VERDICT_ID_PATTERN, 'a verdict id is lower-case letters, digits and hyphens')

export const statuses = ['open', 'in-review', 'checked'] as const
export type Status = (typeof statuses)[number]

export const LIMITS = {
  note: 20_000,
  quote: 20_000,
  context: 200,
  field: 2_000,
  excerpt: 10_000,
  url: 2_048,
  reviewerName: 100,
} as const

/** A calendar date as YYYY-MM-DD that exists (no month 13, no 29 February 2025), or '' for none. */
export const isoDateSchema = z.union([z.literal(''), z.iso.date({ message: 'expected a real date as YYYY-MM-DD' })])

export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .refine(isHttpUrl, { message: 'only http:// and https:// addresses are allowed' })

const optionalHttpUrl = z.union([z.literal(''), httpUrl])

export const sourceFieldsSchema = z.object({
  url: httpUrl,
  title: z.string().max(LIMITS.field).default(''),
  publisher: z.string().max(LIMITS.field).default(''),
  published: isoDateSchema.default(''),
  accessed: isoDateSchema.default(''),
  excerpt: z.string().max(LIMITS.excerpt).default(''),
  archiveUrl: optionalHttpUrl.default(''),
})
export type SourceFields = z.infer<typeof sourceFieldsSchema>

export interface Source extends SourceFields {
  id: string
  claimId: string
  created: string
  modified: string
  revision: number
  version: string
}

export const anchorSchema = z
  .object({
    exact: z.string().min(1).max(LIMITS.quote),
    prefix: z.string().max(LIMITS.context),
    suffix: z.string().max(LIMITS.context),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((a) => a.end > a.start, { message: 'a claim must end after it starts' })

export const claimPatchSchema = z
  .object({
    verdict: verdictIdSchema,
    status: z.enum(statuses),
    note: z.string().max(LIMITS.note),
  })
  .partial()
export type ClaimPatch = z.infer<typeof claimPatchSchema>

export interface Claim {
  id: string
  documentId: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  verdict: Verdict
  status: Status
  note: string
  author: string
  created: string
  modified: string
  modifiedBy: string
  revision: number
  /** Changes with every edit of the claim's content; merging compares versions, not times. */
  version: string
  /** False when the claim's text could not be found in this essay (after an import): listed, not drawn. */
  anchored: boolean
  /**
   * The claim's words changed (other than by a correction) after it was rated or worked on: its verdict
   * awaits re-confirmation, and exports do not present it as checked.
   */
  textChanged: boolean
  hasConflict: boolean
  sources: Source[]
  corrections: Correction[]
  /** Tag names on the claim, each once, in collation order (colours: `tags-list`). */
  tags: string[]
  /** The discussion thread, oldest reply first. */
  replies: Reply[]
  /** The reviewer asked to check this claim ('' for nobody). */
  assignee: string
  /** The editor's sign-off of the current verdict; null when none holds (src/shared/workflow.ts). */
  signedOff: SignOff | null
}

/** A proposed or applied change of the essay's wording at a claim, as newspapers publish corrections. */
export interface Correction {
  id: string
  claimId: string
  /** The wording when the correction was proposed. */
  original: string
  replacement: string
  /** The short public explanation printed with the correction. */
  explanation: string
  state: 'proposed' | 'applied'
  proposedBy: string
  proposed: string
  appliedBy: string
  applied: string
}

export const correctionFieldsSchema = z
  .object({
    replacement: z.string().min(1).max(LIMITS.quote),
    explanation: z.string().max(LIMITS.note),
  })
  .strict()

export type Lang = 'ko' | 'en'
export const langs = ['ko', 'en'] as const

export interface Prefs {
  reviewerName: string
  lang: Lang
  /** The essay's font size in CSS pixels (see shared/prefs.ts for the range). */
  essayFontSize: number
  /** Id of the verdict scale a new review starts with ('snu': SNU팩트체크's six levels). */
  defaultScale: string
  /** The Claims panel's width in CSS pixels, once the reviewer has dragged it (shared/prefs.ts). */
  panelWidth?: number
}

/** A reply in a claim's discussion thread. Only its author may edit or delete it. */
export interface Reply {
  id: string
  claimId: string
  author: string
  body: string
  created: string
  modified: string
  revision: number
  version: string
}

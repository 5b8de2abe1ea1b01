import { z } from 'zod'
import { isHttpUrl } from './url'

/** SNU팩트체크's six levels, most true first, plus "not yet rated". */
export const verdicts = [
  'unrated',
  'true',
  'mostly-true',
  'half-true',
  'mostly-false',
  'false',
  'undecidable',
] as const
export type Verdict = (typeof verdicts)[number]

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

const isoDate = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
])

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
  published: isoDate.default(''),
  accessed: isoDate.default(''),
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
    verdict: z.enum(verdicts),
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
  hasConflict: boolean
  sources: Source[]
}

export type Lang = 'ko' | 'en'
export const langs = ['ko', 'en'] as const

export interface Prefs {
  reviewerName: string
  lang: Lang
}

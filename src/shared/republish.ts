import { z } from 'zod'
import { httpUrl, isoDateSchema } from './domain'

/**
 * Exports for republication: the essay for readers (Markdown, HTML, PDF), for the next editor
 * (Word with comments, a spreadsheet) and for fact-check aggregators (schema.org ClaimReview).
 */
export const republishFormats = [
  'markdown',
  'markdown-annotated',
  'html',
  'pdf',
  'docx',
  'csv',
  'xlsx',
  'claimreview',
] as const
export type RepublishFormat = (typeof republishFormats)[number]

export function isRepublishFormat(format: string): format is RepublishFormat {
  return (republishFormats as readonly string[]).includes(format)
}

/** The review's settings for republication, stored in the review file (setting table). */
export interface RepublishSettings {
  /** The reviewing organisation: ClaimReview's author. */
  organisationName: string
  organisationUrl: string
  /** The page where the fact-check is published: ClaimReview's url. */
  factcheckUrl: string
  /** Where the essay was published (defaults to the essay file's `source`/`url`). */
  essayUrl: string
  /** The essay's author (defaults to the essay's author line). */
  essayAuthor: string
  /** When the essay was published, YYYY-MM-DD (defaults to the essay file's `published`). */
  essayPublished: string
}

/** Setting keys in the review file, one per field. */
export const republishSettingKeys: Record<keyof RepublishSettings, string> = {
  organisationName: 'organisation-name',
  organisationUrl: 'organisation-url',
  factcheckUrl: 'factcheck-url',
  essayUrl: 'essay-url',
  essayAuthor: 'essay-author',
  essayPublished: 'essay-published',
}

const optionalHttpUrl = z.union([z.literal(''), httpUrl])

/** A change of the settings: every field optional; '' clears a field (its default applies again). */
export const republishSettingsPatchSchema = z
  .object({
    organisationName: z.string().trim().max(200),
    organisationUrl: optionalHttpUrl,
    factcheckUrl: optionalHttpUrl,
    essayUrl: optionalHttpUrl,
    essayAuthor: z.string().trim().max(200),
    essayPublished: isoDateSchema,
  })
  .partial()
  .strict()
export type RepublishSettingsPatch = z.infer<typeof republishSettingsPatchSchema>

/** Options of one export (on top of the review's settings). */
export const republishOptionsSchema = z
  .object({
    /** The fact-check page's URL for this export (ClaimReview url), instead of the setting. */
    factcheckUrl: httpUrl.optional(),
    /**
     * Reader-facing exports (HTML, PDF, Word) show only claims with a verdict; true includes the
     * claims not rated yet, labelled as unchecked.
     */
    includeUnrated: z.boolean().optional(),
    /**
     * Word only: a copy to send to reviewers who work in Word — every claim, each comment marked with its
     * claim, the review named in the document's properties — whose comments come back by importing it.
     */
    forReview: z.boolean().optional(),
    /** Reader-facing exports and ClaimReview hold only claims whose verdict an editor signed off. */
    signedOffOnly: z.boolean().optional(),
  })
  .strict()
export type RepublishOptions = z.infer<typeof republishOptionsSchema>

/** What an export for republication holds, for the summary shown before saving. */
export interface ExportCounts {
  claims: number
  rated: number
  sources: number
  corrections: number
  /**
   * Claims whose words changed since they were rated: left out of ClaimReview, labelled in the other
   * formats (absent when there are none).
   */
  textChanged?: number
  /** Claims without a verdict a reader-facing export leaves out (absent when none are). */
  unratedLeftOut?: number
  /** Claims an export that requires sign-off leaves out because no editor signed them off (absent when none are). */
  unsignedLeftOut?: number
  /** Claims of the review this export leaves out because they are not found in the essay. */
  notFound: number
}

import { z } from 'zod'
import { republishFormats, type ExportCounts } from './republish'
import type { WordImportResult } from './wordReview'
import type { Lang } from './domain'
import { catalogues, type Catalogue } from './i18n'

type NoteTexts = Catalogue['importNotes']
export type ImportNoteCode = keyof NoteTexts
/** A note of an import summary: a code and its parameters, never a sentence. */
export type ImportNote = { [C in ImportNoteCode]: { code: C; params: Parameters<NoteTexts[C]>[0] } }[ImportNoteCode]

export function importNote<C extends ImportNoteCode>(code: C, params: Parameters<NoteTexts[C]>[0]): ImportNote {
  return { code, params } as ImportNote
}

/** A note in `lang`; a summary logged before notes had codes holds its English sentence, shown as it is. */
export function noteText(lang: Lang, note: ImportNote | string): string {
  if (typeof note === 'string') return note
  const text = catalogues[lang].importNotes[note.code] as ((p: unknown) => string) | undefined
  return text ? text(note.params) : note.code
}

/** Formats for other reviewers (the exchange); republication formats follow (src/shared/republish.ts). */
export const exchangeFormats = ['bundle', 'w3c', 'sqlite'] as const
export type ExchangeFormat = (typeof exchangeFormats)[number]
export const exportFormats = [...exchangeFormats, ...republishFormats] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportedFile {
  fileName: string
  mimeType: string
  encoding: 'utf8' | 'base64'
  data: string
  /** Republication exports: what the file holds, for the summary before saving. */
  counts?: ExportCounts
}

export type ImportFormat = 'bundle' | 'sqlite' | 'w3c' | 'docx'

export interface ImportSummary {
  fileName: string
  format: ImportFormat
  added: number
  updated: number
  unchanged: number
  deleted: number
  conflicts: number
  unanchored: { id: string; exact: string }[]
  sourcesAdded: number
  sourcesUpdated: number
  /** Replies and tags the file brought (absent in summaries logged before they travelled). */
  repliesAdded?: number
  repliesUpdated?: number
  tagsChanged?: number
  /** Corrections added or changed, republication settings taken, dismissed suggestions added (bundle version 2). */
  correctionsChanged?: number
  settingsTaken?: number
  dismissedAdded?: number
  /** The file's essay text differs from the open one: its claims were re-anchored. */
  documentDiffers: boolean
  /**
   * Claims the import re-anchored onto words that differ from their quote: the file's quote (before)
   * and the essay's words they now mark (after). Each got a history entry, and the mark "text changed
   * since it was rated" if it was rated or worked on. Absent in summaries logged before it existed.
   */
  changedClaims?: ChangedClaim[]
  /** What the summary notes about the file, as codes with parameters (rendered by noteText). */
  notes: ImportNote[]
  /** A reviewed Word document: replies, new claims, proposed corrections, resolved and unplaced comments. */
  word?: WordImportResult
  /** The import log row of this import (what "Undo import" takes back); absent in logged summaries. */
  importId?: string
}

export interface ChangedClaim {
  id: string
  before: string
  after: string
}

export type ConflictSide = Record<string, string | boolean>

export interface ConflictView {
  id: string
  entity: 'claim' | 'source'
  entityId: string
  claimId: string
  origin: string
  created: string
  /** Each side's values, with who changed it last (`modifiedBy`; '' when not recorded, as for sources) and when (`modified`). */
  mine: ConflictSide
  theirs: ConflictSide
  /** The version both sides started from, when this review still has its values; null when not known. */
  base: ConflictSide | null
}

const side = z.enum(['mine', 'theirs'])
/** The fields a conflict shows side by side, and a claim's conflict may settle one by one. */
export const CONFLICT_CLAIM_FIELDS = ['verdict', 'status', 'note', 'deleted'] as const
export type ConflictClaimField = (typeof CONFLICT_CLAIM_FIELDS)[number]
export const CONFLICT_SOURCE_FIELDS = [
  'url',
  'title',
  'publisher',
  'published',
  'accessed',
  'excerpt',
  'archiveUrl',
  'deleted',
] as const
export const conflictChoiceSchema = z
  .object({
    /** One side for everything (a source is always chosen whole). */
    all: side.optional(),
    /** For a claim: per field. */
    fields: z.object({ verdict: side, status: side, note: side, deleted: side }).partial().strict().optional(),
  })
  .strict()
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>

export interface ImportRecord {
  id: string
  imported: string
  importer: string
  fileName: string
  format: string
  summary: ImportSummary
  /** When the import was undone ('' if it was not), and by whom. */
  undone: string
  undoneBy: string
  /** It can be undone now: nothing changed the review since (or since the imports undone after it). */
  canUndo: boolean
}

import { z } from 'zod'

/**
 * Claim spotting: sentences of the essay worth checking that are not claims yet, each with the
 * reasons the rules found (src/core/spotting/spotting.ts). The UI translates the reason ids.
 */
export const suggestionReasons = [
  'number',
  'date',
  'ranking',
  'quotation',
  'person-title',
  'announcement',
  'statistic',
] as const
export type SuggestionReason = (typeof suggestionReasons)[number]

export interface Suggestion {
  /** SHA-256 (hex) of the sentence's exact text: a dismissal holds wherever that sentence is. */
  key: string
  /** Code point offsets in the document's plain text (src/shared/text.ts). */
  start: number
  end: number
  exact: string
  reasons: SuggestionReason[]
}

export const suggestionKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'a suggestion key is 64 hexadecimal digits')

/** How much approximate searching one import of claims may do (./anchoring.ts). */
import { importNote, type ImportNote } from '../../shared/exchange'

/**
 * The approximate search costs about the text's length times the quote's length in 32-character
 * words; an import may spend this much of it in all (a few seconds), so a file of thousands of
 * slightly changed quotes, or a book-length essay, cannot freeze the app. Quotes past the budget are
 * left not found (listed, attachable by hand) and the import says how many. A count of work, not a
 * clock: the same file gives the same result on any machine.
 */
export const FUZZY_WORK_BUDGET = 30_000_000

export interface FuzzyBudget {
  left: number
  /** Quotes that needed the approximate search after the budget was spent. */
  skipped: number
}

export const fuzzyBudget = (): FuzzyBudget => ({ left: FUZZY_WORK_BUDGET, skipped: 0 })

export function fuzzyBudgetNote(skipped: number): ImportNote {
  return importNote('similar-search-skipped', { count: skipped })
}

import type { Claim } from './domain'

/**
 * The claim as the desk's page holds it: every field the page reads (the card, the list and its
 * keyboard, the tally, search marks, highlights, moves while typing, corrections, the team's workflow)
 * and none it does not. The quote's context (`prefix`, `suffix`: a third of the list's bytes at 5,000
 * claims), the document's id, the last editor's name, the revision and the version are the service's
 * and the exchange formats' business: the page never reads them, so the list the desk opens with
 * (`claims-desk`) leaves them out. Every other caller keeps the whole claim (`claims-list`, `Claim`).
 * A field the page starts reading goes here first: the renderer's code is typed on `DeskClaim`.
 */
export const deskClaimFields = [
  'id',
  'exact',
  'start',
  'end',
  'verdict',
  'status',
  'note',
  'author',
  'created',
  'modified',
  'anchored',
  'textChanged',
  'hasConflict',
  'sources',
  'corrections',
  'tags',
  'replies',
  'assignee',
  'signedOff',
] as const satisfies readonly (keyof Claim)[]

export type DeskClaim = Pick<Claim, (typeof deskClaimFields)[number]>

/** A whole claim (a change's answer) as the page keeps it: the same fields as the list's. */
export function asDeskClaim(claim: DeskClaim): DeskClaim {
  const kept = {} as Record<string, unknown>
  for (const field of deskClaimFields) kept[field] = claim[field]
  return kept as DeskClaim
}

/**
 * What an essay save answers (`document-save`, `correction-apply`): the claims whose record it changed
 * beyond the ranges the page sent — lost with their words, reworded, followed by the edit without the
 * page's range, a correction applied or undone by the text, or placed on the page but not in the review.
 */
export interface EssaySaved {
  claims: DeskClaim[]
  /** Which save of the essay this was (DeskDocument's `savedAs`). */
  savedAs: string
}

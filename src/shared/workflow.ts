/**
 * Team workflow on a claim: who is assigned to check it, and the editor's sign-off — distinct from the
 * checker's status *checked*. A sign-off judges one verdict: it holds only while the claim keeps that
 * verdict and its words (src/core/workflow/workflow.ts), so a later change never carries it silently.
 */
export interface SignOff {
  by: string
  at: string
}

/** What a reviewer is asked to look at: a claim assigned to them, or a reply that names them (@name). */
export interface Notice {
  /** Stable across reads, for `notices-seen`. */
  key: string
  kind: 'assigned' | 'mention'
  claimId: string
  /** The claim's words, for the list. */
  exact: string
  by: string
  at: string
  /** The reply's text, for a mention. */
  excerpt: string
  seen: boolean
}

/**
 * The names a text mentions: `@` then the name up to white space or punctuation that cannot be part of
 * one. Names are compared in NFC, case-folded, so `@Kim` reaches “kim”.
 */
export function mentionedNames(text: string): string[] {
  const names = new Set<string>()
  for (const m of text.normalize('NFC').matchAll(/(?:^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]+)/gu)) {
    names.add(foldName(m[1].replace(/[.-]+$/u, '')))
  }
  return [...names].filter(Boolean)
}

export const foldName = (name: string): string => name.normalize('NFC').trim().toLowerCase()

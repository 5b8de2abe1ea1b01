import type { DeskClaim } from '../../../shared/deskClaim'

/**
 * What of the claims can change a search's answer, as a digest: the Claims panel asks its question
 * again when it changes (useClaimQuery.ts).
 */

/** Each claim object's two hashes (claims are replaced, never changed, so an object's never go stale). */
const hashesOf = new WeakMap<DeskClaim, readonly [number, number]>()

/**
 * The two hashes of the claim being hashed. Module state, not a closure made for every claim: at 5,000
 * claims the closures and their captured variables cost twice the hashing itself.
 */
let ha = 0
let hb = 0

function add(text: string): void {
  let a = ha
  let b = hb
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15)
  }
  // A separator no text can hold: one field's end never runs into the next one's start.
  ha = Math.imul(a ^ 0x10000, 0x01000193)
  hb = Math.imul(b ^ 0x10000, 0x5bd1e995) ^ (b >>> 15)
}

/** Two 32-bit hashes (one FNV-1a) of the fields of a claim a search reads; positions are left out. */
function claimHashes(c: DeskClaim): readonly [number, number] {
  const known = hashesOf.get(c)
  if (known) return known
  ha = 0x811c9dc5
  hb = 0x9747b28c
  add(c.id)
  add(c.modified)
  add(c.anchored ? '1' : '0')
  add(c.exact)
  add(String(c.tags.length))
  for (const tag of c.tags) add(tag)
  add(String(c.replies.length))
  for (const reply of c.replies) add(reply.version)
  add(c.assignee)
  add(c.signedOff?.at ?? '')
  const hashes = [ha >>> 0, hb >>> 0] as const
  hashesOf.set(c, hashes)
  return hashes
}

/**
 * A digest of what of the claims can change a search's answer: the count and, in order, each claim's
 * hashes combined. Equal contents give equal digests; a change of any field gives another one, but for
 * a vanishing chance. A claim object is hashed once, so a list with a few new claims costs those.
 */
export function contentDigest(claims: readonly DeskClaim[]): string {
  let a = 0x811c9dc5 ^ claims.length
  let b = 0x9747b28c
  for (const c of claims) {
    const [x, y] = claimHashes(c)
    a = Math.imul(a ^ x, 0x01000193)
    b = Math.imul(b ^ y, 0x5bd1e995) ^ (b >>> 15)
  }
  return `${claims.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`
}

/**
 * `to` is `from` moved by an edit of the essay (its range, nothing a search reads): it takes `from`'s
 * hashes. Typing above thousands of claims moves them all when typing pauses, and hashing each moved
 * claim's text again would cost more than moving them.
 */
export function carryHashes(from: DeskClaim, to: DeskClaim): void {
  const known = hashesOf.get(from)
  if (known) hashesOf.set(to, known)
}

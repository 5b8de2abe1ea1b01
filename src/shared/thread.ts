import { z } from 'zod'
import { LIMITS } from './domain'

/**
 * The discussion around a claim: tags, replies and the per-claim history. Types, limits and the rules
 * every layer applies the same way (what a tag name is, which colours a tag may take).
 */

export const TAG_MAX = 50

// A claim carries its replies, so the type lives with the claim.
export type { Reply } from './domain'

/** A tag as the review uses it: its colour and how many live claims carry it. */
export interface TagSummary {
  name: string
  color: string
  count: number
}

/** One entry of a claim's history, as stored in the `event` table. */
export interface ClaimEvent {
  id: string
  claimId: string
  at: string
  actor: string
  kind: string
  detail: Record<string, unknown>
}

/**
 * Calm colours for tags: light enough that dark text on them stays readable (contrast > 10:1 with
 * the UI's ink), and far enough apart to tell tags apart. The first unused one is chosen for a new tag.
 */
export const TAG_PALETTE = [
  { color: '#dbe6f4', name: { en: 'Blue', ko: '파랑' } },
  { color: '#d9eedf', name: { en: 'Green', ko: '초록' } },
  { color: '#f4e9cf', name: { en: 'Sand', ko: '모래' } },
  { color: '#eadff2', name: { en: 'Lavender', ko: '라벤더' } },
  { color: '#f5dcdc', name: { en: 'Rose', ko: '장미' } },
  { color: '#d8eeee', name: { en: 'Teal', ko: '청록' } },
  { color: '#f4e1d2', name: { en: 'Apricot', ko: '살구' } },
  { color: '#e6e7d8', name: { en: 'Olive', ko: '올리브' } },
] as const

export const tagColorSchema = z.string().regex(/^#[0-9a-f]{6}$/, 'a colour is written #rrggbb (lower case)')

/** Raw input for a tag name; normalizeTagName decides what it becomes. */
export const tagInputSchema = z.string().max(TAG_MAX * 4)

export const replyBodySchema = z.string().max(LIMITS.note)

/**
 * What a tag name is: NFC, trimmed, inner runs of white space as one space, 1–50 code points, no
 * control characters. Returns the name or the code of the reason it is refused (src/shared/errors.ts).
 */
export function normalizeTagName(
  raw: string,
): { ok: true; name: string } | { ok: false; reason: 'tag-empty' | 'tag-control-characters' | 'tag-too-long' } {
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim()
  if (name === '') return { ok: false, reason: 'tag-empty' }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(name)) return { ok: false, reason: 'tag-control-characters' }
  if ([...name].length > TAG_MAX) return { ok: false, reason: 'tag-too-long' }
  return { ok: true, name }
}

/** Tags that differ only in case or width are the same tag to a reader: "AI" and "ai". */
export const tagKey = (name: string): string => name.normalize('NFKC').toLocaleLowerCase()

import type { Lang } from './domain'
import { catalogues } from './i18n'
import { CONFLICT_CLAIM_FIELDS, CONFLICT_SOURCE_FIELDS } from './exchange'

/**
 * What a resolved conflict's history entry says was chosen, field by field: "verdict: imported
 * (False); note: this review's (“…”)". The entry's detail holds `<field>`: mine/theirs and
 * `<field>Value`: the value the review kept (src/core/exchange/conflicts.ts). Entries written before
 * the fields were recorded have none, and give ''. The words: the catalogue's `history` section.
 */
// Each field once, in the order the dialog shows them ('deleted' is in both lists).
const FIELDS = [...new Set([...CONFLICT_CLAIM_FIELDS, ...CONFLICT_SOURCE_FIELDS])]

const QUOTE_MAX = 40

function short(v: string): string {
  const cps = [...v.replace(/\s+/g, ' ').trim()]
  return cps.length > QUOTE_MAX ? cps.slice(0, QUOTE_MAX - 1).join('') + '…' : cps.join('')
}

/** A recorded field value as text: the detail is parsed JSON, so anything not a scalar is shown as JSON. */
function plain(raw: unknown): string {
  if (raw === undefined || raw === null) return ''
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
    ? String(raw)
    : JSON.stringify(raw)
}

export function resolvedFields(
  d: Record<string, unknown>,
  lang: Lang,
  verdict: (id: string) => string,
  status: (id: string) => string,
): string {
  const h = catalogues[lang].history
  const parts: string[] = []
  for (const f of FIELDS) {
    const side = d[f]
    if (side !== 'mine' && side !== 'theirs') continue
    const raw = d[`${f}Value`]
    let value: string
    if (f === 'deleted') value = raw === true || raw === 1 ? h.removedOrKept.removed : h.removedOrKept.kept
    else if (f === 'verdict') value = verdict(plain(raw))
    else if (f === 'status') value = status(plain(raw))
    else value = raw === '' || raw === undefined || raw === null ? '—' : h.quoted(short(plain(raw)))
    parts.push(h.chosenField({ field: h.conflictFields[f], side: h.sides[side], value }))
  }
  return parts.join(h.chosenSeparator)
}

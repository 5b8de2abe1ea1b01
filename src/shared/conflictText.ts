import type { Lang } from './domain'

/**
 * What a resolved conflict's history entry says was chosen, field by field: "verdict: imported
 * (False); note: this review's (“…”)". The entry's detail holds `<field>`: mine/theirs and
 * `<field>Value`: the value the review kept (src/core/exchange/conflicts.ts). Entries written before
 * the fields were recorded have none, and give ''.
 */
const FIELDS = [
  'verdict',
  'status',
  'note',
  'deleted',
  'url',
  'title',
  'publisher',
  'published',
  'accessed',
  'excerpt',
  'archiveUrl',
] as const

const labels: Record<Lang, Record<(typeof FIELDS)[number], string>> = {
  ko: {
    verdict: '판정',
    status: '상태',
    note: '메모',
    deleted: '삭제 여부',
    url: '주소',
    title: '제목',
    publisher: '발행처',
    published: '발행일',
    accessed: '확인일',
    excerpt: '발췌',
    archiveUrl: '보관 주소',
  },
  en: {
    verdict: 'verdict',
    status: 'status',
    note: 'note',
    deleted: 'removed or kept',
    url: 'URL',
    title: 'title',
    publisher: 'publisher',
    published: 'published',
    accessed: 'accessed',
    excerpt: 'excerpt',
    archiveUrl: 'archive URL',
  },
}
const sides: Record<Lang, Record<string, string>> = {
  ko: { mine: '내 것', theirs: '가져온 것' },
  en: { mine: 'this review’s', theirs: 'imported' },
}
const removed: Record<Lang, [string, string]> = { ko: ['삭제됨', '유지됨'], en: ['removed', 'kept'] }

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
  const parts: string[] = []
  for (const f of FIELDS) {
    const side = d[f]
    if (side !== 'mine' && side !== 'theirs') continue
    const raw = d[`${f}Value`]
    let value: string
    if (f === 'deleted') value = removed[lang][raw === true || raw === 1 ? 0 : 1]
    else if (f === 'verdict') value = verdict(plain(raw))
    else if (f === 'status') value = status(plain(raw))
    else
      value =
        raw === '' || raw === undefined || raw === null
          ? '—'
          : lang === 'ko'
            ? `‘${short(plain(raw))}’`
            : `“${short(plain(raw))}”`
    parts.push(
      lang === 'ko' ? `${labels.ko[f]} — ${sides.ko[side]}(${value})` : `${labels.en[f]}: ${sides.en[side]} (${value})`,
    )
  }
  return parts.join(lang === 'ko' ? ', ' : '; ')
}

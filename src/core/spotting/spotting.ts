import { createHash } from 'node:crypto'
import type { Block } from '../../shared/essay'
import { suggestionReasons, type Suggestion, type SuggestionReason } from '../../shared/spotting'
import { splitSentences } from './sentences'
import type { ReviewStore } from '../review/store'
import { readDocument } from '../document/queries'
import { all, column } from '../db/query'

/**
 * Claim spotting, offline and deterministic: no network, no model. The essay's plain text is split
 * into sentences, each sentence is tested against the rules below, and a sentence with at least one
 * reason is suggested unless it overlaps a claim or was dismissed. docs/claim-spotting.md says
 * how well this does on the bundled essay.
 */

// ——— Rules ———————————————————————————————————————————————————————————————————————————————————

const H = '가-힣'
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'
const YEAR = '(?:1[5-9]|20)\\d{2}'
/** Words that report speech right after a quotation: “…”이라고 밝혔다, "…," he said. */
const SPEECH_AFTER = new RegExp(
  `^\\s*(?:이?라고|이?라며|이?란\\s?(?:말|발언)|이?라는\\s?(?:말|발언|입장|설명)|고\\s?(?:말|밝|전|강조|덧붙|설명)|,?\\s*(?:he|she|they|it|[A-Z][\\p{L}]+)?\\s*(?:said|says|told|added|stated|wrote))`,
  'u',
)

/** A quoted stretch counts as a quotation when it reports speech, is four words or more, or is a sentence itself. */
function isQuotation(inner: string, after: string): boolean {
  const words = inner.trim().split(/\s+/u).filter(Boolean)
  if (words.length === 0) return false
  return SPEECH_AFTER.test(after) || words.length >= 4 || (words.length >= 2 && /[.!?,]$/u.test(inner.trim()))
}

const QUOTES: RegExp[] = [
  /“([^”]+)”/gu,
  /‘([^’]+)’(?![\p{L}])/gu,
  /「([^」]+)」|『([^』]+)』/gu,
  /"([^"\n]+)"/gu,
  /(?<=^|[\s([])'([^'\n]+)'(?=$|[\s.,;:!?)\]]|[가-힣])/gu,
]

/** Each rule: a reason id and the patterns that give it. Patterns are global so `number` can skip their spans. */
interface Rule {
  reason: SuggestionReason
  patterns: RegExp[]
  /** Only these matches count (e.g. a quoted stretch that really is a quotation). */
  accept?: (m: RegExpExecArray, sentence: string) => boolean
}

export const RULES: readonly Rule[] = [
  {
    reason: 'date',
    patterns: [
      new RegExp(`(?<!\\d)${YEAR}\\s?년(?:대)?`, 'gu'),
      /(?<!\d)(?:1[0-2]|0?[1-9])\s?월(?![급세])/gu,
      /(?<!\d)(?:3[01]|[12]\d|0?[1-9])\s?일(?![간반부본정상자])/gu,
      new RegExp(`(?<!\\d)${YEAR}[-./](?:1[0-2]|0?[1-9])(?:[-./](?:3[01]|[12]\\d|0?[1-9]))?(?!\\d)`, 'gu'),
      new RegExp(`\\b(?:${MONTHS})\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR}\\b)?|${YEAR}\\b)`, 'gu'),
      new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b(?:,?\\s+${YEAR}\\b)?`, 'gu'),
      new RegExp(`\\b(?:in|since|by|until|till|from|before|after|during|of|early|late|mid-?)\\s+${YEAR}s?\\b`, 'giu'),
    ],
  },
  {
    reason: 'ranking',
    patterns: [
      /(?<!\d)\d+\s?위(?![원험])/gu,
      /(?<!\d)\d+\s?등(?![급분록])/gu,
      new RegExp(
        `최초|최대(?!한)|최고(?=[의치로]|\\s|[,.]|$)|최저|최다|최소(?!한)|최상위|최하위|최연소|최고령|유일(?:한|하게|의)|가장(?!자리)|처음으로|첫\\s?번째|역대\\s?최|사상\\s?최|선두|[상하]위\\s?\\d`,
        'gu',
      ),
      /\b(?:first|largest|biggest|highest|lowest|fastest|slowest|strongest|weakest|greatest|best|worst|most|least|oldest|youngest|richest|poorest|smallest|top|the only|number one|ranked|ranks|second|third|record[- ](?:high|low|breaking|number|level))\b|\bNo\.\s?\d+|\b\d+(?:st|nd|rd|th)\b/giu,
    ],
  },
  {
    reason: 'statistic',
    patterns: [
      new RegExp(
        `\\d[\\d,.]*\\s?(?:%|％|퍼센트|%p|포인트|만\\s?명|명|억|조|만(?![큼약일])|천(?!천)|개국|개사|건|곳|배(?![${H}])|원(?![${H}])|달러|위안|유로|톤|가구|km|kg|GW|MW|TWh|GB|TB)`,
        'gu',
      ),
      /통계|여론조사|설문\s?조사|조사\s?결과|집계|비율|점유율|증가율|감소율|성장률|실업률|출산율|평균|중위값/gu,
      /\d[\d,.]*\s?(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b|people\b|users\b|subscribers\b|dollars\b|won\b|times\b|tonnes?\b)|[$€£₩]\s?\d/giu,
      /\b(?:statistics?|survey|poll|census|average|median|per\s+capita|(?:growth|unemployment|inflation|birth)\s+rate|market\s+share|(?:hundreds|thousands|millions|billions)\s+of)\b/giu,
    ],
  },
  {
    reason: 'quotation',
    patterns: QUOTES,
    accept: (m, sentence) =>
      isQuotation(m.slice(1).find((g) => g !== undefined) ?? '', sentence.slice(m.index + m[0].length)),
  },
  {
    reason: 'person-title',
    patterns: [
      /(?<![A-Za-z])(?:CEO|CSO|CTO|CFO|COO|CIO|CMO|CPO|CISO)(?![A-Za-z])/gu,
      new RegExp(
        `(?:^|[\\s(“"‘'])[${H}]{1,4}\\s(?:[${H}A-Za-z0-9]+\\s){0,2}(?:교수|장관|차관|대통령|국무총리|총리|의원|대표|회장|부회장|사장|부사장|위원장|원장|청장|총장|소장|박사|대변인|국장|실장|센터장|교육감|최고경영자|최고[${H}]*책임자)(?=[은는이가을를의에께도와과,.)(·]|이다|$)`,
        'gu',
      ),
      /\b(?:President|Vice President|Prime Minister|Minister|Secretary|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Mayor|Chancellor|Professor|Prof\.|Dr\.|Judge|Justice|General|Gen\.|Ambassador|Chairman|Chairwoman|Commissioner)\s+(?:[A-Z][\p{L}'’.-]*\s+)*[A-Z][\p{L}'’-]+/gu,
      /\b[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)*,\s+(?:the\s+|an?\s+|[\p{L}\p{N}]+['’]s\s+)?(?:[\p{L}-]+\s+){0,3}(?:officer|spokesperson|spokesman|spokeswoman|director|professor|minister|secretary|chairman|chairwoman|president|executive|founder|analyst|economist|researcher|governor|mayor|senator)\b/gu,
      /\b(?:chief\s+[a-z]+\s+officer|spokesperson|spokesman|spokeswoman|professor|minister|senator)\s+[A-Z][\p{L}'’-]+/gu,
    ],
  },
  {
    reason: 'announcement',
    patterns: [
      /발표|공표|공식화|선언|밝혔|밝히며|밝힌|전했|말했|언급했|설명했|강조했|주장했|보도했|알렸|공개했|덧붙였|예고했|확인했|에\s?따르면|라고\s?(?:했|말)/gu,
      /\b(?:announc(?:ed|es|ing|ement)|said|says|stated|told|declared|confirmed|reported|unveiled|according\s+to|claimed|revealed|disclosed|pledged)\b/giu,
    ],
  },
]

/** Digits that are part of a name (GPT-4, A100, 5G, COVID-19) are no number to check. */
function isNameDigits(sentence: string, start: number, end: number): boolean {
  const before = sentence[start - 1] ?? ''
  const after = sentence[end] ?? ''
  return (
    /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) || (before === '-' && /[A-Za-z]/.test(sentence[start - 2] ?? ''))
  )
}

/**
 * The reasons a sentence is worth checking, in the order of `suggestionReasons`. `number` is any other
 * run of digits: one a date, a ranking or a statistic already covers does not count again.
 */
export function reasonsOf(sentence: string): SuggestionReason[] {
  const found = new Set<SuggestionReason>()
  const covered: [number, number][] = []
  for (const rule of RULES) {
    for (const pattern of rule.patterns) {
      pattern.lastIndex = 0
      for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
        if (m[0] === '') {
          pattern.lastIndex++
          continue
        }
        if (rule.accept && !rule.accept(m, sentence)) continue
        found.add(rule.reason)
        if (rule.reason !== 'quotation' && rule.reason !== 'person-title' && rule.reason !== 'announcement') {
          covered.push([m.index, m.index + m[0].length])
        }
      }
    }
  }
  const digits = /\d+(?:[.,]\d+)*/gu
  for (let m = digits.exec(sentence); m; m = digits.exec(sentence)) {
    const s = m.index
    const e = s + m[0].length
    if (covered.some(([a, b]) => a <= s && e <= b) || isNameDigits(sentence, s, e)) continue
    found.add('number')
  }
  return suggestionReasons.filter((r) => found.has(r))
}

/** The key a dismissal is stored under: the sentence's exact text, hashed. */
export function suggestionKey(exact: string): string {
  return createHash('sha256').update(exact.normalize('NFC'), 'utf8').digest('hex')
}

/** Every sentence of the essay with at least one reason, in essay order (claims and dismissals not considered). */
export function spotSentences(blocks: readonly Block[], text?: string): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of splitSentences(blocks, text)) {
    const reasons = reasonsOf(s.exact)
    if (reasons.length > 0)
      out.push({ key: suggestionKey(s.exact), start: s.start, end: s.end, exact: s.exact, reasons })
  }
  return out
}

// ——— The review's suggestions ————————————————————————————————————————————————————————————————

/** Suggestions for the open review: no sentence that overlaps a live claim, none that was dismissed. */
export function listSuggestions(store: ReviewStore): Suggestion[] {
  const doc = readDocument(store)
  const claims = all<{ start: number; end: number }>(
    store.db,
    `SELECT start, end FROM claim WHERE deleted = 0 AND anchored = 1`,
  )
  const dismissed = new Set(column<string>(store.db, `SELECT key FROM dismissed_suggestion`))
  return spotSentences(doc.blocks, doc.text).filter(
    (s) => !dismissed.has(s.key) && !claims.some((c) => c.start < s.end && s.start < c.end),
  )
}

/** A dismissed sentence is not suggested again in this review, wherever it stands in the essay. */
export function dismissSuggestion(store: ReviewStore, key: string, actor: string): void {
  store.db
    .prepare(`INSERT OR IGNORE INTO dismissed_suggestion (key, dismissed, actor) VALUES (?, ?, ?)`)
    .run(key, new Date().toISOString(), actor)
}

import type { Lang } from './domain'
import type { ClaimEvent } from './thread'
import { verdictLabels } from './verdicts'
import { resolvedFields } from './conflictText'

/**
 * A claim's history entry as a sentence a reader understands ("김기자 님이 판정을 ‘사실’에서 ‘전혀 사실
 * 아님’으로 바꿨습니다." / "Kim changed the verdict from True to False."). Used by the card and the tests.
 */
export interface HistoryTextOptions {
  /** Label of a verdict id; by default the built-in labels (src/shared/verdicts.ts), else the id itself. */
  verdict?: (id: string) => string
  /** Label of a status id. */
  status?: (id: string) => string
}

const statusText: Record<Lang, Record<string, string>> = {
  ko: { open: '확인 전', 'in-review': '확인 중', checked: '확인 완료' },
  en: { open: 'Open', 'in-review': 'In review', checked: 'Checked' },
}

const QUOTE_MAX = 60

/** A field of the detail as text, shortened for a one-line sentence. */
function str(detail: Record<string, unknown>, key: string): string {
  const v = detail[key]
  if (typeof v !== 'string') return ''
  const cps = [...v.replace(/\s+/g, ' ').trim()]
  return cps.length > QUOTE_MAX ? cps.slice(0, QUOTE_MAX - 1).join('') + '…' : cps.join('')
}

/** Whether a Korean word ends in a final consonant (받침); undefined when it does not end in Hangul. */
function hasBatchim(word: string): boolean | undefined {
  const last = [...word.trim()].pop()
  if (!last) return undefined
  const code = last.codePointAt(0)! - 0xac00
  if (code < 0 || code > 11171) return /[0-9]$/.test(last) ? '013678'.includes(last) : undefined
  return code % 28 !== 0
}

/** 을/를 after a word (을(를) when it cannot tell). */
function objectParticle(word: string): string {
  const batchim = hasBatchim(word)
  return batchim === undefined ? '을(를)' : batchim ? '을' : '를'
}
/** (으)로 after a word: 로 after a vowel or ㄹ. */
function directionParticle(word: string): string {
  const last = [...word.trim()].pop() ?? ''
  const code = (last.codePointAt(0) ?? 0) - 0xac00
  if (code >= 0 && code <= 11171) return code % 28 === 0 || code % 28 === 8 ? '로' : '으로'
  return '(으)로'
}

function who(actor: string, lang: Lang): string {
  const name = actor.trim()
  if (lang === 'ko') return name ? `${name} 님이` : '누군가'
  return name || 'Someone'
}

type Sentence = (e: {
  actor: string
  d: Record<string, unknown>
  verdict: (id: string) => string
  status: (id: string) => string
}) => string

const q = (s: string) => `‘${s}’`
const enq = (s: string) => `“${s}”`

const mergeChange: Record<Lang, Record<string, string>> = {
  ko: {
    added: '주장 추가',
    updated: '주장 갱신',
    removed: '주장 삭제',
    conflict: '충돌 생김',
    thread: '출처·답글·태그 등',
  },
  en: {
    added: 'claim added',
    updated: 'claim updated',
    removed: 'claim removed',
    conflict: 'a conflict to resolve',
    thread: 'sources, replies, tags or corrections',
  },
}
const resolveChoice: Record<Lang, Record<string, string>> = {
  ko: { mine: '내 것 유지', theirs: '가져온 것 사용', mixed: '항목별로 선택' },
  en: {
    mine: 'keeping this review’s version',
    theirs: 'taking the imported version',
    mixed: 'choosing field by field',
  },
}

const ko: Record<string, Sentence> = {
  'claim-created': ({ actor }) => `${who(actor, 'ko')} 주장을 표시했습니다.`,
  'verdict-changed': ({ actor, d, verdict }) => {
    const to = verdict(str(d, 'to'))
    return `${who(actor, 'ko')} 판정을 ${q(verdict(str(d, 'from')))}에서 ${q(to)}${directionParticle(to)} 바꿨습니다.`
  },
  'status-changed': ({ actor, d, status }) => {
    const to = status(str(d, 'to'))
    const why = str(d, 'why') === 'text-changed' ? ' (판정 후 문구 변경)' : ''
    return `${who(actor, 'ko')} 진행 상태를 ${q(status(str(d, 'from')))}에서 ${q(to)}${directionParticle(to)} 바꿨습니다${why}.`
  },
  'note-edited': ({ actor }) => `${who(actor, 'ko')} 메모를 고쳤습니다.`,
  'claim-removed': ({ actor }) => `${who(actor, 'ko')} 주장을 삭제했습니다.`,
  'claim-restored': ({ actor }) => `${who(actor, 'ko')} 삭제한 주장을 되살렸습니다.`,
  'claim-attached': ({ actor, d }) => `${who(actor, 'ko')} 주장을 본문의 ${q(str(d, 'exact'))}에 연결했습니다.`,
  'source-added': ({ actor, d }) => sourceKo(actor, d, '추가했습니다'),
  'source-edited': ({ actor, d }) => sourceKo(actor, d, '고쳤습니다'),
  'source-removed': ({ actor, d }) => sourceKo(actor, d, '삭제했습니다'),
  'source-restored': ({ actor, d }) => sourceKo(actor, d, '되살렸습니다'),
  'correction-proposed': ({ actor, d }) =>
    `${who(actor, 'ko')} 정정을 제안했습니다${str(d, 'replacement') ? `: ${q(str(d, 'replacement'))}` : '.'}`,
  'correction-applied': ({ actor }) => `${who(actor, 'ko')} 정정을 반영했습니다.`,
  'correction-reverted': ({ actor }) => `${who(actor, 'ko')} 정정 반영을 취소했습니다.`,
  'correction-removed': ({ actor }) => `${who(actor, 'ko')} 정정 제안을 거뒀습니다.`,
  'reply-added': ({ actor, d }) =>
    `${who(actor, 'ko')} 답글을 달았습니다${str(d, 'excerpt') ? `: ${q(str(d, 'excerpt'))}` : '.'}`,
  'reply-edited': ({ actor }) => `${who(actor, 'ko')} 답글을 고쳤습니다.`,
  'reply-removed': ({ actor }) => `${who(actor, 'ko')} 답글을 삭제했습니다.`,
  'reply-restored': ({ actor }) => `${who(actor, 'ko')} 삭제한 답글을 되살렸습니다.`,
  'tag-added': ({ actor, d }) =>
    `${who(actor, 'ko')} 태그 ${q(str(d, 'name'))}${objectParticle(str(d, 'name'))} 붙였습니다.`,
  'tag-removed': ({ actor, d }) =>
    `${who(actor, 'ko')} 태그 ${q(str(d, 'name'))}${objectParticle(str(d, 'name'))} 뗐습니다.`,
  merged: ({ actor, d }) => {
    const change = mergeChange.ko[str(d, 'change')]
    return `${who(actor, 'ko')} 파일 ${str(d, 'file')}의 변경 사항을 병합했습니다${change ? ` (${change})` : ''}.`
  },
  'conflict-resolved': ({ actor, d, verdict, status }) => {
    const parts = [str(d, 'file'), resolveChoice.ko[str(d, 'choice')]].filter(Boolean)
    const what = str(d, 'entity') === 'source' ? '출처의 충돌' : '충돌'
    const chosen = resolvedFields(d, 'ko', verdict, status)
    return `${who(actor, 'ko')} ${what}을 해결했습니다${parts.length ? ` (${parts.join(', ')})` : ''}${chosen ? `: ${chosen}` : ''}.`
  },
  'text-changed': ({ actor, d }) => textChangedKo(actor, d),
  'claim-assigned': ({ actor, d }) =>
    str(d, 'to')
      ? `${who(actor, 'ko')} 이 주장의 검증을 ${str(d, 'to')} 님에게 맡겼습니다.`
      : `${who(actor, 'ko')} 검증 담당을 비웠습니다.`,
  'signed-off': ({ actor, d, verdict }) => {
    const label = verdict(str(d, 'verdict'))
    return `${who(actor, 'ko')} 판정 ${q(label)}${objectParticle(label)} 최종 승인했습니다.`
  },
  'sign-off-withdrawn': ({ actor }) => `${who(actor, 'ko')} 최종 승인을 취소했습니다.`,
  'verdict-confirmed': ({ actor, d, verdict }) => {
    const label = verdict(str(d, 'verdict'))
    return `${who(actor, 'ko')} 바뀐 문구에 대한 판정 ${q(label)}${objectParticle(label)} 확인했습니다.`
  },
}

/** What the words were and are now, and how they changed (src/core/claims/textChange.ts). */
function textChangedKo(actor: string, d: Record<string, unknown>): string {
  const before = q(str(d, 'before'))
  const after = str(d, 'after')
  const name = actor.trim()
  if (str(d, 'via') === 'import')
    return `${who(actor, 'ko')} 파일 ${str(d, 'file')}${objectParticle(str(d, 'file'))} 가져오며 주장을 ${before} 대신 ${q(after)}에 연결했습니다.`
  if (str(d, 'via') === 'correction')
    return `${name ? `${name} 님의 ` : ''}정정으로 주장의 문구가 ${before}에서 ${q(after)}${directionParticle(after)} 바뀌었습니다.`
  if (!after) return `${who(actor, 'ko')} 본문에서 주장의 문구를 모두 지웠습니다: ${before}`
  return `${who(actor, 'ko')} 본문을 고쳐 주장의 문구가 ${before}에서 ${q(after)}${directionParticle(after)} 바뀌었습니다.`
}

function sourceKo(actor: string, d: Record<string, unknown>, verb: string): string {
  const label = str(d, 'title') || str(d, 'url')
  return label
    ? `${who(actor, 'ko')} 출처 ${q(label)}${objectParticle(label)} ${verb}.`
    : `${who(actor, 'ko')} 출처를 ${verb}.`
}

const en: Record<string, Sentence> = {
  'claim-created': ({ actor }) => `${who(actor, 'en')} marked the claim.`,
  'verdict-changed': ({ actor, d, verdict }) =>
    `${who(actor, 'en')} changed the verdict from ${verdict(str(d, 'from'))} to ${verdict(str(d, 'to'))}.`,
  'status-changed': ({ actor, d, status }) =>
    `${who(actor, 'en')} changed the status from ${status(str(d, 'from'))} to ${status(str(d, 'to'))}${str(d, 'why') === 'text-changed' ? ' (text changed since rated)' : ''}.`,
  'note-edited': ({ actor }) => `${who(actor, 'en')} edited the note.`,
  'claim-removed': ({ actor }) => `${who(actor, 'en')} removed the claim.`,
  'claim-restored': ({ actor }) => `${who(actor, 'en')} restored the claim.`,
  'claim-attached': ({ actor, d }) => `${who(actor, 'en')} attached the claim to ${enq(str(d, 'exact'))} in the essay.`,
  'source-added': ({ actor, d }) => sourceEn(actor, d, 'added'),
  'source-edited': ({ actor, d }) => sourceEn(actor, d, 'edited'),
  'source-removed': ({ actor, d }) => sourceEn(actor, d, 'removed'),
  'source-restored': ({ actor, d }) => sourceEn(actor, d, 'restored'),
  'correction-proposed': ({ actor, d }) =>
    `${who(actor, 'en')} proposed a correction${str(d, 'replacement') ? `: ${enq(str(d, 'replacement'))}` : '.'}`,
  'correction-applied': ({ actor }) => `${who(actor, 'en')} applied a correction.`,
  'correction-reverted': ({ actor }) => `${who(actor, 'en')} reverted a correction.`,
  'correction-removed': ({ actor }) => `${who(actor, 'en')} withdrew a correction.`,
  'reply-added': ({ actor, d }) =>
    `${who(actor, 'en')} replied${str(d, 'excerpt') ? `: ${enq(str(d, 'excerpt'))}` : '.'}`,
  'reply-edited': ({ actor }) => `${who(actor, 'en')} edited a reply.`,
  'reply-removed': ({ actor }) => `${who(actor, 'en')} deleted a reply.`,
  'reply-restored': ({ actor }) => `${who(actor, 'en')} restored a deleted reply.`,
  'tag-added': ({ actor, d }) => `${who(actor, 'en')} added the tag ${enq(str(d, 'name'))}.`,
  'tag-removed': ({ actor, d }) => `${who(actor, 'en')} removed the tag ${enq(str(d, 'name'))}.`,
  merged: ({ actor, d }) => {
    const change = mergeChange.en[str(d, 'change')]
    return `${who(actor, 'en')} merged changes from the file ${str(d, 'file')}${change ? ` (${change})` : ''}.`
  },
  'conflict-resolved': ({ actor, d, verdict, status }) => {
    const parts = [str(d, 'file') && `with ${str(d, 'file')}`, resolveChoice.en[str(d, 'choice')]].filter(Boolean)
    const what = str(d, 'entity') === 'source' ? 'a conflict over a source' : 'a conflict'
    const chosen = resolvedFields(d, 'en', verdict, status)
    return `${who(actor, 'en')} resolved ${what}${parts.length ? ` ${parts.join(', ')}` : ''}${chosen ? `: ${chosen}` : ''}.`
  },
  'text-changed': ({ actor, d }) => {
    const [before, after] = [enq(str(d, 'before')), enq(str(d, 'after'))]
    if (str(d, 'via') === 'import')
      return `${who(actor, 'en')} imported ${str(d, 'file')}: the claim now marks ${after} instead of ${before}.`
    if (str(d, 'via') === 'correction')
      return `${who(actor, 'en')} changed the claim’s words from ${before} to ${after} by a correction.`
    if (!str(d, 'after')) return `${who(actor, 'en')} deleted the claim’s words ${before} from the essay.`
    return `${who(actor, 'en')} edited the essay: the claim’s words changed from ${before} to ${after}.`
  },
  'claim-assigned': ({ actor, d }) =>
    str(d, 'to')
      ? `${who(actor, 'en')} asked ${str(d, 'to')} to check this claim.`
      : `${who(actor, 'en')} took the assignment away.`,
  'signed-off': ({ actor, d, verdict }) =>
    `${who(actor, 'en')} signed off the verdict ${enq(verdict(str(d, 'verdict')))}.`,
  'sign-off-withdrawn': ({ actor }) => `${who(actor, 'en')} withdrew the sign-off.`,
  'verdict-confirmed': ({ actor, d, verdict }) =>
    `${who(actor, 'en')} confirmed the verdict ${verdict(str(d, 'verdict'))} for the changed words.`,
}

function sourceEn(actor: string, d: Record<string, unknown>, verb: string): string {
  const label = str(d, 'title') || str(d, 'url')
  return `${who(actor, 'en')} ${verb} the source${label ? ` ${enq(label)}` : ''}.`
}

/** The sentence for one history entry; kinds this version does not know still read as a sentence. */
export function describeEvent(
  event: Pick<ClaimEvent, 'actor' | 'kind' | 'detail'>,
  lang: Lang,
  options: HistoryTextOptions = {},
): string {
  const verdict = options.verdict ?? ((id: string) => verdictLabels[lang][id] ?? id)
  const status = options.status ?? ((id: string) => statusText[lang][id] ?? id)
  const sentence = (lang === 'ko' ? ko : en)[event.kind]
  if (sentence) return sentence({ actor: event.actor, d: event.detail, verdict, status })
  return lang === 'ko'
    ? `${who(event.actor, 'ko')} 변경했습니다 (${event.kind}).`
    : `${who(event.actor, 'en')} made a change (${event.kind}).`
}

/** Every kind the card knows how to say. */
export const describedKinds = Object.keys(en)

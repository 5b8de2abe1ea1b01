import type { Lang } from './domain'
import type { ClaimEvent } from './thread'
import { verdictLabels } from './verdicts'
import { resolvedFields } from './conflictText'
import { catalogues } from './i18n'

/**
 * A claim's history entry as a sentence a reader understands ("김기자 님이 판정을 ‘사실’에서 ‘전혀 사실
 * 아님’으로 바꿨습니다." / "Kim changed the verdict from True to False."). Used by the card and the tests.
 * The sentences are the catalogue's `history` section; this reads their parameters from the entry.
 */
export interface HistoryTextOptions {
  /** Label of a verdict id; by default the built-in labels (src/shared/verdicts.ts), else the id itself. */
  verdict?: (id: string) => string
  /** Label of a status id. */
  status?: (id: string) => string
}

const QUOTE_MAX = 60

/** A field of the detail as text, shortened for a one-line sentence. */
function str(detail: Record<string, unknown>, key: string): string {
  const v = detail[key]
  if (typeof v !== 'string') return ''
  const cps = [...v.replace(/\s+/g, ' ').trim()]
  return cps.length > QUOTE_MAX ? cps.slice(0, QUOTE_MAX - 1).join('') + '…' : cps.join('')
}

type Context = {
  lang: Lang
  who: string
  d: Record<string, unknown>
  verdict: (id: string) => string
  status: (id: string) => string
}
type Sentence = (c: Context) => string
const h = (lang: Lang) => catalogues[lang].history

const sentences: Record<string, Sentence> = {
  'claim-created': (c) => h(c.lang).claimCreated(c),
  'verdict-changed': (c) =>
    h(c.lang).verdictChanged({ who: c.who, from: c.verdict(str(c.d, 'from')), to: c.verdict(str(c.d, 'to')) }),
  'status-changed': (c) =>
    h(c.lang).statusChanged({
      who: c.who,
      from: c.status(str(c.d, 'from')),
      to: c.status(str(c.d, 'to')),
      textChanged: str(c.d, 'why') === 'text-changed',
    }),
  'note-edited': (c) => h(c.lang).noteEdited(c),
  'claim-removed': (c) => h(c.lang).claimRemoved(c),
  'claim-restored': (c) => h(c.lang).claimRestored(c),
  'claim-attached': (c) => h(c.lang).claimAttached({ who: c.who, exact: str(c.d, 'exact') }),
  'source-added': (c) => h(c.lang).sourceAdded({ who: c.who, label: sourceLabel(c.d) }),
  'source-edited': (c) => h(c.lang).sourceEdited({ who: c.who, label: sourceLabel(c.d) }),
  'source-removed': (c) => h(c.lang).sourceRemoved({ who: c.who, label: sourceLabel(c.d) }),
  'source-restored': (c) => h(c.lang).sourceRestored({ who: c.who, label: sourceLabel(c.d) }),
  'correction-proposed': (c) => h(c.lang).correctionProposed({ who: c.who, replacement: str(c.d, 'replacement') }),
  'correction-applied': (c) => h(c.lang).correctionApplied(c),
  'correction-reverted': (c) => h(c.lang).correctionReverted(c),
  'correction-removed': (c) => h(c.lang).correctionRemoved(c),
  'reply-added': (c) => h(c.lang).replyAdded({ who: c.who, excerpt: str(c.d, 'excerpt') }),
  'reply-edited': (c) => h(c.lang).replyEdited(c),
  'reply-removed': (c) => h(c.lang).replyRemoved(c),
  'reply-restored': (c) => h(c.lang).replyRestored(c),
  'tag-added': (c) => h(c.lang).tagAdded({ who: c.who, name: str(c.d, 'name') }),
  'tag-removed': (c) => h(c.lang).tagRemoved({ who: c.who, name: str(c.d, 'name') }),
  merged: (c) =>
    h(c.lang).merged({ who: c.who, file: str(c.d, 'file'), change: h(c.lang).mergeChange[str(c.d, 'change')] ?? '' }),
  'conflict-resolved': (c) =>
    h(c.lang).conflictResolved({
      who: c.who,
      file: str(c.d, 'file'),
      choice: h(c.lang).resolveChoice[str(c.d, 'choice')] ?? '',
      source: str(c.d, 'entity') === 'source',
      chosen: resolvedFields(c.d, c.lang, c.verdict, c.status),
    }),
  'text-changed': (c) => {
    const [before, after] = [str(c.d, 'before'), str(c.d, 'after')]
    const via = str(c.d, 'via')
    if (via === 'import') return h(c.lang).textChangedByImport({ who: c.who, file: str(c.d, 'file'), before, after })
    if (via === 'correction') return h(c.lang).textChangedByCorrection({ who: c.who, before, after })
    if (!after) return h(c.lang).textDeleted({ who: c.who, before })
    return h(c.lang).textEdited({ who: c.who, before, after })
  },
  'claim-assigned': (c) =>
    str(c.d, 'to') ? h(c.lang).claimAssigned({ who: c.who, to: str(c.d, 'to') }) : h(c.lang).claimUnassigned(c),
  'signed-off': (c) => h(c.lang).signedOff({ who: c.who, verdict: c.verdict(str(c.d, 'verdict')) }),
  'sign-off-withdrawn': (c) => h(c.lang).signOffWithdrawn(c),
  'verdict-confirmed': (c) => h(c.lang).verdictConfirmed({ who: c.who, verdict: c.verdict(str(c.d, 'verdict')) }),
}

function sourceLabel(d: Record<string, unknown>): string {
  return str(d, 'title') || str(d, 'url')
}

/** The sentence for one history entry; kinds this version does not know still read as a sentence. */
export function describeEvent(
  event: Pick<ClaimEvent, 'actor' | 'kind' | 'detail'>,
  lang: Lang,
  options: HistoryTextOptions = {},
): string {
  const verdict = options.verdict ?? ((id: string) => verdictLabels[lang][id] ?? id)
  const status = options.status ?? ((id: string) => (catalogues[lang].status as Record<string, string>)[id] ?? id)
  const context: Context = { lang, who: event.actor.trim(), d: event.detail, verdict, status }
  const sentence = sentences[event.kind]
  return sentence ? sentence(context) : h(lang).unknownKind({ who: context.who, kind: event.kind })
}

/** Every kind the card knows how to say. */
export const describedKinds = Object.keys(sentences)

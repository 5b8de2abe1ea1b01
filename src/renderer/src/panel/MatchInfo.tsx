import { Fragment } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { useI18n } from '../i18n'
import { claimMatches, snippet, splitMatches, type Piece } from './searchMatch'

/** Text with the search's matches in <mark>. */
export function Highlighted({ pieces }: { pieces: Piece[] }) {
  return <>{pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>
}

export function HighlightedText({ text, query }: { text: string; query: string }) {
  return <Highlighted pieces={splitMatches(text, query)} />
}

/**
 * Why a card is listed while the panel is searched: the fields the search matched, named, each with the
 * words around the match (the quote's matches are marked in the quote itself).
 */
export function MatchInfo({ claim, query }: { claim: DeskClaim; query: string }) {
  const { t } = useI18n()
  const matches = claimMatches(claim, query)
  if (matches.length === 0) return null
  return (
    <div className="match-info">
      <span className="match-label">
        {t.matchedIn}: {matches.map((m) => t.matchFields[m.field]).join(', ')}
      </span>
      {matches
        .filter((m) => m.field !== 'quote')
        .map((m) => (
          <p key={m.field} className="match-snippet" data-field={m.field}>
            <span className="match-field">{t.matchFields[m.field]}</span>{' '}
            <Highlighted pieces={snippet(m.text, query)} />
          </p>
        ))}
    </div>
  )
}

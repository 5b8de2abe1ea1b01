import { useId, useRef, useState } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { TAG_PALETTE, tagKey } from '../../../shared/thread'
import { useI18n } from '../i18n'
import { useDeskActions, type DeskActions } from '../state/deskActions'
import { useTags } from '../state/reviewData'
import { useThreadText } from './threadStrings'
import { CommandButton } from '../app/CommandButton'

const NEUTRAL = '#e6e7d8'

function TagChip({
  claimId,
  name,
  color,
  actions,
}: {
  claimId: string
  name: string
  color: string
  actions: DeskActions
}) {
  const s = useThreadText()
  const { lang } = useI18n()
  const [picking, setPicking] = useState(false)
  const paletteId = useId()
  return (
    <li className="tag-chip" style={{ backgroundColor: color }} data-tag={name}>
      <button
        type="button"
        className="tag-swatch"
        aria-label={s.tagColor(name)}
        aria-expanded={picking}
        aria-controls={paletteId}
        onClick={() => setPicking((p) => !p)}
      >
        <span aria-hidden className="swatch-dot" style={{ backgroundColor: color }} />
      </button>
      <span className="tag-name">{name}</span>
      <button
        type="button"
        className="tag-remove"
        aria-label={s.removeTag(name)}
        onClick={() => void actions.removeTag(claimId, name)}
      >
        <span aria-hidden>×</span>
      </button>
      {picking && (
        <div
          className="tag-palette"
          id={paletteId}
          role="group"
          aria-label={s.tagColors(name)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setPicking(false)
          }}
        >
          {TAG_PALETTE.map((p) => (
            <button
              key={p.color}
              type="button"
              className="palette-swatch"
              style={{ backgroundColor: p.color }}
              aria-label={p.name[lang]}
              aria-pressed={p.color === color}
              onClick={() => {
                setPicking(false)
                void actions.setTagColor(name, p.color)
              }}
            />
          ))}
        </div>
      )}
    </li>
  )
}

/**
 * A claim's tags as coloured chips, and a field to add one: it suggests the review's tags (a datalist),
 * Enter adds, and Enter that ends a Hangul syllable only ends the syllable.
 */
export function ClaimTags({ claim }: { claim: DeskClaim }) {
  const actions = useDeskActions()
  const tags = useTags()
  const s = useThreadText()
  const { t: desk } = useI18n()
  const listId = useId()
  const [draft, setDraft] = useState('')
  const composing = useRef(false)
  const colors = new Map(tags.map((t) => [t.name, t.color]))
  const mine = new Set(claim.tags.map(tagKey))
  const suggestions = tags.filter((t) => !mine.has(tagKey(t.name)))

  const add = async () => {
    const name = draft.trim()
    if (!name || composing.current) return
    if (await actions.addTag(claim.id, name)) setDraft('')
  }

  return (
    <section className="claim-tags">
      {claim.tags.length > 0 && (
        <ul className="tag-chips" aria-label={s.tags}>
          {claim.tags.map((name) => (
            <TagChip key={name} claimId={claim.id} name={name} color={colors.get(name) ?? NEUTRAL} actions={actions} />
          ))}
        </ul>
      )}
      <form
        className="tag-add"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <input
          type="text"
          aria-label={s.addTag}
          list={listId}
          value={draft}
          maxLength={100}
          placeholder={s.tagPlaceholder}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onCompositionStart={() => {
            composing.current = true
          }}
          onCompositionEnd={(e) => {
            composing.current = false
            setDraft(e.currentTarget.value)
          }}
          onKeyDown={(e) => {
            // Enter that commits an IME composition must not add the half-typed tag.
            if (e.key === 'Enter' && (e.nativeEvent.isComposing || composing.current)) e.preventDefault()
          }}
        />
        <datalist id={listId}>
          {suggestions.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        <CommandButton type="submit" unavailable={draft.trim() === '' ? desk.unavailableNoTag : null}>
          {s.addTagButton}
        </CommandButton>
      </form>
    </section>
  )
}

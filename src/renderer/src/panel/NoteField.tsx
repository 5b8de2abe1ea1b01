import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n'
import { InvisibleWarning } from './InvisibleWarning'
import { useSaves } from '../state/useSaveState'

const SAVE_DELAY_MS = 500

interface Props {
  value: string
  onSave: (note: string) => void
}

/**
 * A note saved as the reviewer types. Hangul is composed through the IME: nothing is saved, and the
 * field is never overwritten from the review, while a syllable is being composed or the field has focus.
 */
export function NoteField({ value, onSave }: Props) {
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState(value)
  const composing = useRef(false)
  const focused = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const lastSaved = useRef(value)

  useEffect(() => {
    if (!focused.current && !composing.current) {
      setDraft(value)
      lastSaved.current = value
    }
  }, [value])

  // A note waiting for the typing pause is not saved yet: the save indicator says Saving… meanwhile.
  const saves = useSaves()
  const flush = (text: string) => {
    clearTimeout(timer.current)
    if (text !== lastSaved.current) {
      lastSaved.current = text
      onSave(text)
    }
    saves?.waiting(`note:${id}`, false)
  }

  const schedule = (text: string) => {
    saves?.waiting(`note:${id}`, true)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (!composing.current) flush(text)
    }, SAVE_DELAY_MS)
  }

  // A card that closes (another claim selected) must not take an unsaved note with it.
  // What the card showed last (kept after each render), for when it goes away.
  const shown = useRef({ draft, onSave, saves })
  useEffect(() => {
    shown.current = { draft, onSave, saves }
  })
  useEffect(
    () => () => {
      clearTimeout(timer.current)
      const last = shown.current
      if (last.draft !== lastSaved.current) last.onSave(last.draft)
      last.saves?.waiting(`note:${id}`, false)
    },
    [id],
  )

  return (
    <div className="field field-note">
      <label htmlFor={id}>{t.note}</label>
      <textarea
        id={id}
        value={draft}
        rows={3}
        placeholder={t.notePlaceholder}
        onChange={(e) => {
          setDraft(e.target.value)
          schedule(e.target.value)
        }}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(e) => {
          composing.current = false
          schedule(e.currentTarget.value)
        }}
        onFocus={() => {
          focused.current = true
        }}
        onBlur={(e) => {
          focused.current = false
          flush(e.currentTarget.value)
        }}
      />
      <InvisibleWarning value={draft} />
    </div>
  )
}

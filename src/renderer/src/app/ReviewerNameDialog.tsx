import { useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import { useReturnFocus } from './focusReturn'
import type { Prefs } from '../../../shared/domain'
import { perLang } from '../../../shared/i18n'
import { BUILTIN_SCALES } from '../../../shared/scales'
import { call } from '../bridge'
import { useI18n } from '../i18n'
import { DefaultScaleField, LanguageField, ReviewerNameField } from './PrefsFields'

/** Said in the name field when the system gives no login name, so the field is never blank. */
const fallbackName = perLang((c) => c.desk.fallbackName)

/**
 * The first run (no reviewer name saved yet): the reviewer confirms the name every change is signed
 * with — offered from the computer's login, never blank, never used unconfirmed — and picks the
 * language (applied at once) and the verdict scale new reviews start with. Start reviewing saves them;
 * it does not come back, and Preferences changes them later. Esc does not skip it: there is no unsigned
 * work.
 */
export function FirstRunDialog({ prefs, onSave }: { prefs: Prefs; onSave: (patch: Partial<Prefs>) => void }) {
  const { t, lang } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const [name, setName] = useState<string | null>(null)
  const [scale, setScale] = useState(prefs.defaultScale)
  const id = useId()
  // The login name is asked for once, when the dialog opens; where there is none, the word for reviewer
  // is offered in the language shown when the answer comes (the reviewer may have switched it by then).
  const offer = useEffectEvent((login: string): void => {
    setName((n) => n ?? (login.trim() || fallbackName[lang]))
  })
  useEffect(() => {
    ref.current?.showModal()
    let live = true
    call('login-name', {})
      .then(({ name: login }) => {
        if (live) offer(login)
      })
      .catch(() => {
        if (live) offer('')
      })
    return () => void (live = false)
  }, [])
  const value = name ?? ''
  // Until the login name arrives the field is empty but not yet wrong.
  const blank = name !== null && value.trim() === ''
  const saved = useRef(false)
  return (
    <dialog
      ref={ref}
      className="prefs-dialog first-run"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(e) => e.preventDefault()}
      // A second Esc closes a dialog whatever cancel says: it opens again until the name is given.
      onClose={() => {
        if (!saved.current) ref.current?.showModal()
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          if (blank || name === null) {
            e.preventDefault()
            return
          }
          saved.current = true
          onSave({ reviewerName: value.trim(), defaultScale: scale })
        }}
      >
        <h2 id={`${id}-title`}>{t.welcomeTitle}</h2>
        <p id={`${id}-intro`}>{t.welcomeIntro}</p>
        <ReviewerNameField id={id} value={value} onChange={setName} blank={blank} />
        <LanguageField id={id} value={lang} onChange={(l) => onSave({ lang: l })} />
        <DefaultScaleField
          id={id}
          value={scale}
          scales={BUILTIN_SCALES.map((s) => ({ id: s.id, name: s.name[lang] }))}
          onChange={setScale}
        />
        <div className="form-actions">
          <button type="submit" className="primary" aria-disabled={blank} title={blank ? t.nameRequired : undefined}>
            {t.startReviewing}
          </button>
        </div>
      </form>
    </dialog>
  )
}

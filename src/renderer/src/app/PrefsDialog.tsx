import { useEffect, useId, useRef, useState } from 'react'
import { useReturnFocus } from './focusReturn'
import type { Lang, Prefs } from '../../../shared/domain'
import { DefaultScaleField, LanguageField, ReviewerNameField } from './PrefsFields'
import { useI18n } from '../i18n'
import { ESSAY_FONT_SIZES } from '../../../shared/prefs'
import { BUILTIN_SCALES } from '../../../shared/scales'
import { useWorkflowText } from '../workflowText'

interface Props {
  prefs: Prefs
  onSave: (patch: Partial<Prefs>) => void
  onClose: () => void
}

export function PrefsDialog({ prefs, onSave, onClose }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const [name, setName] = useState(prefs.reviewerName)
  const [lang, setLang] = useState<Lang>(prefs.lang)
  const [fontSize, setFontSize] = useState(prefs.essayFontSize)
  const [scale, setScale] = useState(prefs.defaultScale)
  const w = useWorkflowText()
  const sizes = [...new Set<number>([...ESSAY_FONT_SIZES, prefs.essayFontSize])].sort((a, b) => a - b)
  const scales = BUILTIN_SCALES.map((s) => ({ id: s.id, name: s.name[lang] }))
  if (!scales.some((s) => s.id === prefs.defaultScale))
    scales.push({ id: prefs.defaultScale, name: prefs.defaultScale })
  const id = useId()
  const blank = name.trim() === ''

  useEffect(() => {
    ref.current?.showModal()
  }, [])

  return (
    <dialog ref={ref} className="prefs-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          // A blank name is refused here as by the service: every change is signed with it.
          if (blank) {
            e.preventDefault()
            return
          }
          onSave({ reviewerName: name.trim(), lang, essayFontSize: fontSize, defaultScale: scale })
        }}
      >
        <h2 id={`${id}-title`}>{t.preferences}</h2>
        <ReviewerNameField id={id} value={name} onChange={setName} blank={blank} hint={t.reviewerNameHint} />
        <LanguageField id={id} value={lang} onChange={setLang} />
        <div className="field">
          <label htmlFor={`${id}-size`}>{w.essayFontSize}</label>
          <select id={`${id}-size`} value={fontSize} onChange={(e) => setFontSize(Number(e.target.value))}>
            {sizes.map((n) => (
              <option key={n} value={n}>
                {w.px(n)}
              </option>
            ))}
          </select>
        </div>
        <DefaultScaleField id={id} value={scale} scales={scales} onChange={setScale} />
        <div className="form-actions">
          <button type="submit" className="primary" aria-disabled={blank} title={blank ? t.nameRequired : undefined}>
            {t.save}
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  )
}

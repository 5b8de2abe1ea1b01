import { useEffect, useId, useRef, useState } from 'react'
import { langs, type Lang, type Prefs } from '../../../shared/domain'
import { useI18n } from '../i18n'

const langNames: Record<Lang, string> = { ko: '한국어', en: 'English' }

interface Props {
  prefs: Prefs
  onSave: (patch: Partial<Prefs>) => void
  onClose: () => void
}

export function PrefsDialog({ prefs, onSave, onClose }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState(prefs.reviewerName)
  const [lang, setLang] = useState<Lang>(prefs.lang)
  const id = useId()

  useEffect(() => {
    ref.current?.showModal()
  }, [])

  return (
    <dialog ref={ref} className="prefs-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={() => {
          onSave({ reviewerName: name.trim(), lang })
        }}
      >
        <h2 id={`${id}-title`}>{t.preferences}</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.reviewerName}</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
          <small>{t.reviewerNameHint}</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t.language}</label>
          <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {langNames[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
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

export { langNames }

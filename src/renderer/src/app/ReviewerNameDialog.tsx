import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n'
import { perLang } from '../../../shared/i18n'

const words = perLang((c) => c.desk.reviewerName)

/**
 * Asked on first use, while no reviewer name is saved: every change is signed with it, so the app asks
 * instead of taking the computer's login name. "Not now" leaves changes unsigned for this session.
 */
export function ReviewerNameDialog({ onSave, onClose }: { onSave: (name: string) => void; onClose: () => void }) {
  const w = words[useI18n().lang]
  const ref = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState('')
  const id = useId()
  useEffect(() => {
    ref.current?.showModal()
  }, [])
  return (
    <dialog ref={ref} className="prefs-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form method="dialog" onSubmit={() => onSave(name.trim())}>
        <h2 id={`${id}-title`}>{w.title}</h2>
        <p>{w.intro}</p>
        <div className="field">
          <label htmlFor={`${id}-name`}>{w.name}</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {w.save}
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            {w.later}
          </button>
        </div>
      </form>
    </dialog>
  )
}

import { useEffect, useId, useRef, useState } from 'react'
import type { Lang } from '../../../shared/domain'
import { useI18n } from '../i18n'

const words: Record<Lang, { title: string; intro: string; name: string; save: string; later: string }> = {
  en: {
    title: 'Your name as reviewer',
    intro: 'Your claims, notes and replies are signed with this name, and reader-facing exports show it as the checker. You can change it in Preferences.',
    name: 'Reviewer name',
    save: 'Save',
    later: 'Not now',
  },
  ko: {
    title: '검토자 이름',
    intro: '주장·메모·답글에 이 이름이 기록되고, 독자용 내보내기에는 검증자로 표시됩니다. 환경설정에서 바꿀 수 있습니다.',
    name: '검토자 이름',
    save: '저장',
    later: '나중에',
  },
}

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

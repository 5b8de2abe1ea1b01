import { langs, type Lang } from '../../../shared/domain'
import { useI18n } from '../i18n'
import { useWorkflowText } from '../workflowText'

/** Each language named in itself, so a reader who cannot read the other finds their own. */
export const langNames: Record<Lang, string> = { ko: '한국어', en: 'English' }

/**
 * The reviewer name's field, as Preferences and the first run show it: never accepted blank (every
 * change is signed with it), the problem said under the field; `hint` is said there otherwise.
 */
export function ReviewerNameField({
  id,
  value,
  onChange,
  blank,
  hint,
}: {
  id: string
  value: string
  onChange: (name: string) => void
  blank: boolean
  hint?: string
}) {
  const { t } = useI18n()
  const note = blank ? t.nameRequired : hint
  return (
    <div className="field">
      <label htmlFor={`${id}-name`}>{t.reviewerName}</label>
      <input
        id={`${id}-name`}
        value={value}
        maxLength={100}
        required
        aria-invalid={blank}
        aria-describedby={note ? `${id}-name-note` : undefined}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
      />
      {note && (
        <small id={`${id}-name-note`} className={blank ? 'field-error' : undefined} role={blank ? 'alert' : undefined}>
          {note}
        </small>
      )}
    </div>
  )
}

export function LanguageField({ id, value, onChange }: { id: string; value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useI18n()
  return (
    <div className="field">
      <label htmlFor={`${id}-lang`}>{t.language}</label>
      <select id={`${id}-lang`} value={value} onChange={(e) => onChange(e.target.value as Lang)}>
        {langs.map((l) => (
          <option key={l} value={l}>
            {langNames[l]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The verdict scale new reviews start with. */
export function DefaultScaleField({
  id,
  value,
  scales,
  onChange,
}: {
  id: string
  value: string
  scales: { id: string; name: string }[]
  onChange: (scale: string) => void
}) {
  const w = useWorkflowText()
  return (
    <div className="field">
      <label htmlFor={`${id}-scale`}>{w.defaultScale}</label>
      <select id={`${id}-scale`} value={value} onChange={(e) => onChange(e.target.value)}>
        {scales.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  )
}

import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { useReturnFocus } from './focusReturn'
import type { RepublishSettings as Settings, RepublishSettingsPatch } from '../../../shared/republish'
import { isHttpUrl } from '../../../shared/url'
import { call } from '../bridge'
import { keys, queries } from '../state/queryClient'
import { useRepublishText } from './republishText'

type Field = keyof Settings
const URL_FIELDS: Field[] = ['organisationUrl', 'factcheckUrl', 'essayUrl']
const FIELDS: { key: Field; type: 'text' | 'url' | 'date'; fromEssay?: boolean }[] = [
  { key: 'organisationName', type: 'text' },
  { key: 'organisationUrl', type: 'url' },
  { key: 'factcheckUrl', type: 'url' },
  { key: 'essayUrl', type: 'url', fromEssay: true },
  { key: 'essayAuthor', type: 'text', fromEssay: true },
  { key: 'essayPublished', type: 'date', fromEssay: true },
]

/** The review's settings for republication: who checked it, where it is published, about which essay. */
export function RepublishSettings({ onClose }: { onClose: () => void }) {
  const w = useRepublishText()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const id = useId()
  const [values, setValues] = useState<Settings | null>(null)
  const [loaded, setLoaded] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const client = useQueryClient()

  useEffect(() => {
    ref.current?.showModal()
    // The form starts from the review's settings as they are now (read each time it opens).
    client
      .fetchQuery({ ...queries.settings, staleTime: 0 })
      .then((v) => {
        setLoaded(v)
        setValues(v)
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
  }, [client])

  const invalid = (key: Field): boolean =>
    !!values && URL_FIELDS.includes(key) && values[key].trim() !== '' && !isHttpUrl(values[key].trim())
  const anyInvalid = FIELDS.some((f) => invalid(f.key))

  async function save(): Promise<void> {
    if (!values || anyInvalid) return
    setSaving(true)
    try {
      // Only what the reviewer changed: an essay field left as the essay says keeps following the essay.
      const changed = FIELDS.filter((f) => values[f.key].trim() !== loaded?.[f.key])
      const patch: RepublishSettingsPatch = Object.fromEntries(changed.map((f) => [f.key, values[f.key].trim()]))
      client.setQueryData(keys.settings, await call('settings-set', patch))
      ref.current?.close()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <dialog
      ref={ref}
      className="prefs-dialog republish-settings"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <h2 id={`${id}-title`}>{w.settingsTitle}</h2>
        <p id={`${id}-intro`} className="hint">
          {w.settingsIntro}
        </p>
        {FIELDS.map(({ key, type, fromEssay }) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{w[key]}</label>
            <input
              id={`${id}-${key}`}
              type={type}
              value={values?.[key] ?? ''}
              disabled={!values}
              maxLength={type === 'url' ? 2048 : 200}
              inputMode={type === 'url' ? 'url' : undefined}
              aria-invalid={invalid(key) || undefined}
              aria-describedby={invalid(key) || fromEssay ? `${id}-${key}-hint` : undefined}
              onChange={(e) => setValues((v) => (v ? { ...v, [key]: e.target.value } : v))}
            />
            {invalid(key) ? (
              <small id={`${id}-${key}-hint`} className="field-error">
                {w.onlyHttp}
              </small>
            ) : (
              fromEssay && <small id={`${id}-${key}-hint`}>{w.defaultFromEssay}</small>
            )}
          </div>
        ))}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!values || anyInvalid || saving}>
            {w.save}
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            {w.cancel}
          </button>
        </div>
      </form>
    </dialog>
  )
}

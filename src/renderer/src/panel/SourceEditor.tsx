import { useId, useState, type FormEvent } from 'react'
import type { Source, SourceFields } from '../../../shared/domain'
import { isHttpUrl } from '../../../shared/url'
import { useI18n } from '../i18n'

const empty: SourceFields = {
  url: '',
  title: '',
  publisher: '',
  published: '',
  accessed: '',
  excerpt: '',
  archiveUrl: '',
}

interface Props {
  initial?: Source
  onSave: (fields: SourceFields) => Promise<boolean>
  onCancel: () => void
}

/** The form for one source. Only http(s) addresses are accepted, here and again in the review service. */
export function SourceEditor({ initial, onSave, onCancel }: Props) {
  const { t } = useI18n()
  const [fields, setFields] = useState<SourceFields>(() =>
    initial ? pick(initial) : { ...empty, accessed: new Date().toISOString().slice(0, 10) },
  )
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const idBase = useId()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const cleaned = { ...fields, url: fields.url.trim(), archiveUrl: fields.archiveUrl.trim() }
    if (!isHttpUrl(cleaned.url)) return setProblem(t.onlyHttp)
    if (cleaned.archiveUrl && !isHttpUrl(cleaned.archiveUrl)) return setProblem(t.archiveOnlyHttp)
    setProblem(null)
    setBusy(true)
    const saved = await onSave(cleaned)
    setBusy(false)
    if (saved) onCancel()
  }

  const field = (name: keyof SourceFields, label: string, type: 'text' | 'url' | 'date' | 'area' = 'text') => {
    const id = `${idBase}-${name}`
    const common = {
      id,
      value: fields[name],
      onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
    }
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={id}>{label}</label>
        {type === 'area' ? (
          <textarea {...common} rows={3} />
        ) : (
          <input
            {...common}
            type={type === 'url' ? 'text' : type}
            inputMode={type === 'url' ? 'url' : undefined}
            spellCheck={false}
          />
        )}
      </div>
    )
  }

  return (
    <form className="source-editor" onSubmit={(e) => void submit(e)} noValidate>
      {field('url', t.url, 'url')}
      {field('title', t.title)}
      {field('publisher', t.publisher)}
      <div className="field-row">
        {field('published', t.published, 'date')}
        {field('accessed', t.accessed, 'date')}
      </div>
      {field('excerpt', t.excerpt, 'area')}
      {field('archiveUrl', t.archiveUrl, 'url')}
      {problem && (
        <p role="alert" className="form-problem">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.saveSource}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}

function pick(s: Source): SourceFields {
  return {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    published: s.published,
    accessed: s.accessed,
    excerpt: s.excerpt,
    archiveUrl: s.archiveUrl,
  }
}

import { useState } from 'react'
import { revealInvisible } from '../../../shared/text'
import type { Source, SourceFields } from '../../../shared/domain'
import { isHttpUrl } from '../../../shared/url'
import { useI18n } from '../i18n'
import { SourceEditor } from './SourceEditor'

interface Props {
  source: Source
  onUpdate: (id: string, fields: SourceFields) => Promise<boolean>
  onRemove: (id: string) => void
}

/** One source. Links open in the system browser (the shell refuses to open them in the app). */
export function SourceItem({ source, onUpdate, onRemove }: Props) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  if (editing) {
    return (
      <li className="source">
        <SourceEditor initial={source} onSave={(f) => onUpdate(source.id, f)} onCancel={() => setEditing(false)} />
      </li>
    )
  }
  const label = revealInvisible(source.title || source.url)
  return (
    <li className="source">
      <div className="source-title">
        {isHttpUrl(source.url) ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        ) : (
          <span>{label}</span>
        )}
      </div>
      <div className="source-meta">
        {[revealInvisible(source.publisher), source.published, source.accessed && `${t.accessed} ${source.accessed}`]
          .filter(Boolean)
          .join(' · ')}
        {source.archiveUrl && isHttpUrl(source.archiveUrl) && (
          <>
            {' · '}
            <a href={source.archiveUrl} target="_blank" rel="noopener noreferrer">
              {t.archiveUrl}
            </a>
          </>
        )}
      </div>
      {source.excerpt && <blockquote className="source-excerpt">{revealInvisible(source.excerpt)}</blockquote>}
      <div className="source-actions">
        <button
          type="button"
          className="link"
          onClick={() => setEditing(true)}
          aria-label={`${t.editSource}: ${label}`}
        >
          {t.editSource}
        </button>
        <button
          type="button"
          className="link danger"
          onClick={() => onRemove(source.id)}
          aria-label={`${t.removeSource}: ${label}`}
        >
          {t.removeSource}
        </button>
      </div>
    </li>
  )
}

import { call } from '../bridge'
import { useI18n } from '../i18n'
import { perLang } from '../../../shared/i18n'

const text = perLang((c) => c.desk.importProgress)

/** The import under way, and a way to stop it (its transaction then never commits). */
export function ImportProgress({ progress }: { progress: { fileName: string; index: number; total: number } | null }) {
  const { t, lang } = useI18n()
  if (!progress) return null
  const c = text[lang]
  return (
    <span role="status" className="progress">
      {t.importing(progress.fileName, progress.index + 1, progress.total)}{' '}
      <button type="button" title={c.hint} onClick={() => void call('import-cancel', {}).catch(() => undefined)}>
        {c.cancel}
      </button>
    </span>
  )
}

import { call } from '../bridge'
import { useI18n } from '../i18n'

const text = {
  en: { cancel: 'Cancel import', hint: 'Stop this import: nothing of it is kept, the review stays as it was.' },
  ko: { cancel: '가져오기 취소', hint: '이 가져오기를 멈춥니다. 아무것도 반영되지 않고 검토 파일은 그대로입니다.' },
}

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

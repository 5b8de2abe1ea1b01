import { hasInvisibleControls, revealInvisible } from '../../../shared/text'
import { useI18n } from '../i18n'

const text = {
  en: 'Contains characters that change how the text reads without being seen (direction or zero-width). As stored: ',
  ko: '보이지 않으면서 글의 표시 방향이나 모양을 바꾸는 문자(방향·폭 없는 문자)가 들어 있습니다. 저장된 그대로: ',
}

/**
 * Under a field whose text holds bidirectional overrides or zero-width characters: shows it as it
 * really is, each such character named (⟨U+202E⟩), since the field itself shows it reordered.
 */
export function InvisibleWarning({ value }: { value: string }) {
  const { lang } = useI18n()
  if (!hasInvisibleControls(value)) return null
  return (
    <p className="invisible-warning" role="note">
      {text[lang]}
      <code>{revealInvisible(value)}</code>
    </p>
  )
}

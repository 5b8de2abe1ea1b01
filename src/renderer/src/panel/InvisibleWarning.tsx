import { hasInvisibleControls, revealInvisible } from '../../../shared/text'
import { useI18n } from '../i18n'
import { perLang } from '../../../shared/i18n'

const text = perLang((c) => c.desk.invisible)

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

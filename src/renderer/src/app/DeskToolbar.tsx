import { useEffect, useRef, useState, type ReactNode } from 'react'
import { langs, type Lang } from '../../../shared/domain'
import { useI18n } from '../i18n'
import { CommandButton } from './CommandButton'
import { ContextMenu, type MenuItem } from './ContextMenu'
import { isMac } from './keys'
import { ariaKeys } from '../../../shared/commands'
import { langNames } from './PrefsFields'

/**
 * Below this toolbar width the less-used commands move into More (a menu), so the toolbar stays one
 * line from 1024 px up in both languages instead of wrapping.
 */
export const TOOLBAR_COMPACT = '(max-width: 1439px)'

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const onChange = (): void => setMatches(list.matches)
    onChange()
    list.addEventListener('change', onChange)
    return () => list.removeEventListener('change', onChange)
  }, [query])
  return matches
}

/** Whether the page's selection is a non-empty stretch of the essay: Mark claim can run only then. */
export function useEssaySelection(): boolean {
  const [selected, setSelected] = useState(false)
  useEffect(() => {
    const onChange = (): void => {
      const s = window.getSelection()
      const node = s?.anchorNode
      const el = node instanceof Element ? node : node?.parentElement
      setSelected(!!s && !s.isCollapsed && !!el?.closest('.essay'))
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [])
  return selected
}

export interface ToolbarCommand {
  label: string
  run: () => void
  /** Why it cannot run now; absent when it can. */
  unavailable?: string | null
  keys?: string
  title?: string
}

interface Props {
  /** Mark claim and the other commands always in view (Edit text, Import, Export, conflicts). */
  canMark: boolean
  onMark: () => void
  main: ReactNode
  /** Progress, read-only state and the save indicator. */
  status: ReactNode
  lang: Lang
  onLang: (lang: Lang) => void
  /** Shown as buttons where the toolbar is wide enough, else in More. */
  secondary: ToolbarCommand[]
}

/** The desk's one-line toolbar. */
export function DeskToolbar({ canMark, onMark, main, status, lang, onLang, secondary }: Props) {
  const { t } = useI18n()
  const compact = useMediaQuery(TOOLBAR_COMPACT)
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const more = useRef<HTMLButtonElement>(null)
  const items: MenuItem[] = secondary.map((c) => ({
    label: c.label,
    run: c.run,
    unavailable: c.unavailable,
    keys: c.keys,
  }))
  return (
    <header className="toolbar" role="toolbar" aria-label={t.appName}>
      <span className="brand">{t.appName}</span>
      <CommandButton
        className="primary"
        unavailable={canMark ? null : t.markClaimDisabled}
        title={t.markClaimHint}
        aria-keyshortcuts={ariaKeys('mark-claim', isMac)}
        // Keep the essay selection: a click on the button must not collapse it first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onMark}
      >
        {t.markClaim}
      </CommandButton>
      {main}
      <span className="spacer" />
      {status}
      <label className="inline-field lang-field">
        <span className={compact ? 'visually-hidden' : undefined}>{t.language}</span>
        <select value={lang} onChange={(e) => onLang(e.target.value as Lang)}>
          {langs.map((l) => (
            <option key={l} value={l}>
              {langNames[l]}
            </option>
          ))}
        </select>
      </label>
      {compact ? (
        <button
          ref={more}
          type="button"
          aria-haspopup="menu"
          aria-expanded={menu !== null}
          title={t.moreHint}
          onClick={() => {
            const r = more.current!.getBoundingClientRect()
            // Opened under the button, kept inside the window on its right edge.
            setMenu({ x: Math.max(8, Math.min(r.left, window.innerWidth - 240)), y: r.bottom + 4 })
          }}
        >
          {t.more}
        </button>
      ) : (
        secondary.map((c) => (
          <CommandButton
            key={c.label}
            onClick={c.run}
            unavailable={c.unavailable}
            aria-keyshortcuts={c.keys}
            title={c.title}
          >
            {c.label}
          </CommandButton>
        ))
      )}
      {menu && compact && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label={t.more}
          items={items}
          onClose={() => {
            setMenu(null)
            more.current?.focus()
          }}
        />
      )}
    </header>
  )
}

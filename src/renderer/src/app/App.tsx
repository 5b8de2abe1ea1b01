import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { langs, type Lang } from '../../../shared/domain'
import { on } from '../bridge'
import { EssayEditor, type EssayEditorHandle } from '../editor/EssayEditor'
import { I18nContext, makeI18n } from '../i18n'
import { ClaimsPanel } from '../panel/ClaimsPanel'
import { useReview } from '../state/useReview'
import { ContextMenu } from './ContextMenu'
import { NoticeBar } from './NoticeBar'
import { langNames, PrefsDialog } from './PrefsDialog'
import { isMac, isTextEntry } from './keys'

export function App() {
  const review = useReview()
  const { doc, prefs, claims, activeId, setActiveId, markClaim, undo } = review
  const i18n = useMemo(() => makeI18n(prefs?.lang ?? 'ko'), [prefs?.lang])
  const { t } = i18n
  const editorRef = useRef<EssayEditorHandle>(null)
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const [prefsOpen, setPrefsOpen] = useState(false)

  useEffect(() => {
    document.documentElement.lang = i18n.lang
    document.title = doc ? `${doc.title} — ${t.appName}` : t.appName
  }, [i18n.lang, doc, t.appName])

  const markSelection = useCallback(async () => {
    const anchor = editorRef.current?.selectedAnchor()
    if (!anchor) {
      review.setNotice({ id: Date.now(), kind: 'info', text: 'selectTextFirst' })
      return
    }
    const claim = await markClaim(anchor)
    if (claim) window.getSelection()?.removeAllRanges()
  }, [markClaim, review])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey
      if (mod && e.shiftKey && e.key.toLowerCase() === 'm') {
        e.preventDefault()
        void markSelection()
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) {
        e.preventDefault()
        void undo()
      }
    }
    window.addEventListener('keydown', onKey)
    const off = on('menu-command', ({ command }) => {
      if (command === 'mark-claim') void markSelection()
      else if (command === 'undo-claim') void undo()
      else if (command === 'preferences') setPrefsOpen(true)
      else if (command === 'remove-claim' && activeId) void review.removeClaim(activeId)
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [markSelection, undo, activeId, review])

  const closeMenu = useCallback(() => setMenu(null), [])

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="toolbar" role="toolbar" aria-label={t.appName}>
          <span className="brand">{t.appName}</span>
          <button
            type="button"
            className="primary"
            title={t.markClaimHint}
            aria-keyshortcuts={isMac ? 'Meta+Shift+M' : 'Control+Shift+M'}
            // Keep the essay selection: a click on the button must not collapse it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void markSelection()}
          >
            {t.markClaim}
          </button>
          <span className="spacer" />
          <span className="saved-hint">{t.savedAutomatically}</span>
          <label className="inline-field">
            <span>{t.language}</span>
            <select value={i18n.lang} onChange={(e) => void review.savePrefs({ lang: e.target.value as Lang })}>
              {langs.map((l) => (
                <option key={l} value={l}>
                  {langNames[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setPrefsOpen(true)} disabled={!prefs}>
            {t.preferences}
          </button>
        </header>
        <main className="workspace">
          <section className="essay-pane" aria-label={t.essay}>
            {doc ? (
              <EssayEditor
                ref={editorRef}
                blocks={doc.blocks}
                claims={claims}
                activeId={activeId}
                onSelectClaim={setActiveId}
                onContextMenu={(x, y) => setMenu({ x, y })}
              />
            ) : (
              <p className="loading">{t.loading}</p>
            )}
          </section>
          <ClaimsPanel review={review} />
        </main>
        <NoticeBar notice={review.notice} onUndo={() => void undo()} onDismiss={() => review.setNotice(null)} />
        {menu && (
          <ContextMenu
            x={menu.x}
            y={menu.y}
            label={t.context}
            onClose={closeMenu}
            items={[
              { label: t.markClaim, shortcut: isMac ? '⇧⌘M' : 'Ctrl+Shift+M', run: () => void markSelection() },
              { label: t.copy, run: () => void navigator.clipboard?.writeText(window.getSelection()?.toString() ?? '') },
            ]}
          />
        )}
        {prefsOpen && prefs && (
          <PrefsDialog prefs={prefs} onSave={(p) => void review.savePrefs(p)} onClose={() => setPrefsOpen(false)} />
        )}
      </div>
    </I18nContext.Provider>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { langs, type Lang } from '../../../shared/domain'
import { call, on } from '../bridge'
import { EssayEditor, type EssayEditorHandle } from '../editor/EssayEditor'
import { I18nContext, makeI18n } from '../i18n'
import { ClaimsPanel } from '../panel/ClaimsPanel'
import { useReview } from '../state/useReview'
import type { UndoStep } from '../state/useUndo'
import type { ImportSummary } from '../../../shared/exchange'
import { useDocumentSync } from '../state/useDocumentSync'
import type { CorrectionActions } from '../panel/CorrectionsSection'
import { useExchange } from '../state/useExchange'
import { ConflictDialog } from '../panel/ConflictDialog'
import { FileMenu } from './FileMenu'
import { ImportSummaryDialog } from './ImportSummaryDialog'
import { ContextMenu } from './ContextMenu'
import { NoticeBar } from './NoticeBar'
import { langNames, PrefsDialog } from './PrefsDialog'
import { ReviewerNameDialog } from './ReviewerNameDialog'
import { isMac, isTextEntry } from './keys'
import { ariaKeys, matches } from '../../../shared/commands'
import { focusClaimCard, useDeskKeys } from './deskKeys'
import { ShortcutsDialog } from './ShortcutsDialog'
import { usePrefsStyle } from './usePrefsStyle'
import { useClaimQuery } from '../state/useClaimQuery'
import { useVerdictOrder } from '../state/verdictOrder'
import { workflowTexts } from '../workflowText'
import { useScale } from '../state/useScale'
import { SuggestDialog } from './SuggestDialog'
import { ScaleSettings } from './ScaleSettings'
import { ScaleStyle } from '../scaleStyle'
import { EditModeBanner, EditModeToggle } from './EditModeToggle'
import { SaveIndicator } from './SaveIndicator'
import { ImportProgress } from './ImportProgress'
import { ReadOnlyState, useReadOnly } from './ReadOnlyState'
import { useEditMode } from './useEditMode'
import { SavesContext } from '../state/useSaveState'

export function App() {
  const review = useReview()
  const { doc, prefs, claims, activeId, setActiveId, markClaim, undo } = review
  // The review's verdict scale: labels, order and colours of verdicts everywhere (i18n.verdict…).
  const scaleState = useScale(review.report)
  const i18n = useMemo(() => makeI18n(prefs?.lang ?? 'ko', scaleState.scale ?? undefined), [prefs?.lang, scaleState.scale])
  const [suggestOpen, setSuggestOpen] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const { t } = i18n
  const editorRef = useRef<EssayEditorHandle>(null)
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const [prefsOpen, setPrefsOpen] = useState(false)
  // Asked once per session while no reviewer name is saved ("Not now" leaves it for this session).
  const [nameAsked, setNameAsked] = useState(false)
  // The imports of one drop or file choice are one step: "Undo import" (summary, notice, Ctrl/⌘+Z).
  const [importStep, setImportStep] = useState<UndoStep | null>(null)
  const onImported = useCallback(
    (done: ImportSummary[]) => {
      const ids = done.flatMap((s) => (s.importId ? [s.importId] : []))
      if (ids.length === 0) return
      const step: UndoStep = { kind: 'import', ids }
      review.removed(step, 'importDone')
      setImportStep(step)
    },
    [review.removed],
  )
  const exchange = useExchange(review.report, review.reload, onImported)
  // Search, filters and sort of the Claims panel; the keys step through what it lists.
  const claimQuery = useClaimQuery(claims, review.report)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const verdictOrder = useVerdictOrder(scaleState.scale)
  usePrefsStyle(prefs)
  useDeskKeys({
    listed: claimQuery.visible,
    activeId,
    setActiveId,
    setVerdict: (id, verdict) => void review.updateClaim(id, { verdict }),
    verdictOrder,
    focusSearch: claimQuery.focusSearch,
    openShortcuts: () => setShortcutsOpen(true),
  })
  const sync = useDocumentSync(review, editorRef)
  const readOnly = useReadOnly()
  const editMode = useEditMode({ documentId: doc?.id, activeId, setActiveId, readOnly: readOnly !== null })
  const correctionActions = useMemo<CorrectionActions>(
    () => ({
      onPropose: review.proposeCorrection,
      onUpdate: review.updateCorrection,
      onDelete: (id) => void review.deleteCorrection(id),
      onApply: (claim, correction) => void sync.applyCorrection(claim, correction),
    }),
    [review.proposeCorrection, review.updateCorrection, review.deleteCorrection, sync],
  )
  const importInput = useRef<HTMLInputElement>(null)
  const [openConflict, setOpenConflict] = useState<string | null>(null)
  const conflict = exchange.conflicts.find((c) => c.id === openConflict) ?? null
  const openConflictOf = useCallback(
    (claimId: string) => setOpenConflict(exchange.conflicts.find((c) => c.claimId === claimId)?.id ?? null),
    [exchange.conflicts],
  )
  const attachSelection = useCallback(
    (id: string) => {
      const anchor = editorRef.current?.selectedAnchor()
      if (!anchor) review.setNotice({ id: Date.now(), kind: 'info', text: 'selectTextFirst' })
      else void sync.flush().then(() => review.attachClaim(id, anchor))
    },
    [review, sync],
  )

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
    await sync.flush()
    const claim = await markClaim(anchor)
    if (claim) {
      editorRef.current?.clearSelection()
      // The new card takes the focus, so the number keys rate it straight away.
      focusClaimCard(claim.id)
    }
  }, [markClaim, review, sync])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matches(e, 'mark-claim', isMac)) {
        e.preventDefault()
        void markSelection()
      } else if (matches(e, 'undo', isMac) && !isTextEntry(e.target)) {
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
      else if (command === 'import-review') importInput.current?.click()
      else if (command === 'prepare-close') {
        // The essay and every claim edit still on its way (a verdict, a note) are answered first.
        void sync
          .flush()
          .then(review.saves.settled)
          .then(() => call('edits-saved', {}))
      }
      else if (command === 'export-bundle') void exchange.exportAs('bundle')
      else if (command === 'export-w3c') void exchange.exportAs('w3c')
      else if (command === 'export-sqlite') void exchange.exportAs('sqlite')
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [markSelection, undo, activeId, review, exchange, sync])

  const closeMenu = useCallback(() => setMenu(null), [])
  const anchoredClaims = useMemo(() => claims.filter((c) => c.anchored), [claims])

  return (
    <I18nContext.Provider value={i18n}>
      <ScaleStyle scale={i18n.scale} />
      <div
        className="app"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault()
        }}
        onDrop={(e) => {
          const files = [...e.dataTransfer.files]
          if (files.length === 0) return
          e.preventDefault()
          void exchange.importFiles(files)
        }}
      >
        <header className="toolbar" role="toolbar" aria-label={t.appName}>
          <span className="brand">{t.appName}</span>
          <button
            type="button"
            className="primary"
            title={t.markClaimHint}
            aria-keyshortcuts={ariaKeys('mark-claim', isMac)}
            // Keep the essay selection: a click on the button must not collapse it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void markSelection()}
          >
            {t.markClaim}
          </button>
          <EditModeToggle editing={editMode.editing} onToggle={editMode.toggle} disabled={!doc || readOnly !== null} />
          <FileMenu exchange={exchange} importInput={importInput} />
          <button type="button" title={t.suggestClaimsHint} onClick={() => setSuggestOpen(true)} disabled={!doc}>
            {t.suggestClaims}
          </button>
          {exchange.conflicts.length > 0 && (
            <button type="button" className="attention" onClick={() => setOpenConflict(exchange.conflicts[0].id)}>
              {t.conflictsWaiting(exchange.conflicts.length)}
            </button>
          )}
          <span className="spacer" />
          <ImportProgress progress={exchange.progress} />
          <ReadOnlyState holder={readOnly} />
          <SaveIndicator status={review.saveStatus} onRetry={review.saves.retry} />
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
          <button type="button" onClick={() => setSettingsOpen(true)} disabled={!scaleState.scale}>
            {t.reviewSettings}
          </button>
          <button type="button" onClick={() => setPrefsOpen(true)} disabled={!prefs}>
            {t.preferences}
          </button>
          <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
            {workflowTexts[i18n.lang].keyboardShortcuts}
          </button>
        </header>
        <main className="workspace">
          <section className={editMode.editing ? 'essay-pane editing' : 'essay-pane'} aria-label={t.essay}>
            {doc && editMode.editing && <EditModeBanner />}
            {doc ? (
              <EssayEditor
                ref={editorRef}
                blocks={doc.blocks}
                claims={anchoredClaims}
                activeId={activeId}
                onSelectClaim={editMode.selectClaimInEssay}
                onContextMenu={(x, y) => setMenu({ x, y })}
                onEdit={sync.onEdit}
                editable={editMode.editing}
                onLeaveEdit={editMode.leave}
              />
            ) : (
              <p className="loading">{t.loading}</p>
            )}
          </section>
          <SavesContext.Provider value={review.saves}>
            <ClaimsPanel review={review} onAttach={attachSelection} onOpenConflict={openConflictOf} correctionActions={correctionActions} query={claimQuery} />
          </SavesContext.Provider>
        </main>
        <NoticeBar notice={review.notice} onUndo={() => void undo(review.notice?.undo)} onDismiss={() => review.setNotice(null)} />
        {menu && (
          <ContextMenu
            x={menu.x}
            y={menu.y}
            label={t.context}
            onClose={closeMenu}
            items={[
              {
                label: t.markClaim,
                shortcut: isMac ? '⇧⌘M' : 'Ctrl+Shift+M',
                keys: ariaKeys('mark-claim', isMac),
                run: () => void markSelection(),
              },
              { label: t.copy, run: () => void navigator.clipboard?.writeText(window.getSelection()?.toString() ?? '') },
            ]}
          />
        )}
        {exchange.summaries && (
          <ImportSummaryDialog
            summaries={exchange.summaries}
            onClose={exchange.dismissSummaries}
            onUndo={
              importStep
                ? () => {
                    exchange.dismissSummaries()
                    setImportStep(null)
                    void undo(importStep)
                  }
                : undefined
            }
          />
        )}
        {conflict && <ConflictDialog key={conflict.id} conflict={conflict} onResolve={exchange.resolve} onClose={() => setOpenConflict(null)} />}
        {prefs && prefs.reviewerName === '' && !nameAsked && !prefsOpen && (
          <ReviewerNameDialog onSave={(name) => void review.savePrefs({ reviewerName: name })} onClose={() => setNameAsked(true)} />
        )}
        {prefsOpen && prefs && (
          <PrefsDialog prefs={prefs} onSave={(p) => void review.savePrefs(p)} onClose={() => setPrefsOpen(false)} />
        )}
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
        {suggestOpen && (
          <SuggestDialog
            flush={sync.flush}
            onAccept={markClaim}
            onClose={() => setSuggestOpen(false)}
            report={review.report}
            onDismissed={(key) => review.removed({ kind: 'suggestion-dismissed', key }, 'suggestionDismissed')}
            reloadKey={review.suggestionsEpoch}
            undoable={review.notice?.undo?.kind === 'suggestion-dismissed' ? () => void undo(review.notice?.undo) : undefined}
          />
        )}
        {settingsOpen && scaleState.scale && (
          <ScaleSettings scale={scaleState.scale} claims={claims} onApply={scaleState.apply} onClose={() => setSettingsOpen(false)} />
        )}
      </div>
    </I18nContext.Provider>
  )
}

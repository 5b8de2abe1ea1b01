import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MenuCommand } from '../../../shared/contract'
import { call } from '../bridge'
import { EssayEditor, type EssayEditorHandle } from '../editor/EssayEditor'
import { I18nContext, makeI18n } from '../i18n'
import { ClaimsPanel } from '../panel/ClaimsPanel'
import { useReview } from '../state/useReview'
import type { ConflictView } from '../../../shared/exchange'
import { useDocumentSync } from '../state/useDocumentSync'
import { FileMenu } from './FileMenu'
import { openShareDialog, Share } from './Share'
import { shareTexts } from './shareText'
import { CommandButton } from './CommandButton'
import { EssayContextMenu } from './EssayContextMenu'
import { NoticeBar } from './NoticeBar'
import { DeskToolbar, useEssaySelection } from './DeskToolbar'
import { defaultPanelWidth, PanelSplitter } from './PanelSplitter'
import { trackFocus, useFocusedUndo } from './focusReturn'
import { useDeskCommands } from './deskCommands'
import { DeskActionsContext, type DeskActions } from '../state/deskActions'
import { keys } from '../state/queryClient'
import { readyImport } from '../state/useExchange'
import { focusClaimCard, useDeskKeys } from './deskKeys'
import { usePrefsStyle } from './usePrefsStyle'
import { useClaimQuery } from '../state/useClaimQuery'
import { useVerdictOrder } from '../state/verdictOrder'
import { workflowTexts } from '../workflowText'
import { useScale } from '../state/useScale'
import { ScaleStyle } from '../scaleStyle'
import { EditModeBanner, EditModeToggle } from './EditModeToggle'
import { SaveIndicator } from './SaveIndicator'
import { NoticesButton } from './NoticesButton'
import { ImportProgress } from './ImportProgress'
import { ReadOnlyState, useReadOnly } from './ReadOnlyState'
import { useEditMode } from './useEditMode'
import { SavesContext } from '../state/useSaveState'
import { DeskDialogs, useDeskDialogs } from './DeskDialogs'
import { useDeskImport } from './useDeskImport'

export function App() {
  const review = useReview()
  const {
    client,
    doc,
    prefs,
    claims,
    activeId,
    setActiveId,
    markClaim,
    undo: takeBack,
    setNotice,
    attachClaim,
  } = review
  // The review's verdict scale: labels, order and colours of verdicts everywhere (i18n.verdict…).
  const scaleState = useScale()
  const i18n = useMemo(
    () => makeI18n(prefs?.lang ?? 'ko', scaleState.scale ?? undefined),
    [prefs?.lang, scaleState.scale],
  )
  const dialogs = useDeskDialogs()
  const { t } = i18n
  const editorRef = useRef<EssayEditorHandle>(null)
  const canMark = useEssaySelection()
  const undo = useFocusedUndo(takeBack)
  const [panelWidth, setPanelWidth] = useState(defaultPanelWidth)
  useEffect(trackFocus, [])
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const imports = useDeskImport(review, undo)
  const { exchange } = imports
  // Search, filters and sort of the Claims panel; the keys step through what it lists.
  const claimQuery = useClaimQuery(claims)
  const verdictOrder = useVerdictOrder(scaleState.scale)
  usePrefsStyle(prefs)
  useDeskKeys({
    listed: claimQuery.visible,
    activeId,
    setActiveId,
    setVerdict: (id, verdict) => void review.updateClaim(id, { verdict }),
    verdictOrder,
    focusSearch: claimQuery.focusSearch,
    openShortcuts: () => dialogs.show('shortcuts'),
  })
  const sync = useDocumentSync(review, editorRef)
  const readOnly = useReadOnly()
  const editMode = useEditMode({ documentId: doc?.id, activeId, setActiveId, readOnly: readOnly !== null })
  const [openConflict, setOpenConflict] = useState<string | null>(null)
  const conflict = exchange.conflicts.find((c) => c.id === openConflict) ?? null
  // The conflicts as the cache has them when a card asks, so the card's action stays the same function.
  const openConflictOf = useCallback(
    (claimId: string) =>
      setOpenConflict(
        client.getQueryData<ConflictView[]>(keys.conflicts)?.find((c) => c.claimId === claimId)?.id ?? null,
      ),
    [client],
  )
  const { flush, applyCorrection } = sync
  const attachSelection = useCallback(
    (id: string) => {
      const anchor = editorRef.current?.selectedAnchor()
      if (!anchor) setNotice({ id: Date.now(), kind: 'info', text: 'selectTextFirst' })
      else void flush().then(() => attachClaim(id, anchor))
    },
    [setNotice, flush, attachClaim],
  )
  const { claimActions, updateClaim, removeClaim } = review
  const deskActions = useMemo<DeskActions>(
    () => ({
      ...claimActions,
      select: setActiveId,
      updateClaim,
      removeClaim,
      attachSelection,
      openConflict: openConflictOf,
      applyCorrection,
    }),
    [claimActions, setActiveId, updateClaim, removeClaim, attachSelection, openConflictOf, applyCorrection],
  )

  useEffect(() => {
    document.documentElement.lang = i18n.lang
    document.title = doc ? `${doc.title} — ${t.appName}` : t.appName
  }, [i18n.lang, doc, t.appName])

  const markSelection = useCallback(async () => {
    const anchor = editorRef.current?.selectedAnchor()
    if (!anchor) {
      setNotice({ id: Date.now(), kind: 'info', text: 'selectTextFirst' })
      return
    }
    await flush()
    const claim = await markClaim(anchor)
    if (claim) {
      editorRef.current?.clearSelection()
      // The new card takes the focus, so the number keys rate it straight away.
      focusClaimCard(claim.id)
    }
  }, [markClaim, setNotice, flush])

  useDeskCommands((command: MenuCommand) => {
    if (command === 'mark-claim') void markSelection()
    else if (command === 'undo-claim') void undo()
    else if (command === 'toggle-edit-mode') editMode.toggle()
    else if (command === 'shortcuts') dialogs.show('shortcuts')
    else if (command === 'preferences') dialogs.show('prefs')
    else if (command === 'remove-claim' && activeId) void removeClaim(activeId)
    else if (command === 'import-review') imports.chooseFiles()
    else if (command === 'prepare-close') {
      // The essay and every claim edit still on its way (a verdict, a note) are answered first.
      void flush()
        .then(review.saves.settled)
        .then(() => call('edits-saved', {}))
    } else if (command === 'export-bundle') void exchange.exportAs('bundle')
    else if (command === 'export-w3c') void exchange.exportAs('w3c')
    else if (command === 'export-sqlite') void exchange.exportAs('sqlite')
  })

  const closeMenu = useCallback(() => setMenu(null), [])
  const anchoredClaims = useMemo(() => claims.filter((c) => c.anchored), [claims])

  return (
    <I18nContext.Provider value={i18n}>
      {/* The whole desk: the toolbar's For me list opens claims too. */}
      <DeskActionsContext.Provider value={deskActions}>
        <ScaleStyle scale={i18n.scale} />
        <div
          className="app"
          onDragEnter={(e) => {
            if (e.dataTransfer.types.includes('Files') && !e.currentTarget.contains(e.relatedTarget as Node | null))
              readyImport()
          }}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes('Files')) e.preventDefault()
          }}
          onDrop={(e) => {
            const files = [...e.dataTransfer.files]
            if (files.length === 0) return
            e.preventDefault()
            imports.dropFiles(files)
          }}
        >
          <DeskToolbar
            canMark={canMark}
            onMark={() => void markSelection()}
            main={
              <>
                <EditModeToggle
                  editing={editMode.editing}
                  onToggle={editMode.toggle}
                  unavailable={!doc ? t.unavailableNoEssay : readOnly ? t.unavailableReadOnly : null}
                />
                <FileMenu exchange={exchange} importInput={imports.importInput} chooseFiles={imports.chooseFiles} />
                <CommandButton
                  title={t.suggestClaimsHint}
                  onClick={() => dialogs.show('suggest')}
                  unavailable={doc ? null : t.unavailableNoEssay}
                >
                  {t.suggestClaims}
                </CommandButton>
                {exchange.conflicts.length > 0 && (
                  <button type="button" className="attention" onClick={() => setOpenConflict(exchange.conflicts[0].id)}>
                    {t.conflictsWaiting(exchange.conflicts.length)}
                  </button>
                )}
                <NoticesButton />
              </>
            }
            status={
              <>
                <ImportProgress progress={exchange.progress} />
                <ReadOnlyState holder={readOnly} />
                <SaveIndicator status={review.saveStatus} onRetry={review.saves.retry} />
                <Share activeId={activeId} />
              </>
            }
            lang={i18n.lang}
            onLang={(lang) => void review.savePrefs({ lang })}
            secondary={[
              { label: shareTexts[i18n.lang].share, run: openShareDialog },
              {
                label: t.reviewSettings,
                run: () => dialogs.show('settings'),
                unavailable: scaleState.scale ? null : t.unavailableLoading,
              },
              {
                label: t.preferences,
                run: () => dialogs.show('prefs'),
                unavailable: prefs ? null : t.unavailableLoading,
              },
              { label: workflowTexts[i18n.lang].keyboardShortcuts, keys: '?', run: () => dialogs.show('shortcuts') },
            ]}
          />
          <main className="workspace" style={{ '--panel-width': `${panelWidth}px` } as React.CSSProperties}>
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
                  lang={doc.lang}
                />
              ) : (
                <p className="loading">{t.loading}</p>
              )}
            </section>
            <PanelSplitter
              saved={prefs?.panelWidth}
              onWidth={setPanelWidth}
              onCommit={(width) => {
                if (width !== prefs?.panelWidth) void review.savePrefs({ panelWidth: width })
              }}
            />
            <SavesContext.Provider value={review.saves}>
              <ClaimsPanel claims={claims} loaded={review.claimsLoaded} activeId={activeId} query={claimQuery} />
            </SavesContext.Provider>
          </main>
          <NoticeBar
            notice={review.notice}
            onUndo={() => void undo(review.notice?.undo)}
            onDismiss={() => review.setNotice(null)}
          />
          {menu && (
            <EssayContextMenu at={menu} canMark={canMark} onMark={() => void markSelection()} onClose={closeMenu} />
          )}
          <DeskDialogs
            review={review}
            dialogs={dialogs}
            imports={imports}
            scaleState={scaleState}
            claims={claims}
            flush={flush}
            undo={undo}
            conflict={conflict}
            onCloseConflict={() => setOpenConflict(null)}
          />
        </div>
      </DeskActionsContext.Provider>
    </I18nContext.Provider>
  )
}

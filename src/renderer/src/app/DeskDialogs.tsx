import { useCallback, useState } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { ConflictView } from '../../../shared/exchange'
import { ConflictDialog } from '../panel/ConflictDialog'
import type { Review } from '../state/useReview'
import type { ScaleState } from '../state/useScale'
import type { UndoStep } from '../state/useUndo'
import { ImportSummaryDialog } from './ImportSummaryDialog'
import { PrefsDialog } from './PrefsDialog'
import { FirstRunDialog } from './ReviewerNameDialog'
import { ScaleSettings } from './ScaleSettings'
import { ShortcutsDialog } from './ShortcutsDialog'
import { SuggestDialog } from './SuggestDialog'
import type { DeskImport } from './useDeskImport'

/** The dialogs the toolbar, the menus and the keys open. */
export type DeskDialog = 'prefs' | 'shortcuts' | 'suggest' | 'settings'

const closed: Record<DeskDialog, boolean> = { prefs: false, shortcuts: false, suggest: false, settings: false }

/**
 * Which of them are open: a flag each, so opening one never closes another (a menu command may come
 * while one is open).
 */
export function useDeskDialogs() {
  const [open, setOpen] = useState(closed)
  const show = useCallback((d: DeskDialog) => setOpen((o) => (o[d] ? o : { ...o, [d]: true })), [])
  const hide = useCallback((d: DeskDialog) => setOpen((o) => (o[d] ? { ...o, [d]: false } : o)), [])
  return { open, show, hide }
}

interface Props {
  review: Review
  dialogs: ReturnType<typeof useDeskDialogs>
  imports: DeskImport
  scaleState: ScaleState
  claims: DeskClaim[]
  /** Saves the essay edits the editor still holds (suggestions are of the saved text). */
  flush: () => Promise<unknown>
  undo: (only?: UndoStep) => Promise<void>
  conflict: ConflictView | null
  onCloseConflict: () => void
}

/**
 * The desk's modal dialogs, each shown while its state says so. Apart from App, which composes the desk
 * (toolbar, essay, panel) and holds that state.
 */
export function DeskDialogs({
  review,
  dialogs,
  imports,
  scaleState,
  claims,
  flush,
  undo,
  conflict,
  onCloseConflict,
}: Props) {
  const { prefs } = review
  const { exchange } = imports
  const { open, hide } = dialogs
  return (
    <>
      {exchange.summaries && (
        <ImportSummaryDialog
          summaries={exchange.summaries}
          onClose={exchange.dismissSummaries}
          onAcceptResolved={exchange.acceptResolved}
          onUndo={imports.undoImport}
        />
      )}
      {conflict && (
        <ConflictDialog key={conflict.id} conflict={conflict} onResolve={exchange.resolve} onClose={onCloseConflict} />
      )}
      {/* First run: nothing is signed until the reviewer confirms a name (it does not come back). */}
      {prefs && prefs.reviewerName === '' && <FirstRunDialog prefs={prefs} onSave={(p) => void review.savePrefs(p)} />}
      {open.prefs && prefs && (
        <PrefsDialog prefs={prefs} onSave={(p) => void review.savePrefs(p)} onClose={() => hide('prefs')} />
      )}
      {open.shortcuts && <ShortcutsDialog onClose={() => hide('shortcuts')} />}
      {open.suggest && (
        <SuggestDialog
          flush={flush}
          onAccept={review.markClaim}
          onClose={() => hide('suggest')}
          report={review.report}
          onDismissed={(key) => review.removed({ kind: 'suggestion-dismissed', key }, 'suggestionDismissed')}
          reloadKey={review.suggestionsEpoch}
          undoable={
            review.notice?.undo?.kind === 'suggestion-dismissed' ? () => void undo(review.notice?.undo) : undefined
          }
        />
      )}
      {open.settings && scaleState.scale && (
        <ScaleSettings
          scale={scaleState.scale}
          claims={claims}
          onApply={scaleState.apply}
          onClose={() => hide('settings')}
        />
      )}
    </>
  )
}

import { useEffect, useEffectEvent } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { isMac, isTextEntry } from './keys'
import { scrollWithin } from '../scrollWithin'
import { matches } from '../../../shared/commands'

/** What a key press in the desk asks for (null: not ours, the browser or the focused control keeps it). */
export type DeskKeyAction =
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'verdict'; claimId: string; digit: number }
  | { kind: 'focus-search' }
  | { kind: 'shortcuts' }

type KeyLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'isComposing'
>

const ESSAY = '[data-lexical-editor="true"]'

/** Form fields (and editable text other than the essay) keep Alt+arrows for themselves. */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return target.isContentEditable && !target.closest(ESSAY)
}

/**
 * The desk's keyboard map (the sheet, ShortcutsDialog, lists the same keys):
 * - Alt+↓ / Alt+↑: next / previous claim, anywhere but in a form field;
 * - J / K: the same, when the focus is in the Claims panel and not in a text field;
 * - 0–9 on a focused claim card (not in a text field): its verdict (0 = not yet rated, 1… the levels);
 * - Ctrl/⌘+F anywhere, or / outside a text field: the search box;
 * - ? outside a text field, or Ctrl/⌘+/: the shortcut sheet.
 * Mark claim (Ctrl/⌘+Shift+M), undo (Ctrl/⌘+Z) and Edit text (Ctrl/⌘+Shift+E) are the page's commands
 * (deskCommands.ts); Esc in the essay leaves Edit mode (EditablePlugin). In review mode the essay is not editable, so none of these
 * keys count as typing there.
 */
export function deskKeyAction(e: KeyLike, mac = isMac): DeskKeyAction | null {
  if (e.isComposing) return null
  const target = e.target instanceof Element ? e.target : null
  // A dialog (the shortcut sheet, preferences) has its own keys.
  if (target?.closest('dialog')) return null
  // The keys are the command table's (src/shared/commands.ts); by the physical key too: with the Korean
  // layout on, F types 'ㄹ' and J 'ㅓ'. Keys without a modifier count only outside a text field.
  const typing = isTextEntry(e.target)
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey
  if (matches(e, 'focus-search', mac) && (!plain || !typing)) return { kind: 'focus-search' }
  if (matches(e, 'shortcuts', mac) && (!plain || !typing)) return { kind: 'shortcuts' }
  for (const [id, by] of [
    ['next-claim', 1],
    ['previous-claim', -1],
  ] as const) {
    if (matches(e, id, mac)) return isFormField(e.target) ? null : { kind: 'step', by }
  }
  if (!plain || typing) return null
  if (matches(e, 'step-in-panel', mac) && target?.closest('.claims-panel')) {
    return { kind: 'step', by: e.key.toLowerCase() === 'j' || e.code === 'KeyJ' ? 1 : -1 }
  }
  if (matches(e, 'set-verdict', mac)) {
    const card = target?.closest<HTMLElement>('article[data-claim-id]')
    if (card?.dataset.claimId) return { kind: 'verdict', claimId: card.dataset.claimId, digit: Number(e.key) }
  }
  return null
}

/** The claim after (or before) `activeId` among the listed claims that are drawn in the essay. */
export function stepClaim(
  listed: readonly Pick<DeskClaim, 'id' | 'anchored'>[],
  activeId: string | null,
  by: 1 | -1,
): string | null {
  const ids = listed.filter((c) => c.anchored).map((c) => c.id)
  if (ids.length === 0) return null
  const at = activeId === null ? -1 : ids.indexOf(activeId)
  if (at < 0) return by > 0 ? ids[0] : ids[ids.length - 1]
  return ids[Math.min(ids.length - 1, Math.max(0, at + by))]
}

/**
 * Moves the focus to a claim's card (its quote button), once it is rendered: after marking, stepping
 * or undoing, the card may appear a frame or two later.
 */
export function focusClaimCard(id: string, tries = 30): void {
  const button = document.querySelector<HTMLElement>(
    `.claims-panel article[data-claim-id="${CSS.escape(id)}"] .claim-quote`,
  )
  if (button) {
    // Only the claims list scrolls to it: focus() alone could scroll the toolbar out of the window.
    button.focus({ preventScroll: true })
    scrollWithin(button.closest('.claim-list'), button.closest('article'), false)
    return
  }
  if (tries > 0) requestAnimationFrame(() => focusClaimCard(id, tries - 1))
}

interface Options {
  /** The claims as the panel lists them (after search, filters and sort). */
  listed: readonly DeskClaim[]
  activeId: string | null
  setActiveId: (id: string) => void
  setVerdict: (claimId: string, verdict: string) => void
  /** Verdict ids, 'unrated' first: the number keys pick from it. */
  verdictOrder: readonly string[]
  focusSearch: () => void
  openShortcuts: () => void
}

/** Installs the desk's keys for as long as the page lives. */
export function useDeskKeys(options: Options): void {
  // Read when a key is pressed: the listed claims and the selection as they are then.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented) return
    const action = deskKeyAction(e)
    if (!action) return
    const o = options
    if (action.kind === 'step') {
      const next = stepClaim(o.listed, o.activeId, action.by)
      if (!next) return
      e.preventDefault()
      o.setActiveId(next)
      focusClaimCard(next)
    } else if (action.kind === 'verdict') {
      const verdict = o.verdictOrder[action.digit]
      if (verdict === undefined) return
      e.preventDefault()
      o.setVerdict(action.claimId, verdict)
    } else if (action.kind === 'focus-search') {
      e.preventDefault()
      o.focusSearch()
    } else {
      e.preventDefault()
      o.openShortcuts()
    }
  })
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}

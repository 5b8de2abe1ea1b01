import type { Catalogue } from './i18n'

/**
 * Every command of the desk in one table: its label in the menus, what the shortcut sheet says it
 * does, its keys, and where it shows. The menu (src/main/menu.ts), the page's key handlers (App.tsx,
 * deskKeys.ts, useEditMode.ts), the shortcut sheet (ShortcutsDialog.tsx) and the toolbar read it, so a
 * key is written once and the sheet cannot list a key the desk does not have.
 */

/** One key combination: `mod` is ⌘ on a Mac and Ctrl elsewhere. */
export interface Combo {
  mod?: boolean
  shift?: boolean
  alt?: boolean
  /** KeyboardEvent.key, lower case for letters ('m'), or a name: 'ArrowDown', 'Enter', 'Escape', '/', '?', '0'…'9'. */
  key: string
}

/** A plain text of the catalogue's `workflow` or `mode` section. */
type SheetTexts = Catalogue['workflow'] & Catalogue['mode']
export type SheetKey = { [K in keyof SheetTexts]: SheetTexts[K] extends string ? K : never }[keyof SheetTexts]

export type Place = 'menu' | 'toolbar' | 'context' | 'sheet'

export interface Command {
  id: string
  /** The menu item's label (the `menu` section of the catalogue). */
  menuLabel?: keyof Catalogue['menu']
  /** What the shortcut sheet says the keys do (the `workflow` section); absent: not in the sheet. */
  sheet?: SheetKey
  /** Every combination that runs it; the first is the one menus show. */
  keys: Combo[]
  /** The sheet's two tables: keys the page handles, and keys of the File menu. */
  group?: 'page' | 'menus'
  shows: Place[]
  /** The page handles the key itself: the menu only shows it (a registered accelerator would run it twice). */
  pageKey?: boolean
}

const commandList = [
  {
    id: 'new-review',
    menuLabel: 'newReview',
    sheet: 'newReview',
    keys: [{ mod: true, key: 'n' }],
    group: 'menus',
    shows: ['menu', 'sheet'],
  },
  { id: 'new-review-from-file', menuLabel: 'newReviewFromFile', keys: [], shows: ['menu'] },
  {
    id: 'open-review',
    menuLabel: 'openReview',
    sheet: 'openReview',
    keys: [{ mod: true, key: 'o' }],
    group: 'menus',
    shows: ['menu', 'sheet'],
  },
  {
    id: 'save-review-as',
    menuLabel: 'saveReviewAs',
    sheet: 'saveReviewAs',
    keys: [{ mod: true, shift: true, key: 's' }],
    group: 'menus',
    shows: ['menu', 'sheet'],
  },
  {
    id: 'open-essay',
    menuLabel: 'openEssay',
    sheet: 'openEssay',
    keys: [{ mod: true, shift: true, key: 'o' }],
    group: 'menus',
    shows: ['menu', 'sheet'],
  },
  {
    id: 'import-review',
    menuLabel: 'importReview',
    sheet: 'importReview',
    keys: [{ mod: true, key: 'i' }],
    group: 'menus',
    shows: ['menu', 'toolbar', 'sheet'],
  },
  { id: 'share-review', menuLabel: 'shareReview', keys: [], shows: ['menu', 'toolbar'] },
  {
    id: 'export-bundle',
    menuLabel: 'exportBundle',
    sheet: 'exportBundle',
    keys: [{ mod: true, key: 'e' }],
    group: 'menus',
    shows: ['menu', 'toolbar', 'sheet'],
  },
  { id: 'export-w3c', menuLabel: 'exportW3c', keys: [], shows: ['menu', 'toolbar'] },
  { id: 'export-sqlite', menuLabel: 'exportSqlite', keys: [], shows: ['menu', 'toolbar'] },
  { id: 'export-republication', menuLabel: 'exportRepublication', keys: [], shows: ['menu', 'toolbar'] },
  {
    id: 'mark-claim',
    menuLabel: 'markClaim',
    sheet: 'markClaim',
    keys: [{ mod: true, shift: true, key: 'm' }],
    group: 'page',
    shows: ['menu', 'toolbar', 'context', 'sheet'],
  },
  {
    id: 'toggle-edit-mode',
    menuLabel: 'editText',
    sheet: 'toggleEditMode',
    keys: [{ mod: true, shift: true, key: 'e' }],
    group: 'page',
    shows: ['menu', 'toolbar', 'sheet'],
    pageKey: true,
  },
  { id: 'next-claim', sheet: 'nextClaim', keys: [{ alt: true, key: 'ArrowDown' }], group: 'page', shows: ['sheet'] },
  {
    id: 'previous-claim',
    sheet: 'previousClaim',
    keys: [{ alt: true, key: 'ArrowUp' }],
    group: 'page',
    shows: ['sheet'],
  },
  {
    id: 'step-in-panel',
    sheet: 'nextPrevInPanel',
    keys: [{ key: 'j' }, { key: 'k' }],
    group: 'page',
    shows: ['sheet'],
  },
  // The sheet lists one row per verdict of the review's scale (ShortcutsDialog).
  { id: 'set-verdict', keys: '0123456789'.split('').map((key) => ({ key })), group: 'page', shows: ['sheet'] },
  {
    id: 'focus-search',
    sheet: 'focusSearch',
    keys: [{ mod: true, key: 'f' }, { key: '/' }],
    group: 'page',
    shows: ['sheet'],
  },
  {
    id: 'shortcuts',
    menuLabel: 'keyboardShortcuts',
    sheet: 'showShortcuts',
    keys: [{ mod: true, key: '/' }, { key: '?' }],
    group: 'page',
    shows: ['menu', 'toolbar', 'sheet'],
  },
  { id: 'undo', sheet: 'undoClaim', keys: [{ mod: true, key: 'z' }], group: 'page', shows: ['sheet'] },
  { id: 'add-reply', sheet: 'addReply', keys: [{ mod: true, key: 'Enter' }], group: 'page', shows: ['sheet'] },
  { id: 'close-dialog', sheet: 'closeDialog', keys: [{ key: 'Escape' }], group: 'page', shows: ['sheet'] },
] as const satisfies readonly Command[]

export type CommandId = (typeof commandList)[number]['id']
export const commands: readonly (Command & { id: CommandId })[] = commandList

export function command(id: CommandId): Command {
  return commands.find((c) => c.id === id)!
}

/** An Electron accelerator for the command's first combination ('CmdOrCtrl+Shift+M'); undefined without keys. */
export function accelerator(id: CommandId): string | undefined {
  const combo = command(id).keys[0]
  if (!combo) return undefined
  const key = combo.key.length === 1 ? combo.key.toUpperCase() : combo.key.replace(/^Arrow/, '')
  return [combo.mod && 'CmdOrCtrl', combo.alt && 'Alt', combo.shift && 'Shift', key].filter(Boolean).join('+')
}

/** The keys as the sheet shows them: one list of caps per combination. */
export function keyCaps(combo: Combo, mac: boolean): string[] {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' }
  const key = names[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key)
  return [
    combo.mod && (mac ? '⌘' : 'Ctrl'),
    combo.alt && (mac ? '⌥' : 'Alt'),
    combo.shift && (mac ? '⇧' : 'Shift'),
    key,
  ].filter((k): k is string => Boolean(k))
}

/** The command's first combination as menus show it: 'Ctrl+Shift+M', or '⇧⌘M' on a Mac. */
export function shownKeys(id: CommandId, mac: boolean): string {
  return keyCaps(command(id).keys[0], mac).join(mac ? '' : '+')
}

/** aria-keyshortcuts for the command's first combination ('Control+Shift+M', 'Meta+Shift+M'). */
export function ariaKeys(id: CommandId, mac: boolean): string {
  const combo = command(id).keys[0]
  return [combo.mod && (mac ? 'Meta' : 'Control'), combo.alt && 'Alt', combo.shift && 'Shift', combo.key.toUpperCase()]
    .filter(Boolean)
    .join('+')
}

/** Keys some layouts type with Shift: whether Shift is down does not matter for them. */
const TYPED_WITH_SHIFT = new Set(['?', '/'])

interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/**
 * Whether a key press is one of the command's combinations. Letters match by the physical key too:
 * with the Korean layout on, M types 'ㅡ'. Keys typed with Shift ('?') do not ask for Shift.
 */
export function matches(e: KeyLike, id: CommandId, mac: boolean): boolean {
  return command(id).keys.some((c) => {
    const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
    const noMod = !e.ctrlKey && !e.metaKey
    if ((c.mod ? !mod : !noMod) || Boolean(c.alt) !== e.altKey) return false
    if (!TYPED_WITH_SHIFT.has(c.key) && Boolean(c.shift) !== e.shiftKey) return false
    if (/^[a-z]$/.test(c.key)) return e.key.toLowerCase() === c.key || e.code === `Key${c.key.toUpperCase()}`
    return e.key === c.key
  })
}

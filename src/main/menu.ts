import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/contract'
import type { Lang } from '../shared/domain'
import { accelerator, command } from '../shared/commands'
import { strings } from './strings'

export interface MenuActions {
  newReview(): void
  newReviewFromFile(): void
  openReview(): void
  saveReviewAs(): void
  openEssay(): void
  markClaim(): void
  /** Asks the page to run one of its own commands (import and export run in the page, in both transports). */
  pageCommand(command: MenuCommand): void
  setLang(lang: Lang): void
  about(): void
}

export interface MenuOptions {
  lang: Lang
  dev: boolean
  isMac: boolean
  actions: MenuActions
}

/** Builds the application menu in the reviewer's language; called again whenever the language changes. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)))
}

export function menuTemplate({ lang, dev, isMac, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const t = strings(lang)
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.newReview, accelerator: accelerator('new-review'), click: () => actions.newReview() },
      { label: t.newReviewFromFile, click: () => actions.newReviewFromFile() },
      { label: t.openReview, accelerator: accelerator('open-review'), click: () => actions.openReview() },
      { label: t.saveReviewAs, accelerator: accelerator('save-review-as'), click: () => actions.saveReviewAs() },
      { type: 'separator' },
      { label: t.openEssay, accelerator: accelerator('open-essay'), click: () => actions.openEssay() },
      { type: 'separator' },
      {
        label: t.importReview,
        accelerator: accelerator('import-review'),
        click: () => actions.pageCommand('import-review'),
      },
      { label: t.shareReview, click: () => actions.pageCommand('share-review') },
      {
        label: t.exportReview,
        submenu: [
          {
            label: t.exportBundle,
            accelerator: accelerator('export-bundle'),
            click: () => actions.pageCommand('export-bundle'),
          },
          { label: t.exportW3c, click: () => actions.pageCommand('export-w3c') },
          { label: t.exportSqlite, click: () => actions.pageCommand('export-sqlite') },
          { type: 'separator' },
          { label: t.exportRepublication, click: () => actions.pageCommand('export-republication') },
        ],
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: t.quit, role: 'quit' } as const]),
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: t.markClaim, accelerator: accelerator('mark-claim'), click: () => actions.markClaim() },
      // The page owns this key (it must not toggle twice): the menu only shows it.
      {
        label: t.editText,
        accelerator: accelerator('toggle-edit-mode'),
        registerAccelerator: !command('toggle-edit-mode').pageKey,
        click: () => actions.pageCommand('toggle-edit-mode'),
      },
    ],
  }
  const languages: MenuItemConstructorOptions[] = [
    { label: 'English', type: 'radio', checked: lang === 'en', click: () => actions.setLang('en') },
    { label: '한국어', type: 'radio', checked: lang === 'ko', click: () => actions.setLang('ko') },
  ]
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.language, submenu: languages },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...(dev
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      // The page has the sheet (and the same shortcut), so it works in the browser harness too.
      {
        label: t.keyboardShortcuts,
        accelerator: accelerator('shortcuts'),
        click: () => actions.pageCommand('shortcuts'),
      },
      { type: 'separator' },
      { label: t.about, click: () => actions.about() },
    ],
  }
  const app: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { label: t.about, click: () => actions.about() },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : []
  return [...app, file, edit, view, help]
}

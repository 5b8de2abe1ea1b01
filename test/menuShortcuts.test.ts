import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined } }))

import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuActions } from '../src/main/menu'
import type { MenuCommand } from '../src/shared/contract'

describe('Help > Keyboard shortcuts', () => {
  for (const [lang, help, label] of [
    ['en', 'Help', 'Keyboard Shortcuts'],
    ['ko', '도움말', '단축키'],
  ] as const) {
    it(`asks the page for its shortcut sheet (${lang})`, () => {
      const sent: MenuCommand[] = []
      const actions = new Proxy({} as MenuActions, {
        get: (_t, name) => (name === 'pageCommand' ? (c: MenuCommand) => void sent.push(c) : () => undefined),
      })
      const menus = menuTemplate({ lang, dev: false, isMac: false, actions })
      const helpMenu = menus.find((m) => m.label === help)
      const item = (helpMenu?.submenu as MenuItemConstructorOptions[] | undefined)?.find((i) => i.label === label)
      expect(item, `${help} > ${label}`).toBeDefined()
      expect(item?.accelerator).toBe('CmdOrCtrl+/')
      ;(item?.click as () => void)()
      expect(sent).toEqual(['shortcuts'])
    })
  }
})

describe('Edit > Edit Text', () => {
  for (const [lang, edit, label] of [
    ['en', 'Edit', 'Edit Text'],
    ['ko', '편집', '본문 편집'],
  ] as const) {
    it(`asks the page to switch between review and edit mode, and leaves the key to the page (${lang})`, () => {
      const sent: MenuCommand[] = []
      const actions = new Proxy({} as MenuActions, {
        get: (_t, name) => (name === 'pageCommand' ? (c: MenuCommand) => void sent.push(c) : () => undefined),
      })
      const menus = menuTemplate({ lang, dev: false, isMac: false, actions })
      const editMenu = menus.find((m) => m.label === edit)
      const item = (editMenu?.submenu as MenuItemConstructorOptions[] | undefined)?.find((i) => i.label === label)
      expect(item, `${edit} > ${label}`).toBeDefined()
      expect(item?.accelerator).toBe('CmdOrCtrl+Shift+E')
      // The page handles Ctrl/⌘+Shift+E itself; a registered accelerator would switch twice.
      expect(item?.registerAccelerator).toBe(false)
      ;(item?.click as () => void)()
      expect(sent).toEqual(['toggle-edit-mode'])
    })
  }
})

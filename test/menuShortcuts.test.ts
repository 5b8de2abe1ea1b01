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

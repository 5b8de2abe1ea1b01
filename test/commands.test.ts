import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined } }))

import type { MenuItemConstructorOptions } from 'electron'
import { accelerator, commands, keyCaps, matches, type Combo } from '../src/shared/commands'
import { catalogues } from '../src/shared/i18n'
import { menuTemplate, type MenuActions } from '../src/main/menu'

const keyOf = (c: Combo): string =>
  [c.mod && 'mod', c.alt && 'alt', c.shift && 'shift', c.key.toLowerCase()].filter(Boolean).join('+')

function menuItems(lang: 'en' | 'ko'): MenuItemConstructorOptions[] {
  const actions = new Proxy({} as MenuActions, { get: () => () => undefined })
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu) : [])])
  return walk(menuTemplate({ lang, dev: false, isMac: false, actions }))
}

describe('the command table', () => {
  it('gives no key to two commands', () => {
    const seen = new Map<string, string>()
    for (const c of commands) {
      for (const combo of c.keys) {
        const k = keyOf(combo)
        expect(seen.get(k), `${k}: ${c.id} and ${seen.get(k)}`).toBeUndefined()
        seen.set(k, c.id)
      }
    }
    expect(seen.size).toBeGreaterThan(20)
  })

  it('lists every command that has keys in the shortcut sheet, with a text in both languages', () => {
    for (const c of commands.filter((c) => c.keys.length > 0)) {
      expect(c.shows, c.id).toContain('sheet')
      expect(c.group, c.id).toBeDefined()
      if (c.id === 'set-verdict') continue
      for (const lang of ['en', 'ko'] as const) {
        const texts = { ...catalogues[lang].workflow, ...catalogues[lang].mode } as Record<string, unknown>
        expect(typeof texts[c.sheet!], `${lang} ${c.id}`).toBe('string')
      }
    }
  })

  it('puts every menu command in the menu, with its label and the table’s keys, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const items = menuItems(lang)
      for (const c of commands.filter((c) => (c.shows as readonly string[]).includes('menu'))) {
        const label = catalogues[lang].menu[c.menuLabel!]
        const item = items.find((i) => i.label === label)
        expect(item, `${lang}: ${c.id} (${label})`).toBeDefined()
        expect(item?.accelerator, `${lang}: ${c.id}`).toBe(accelerator(c.id))
        if (c.keys.length > 0) expect(item?.accelerator, c.id).toBeTruthy()
      }
    }
  })

  it('matches key presses by the table, letters by their physical key too', () => {
    const press = (
      key: string,
      o: { code?: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean } = {},
    ) => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...o })
    expect(matches(press('M', { ctrlKey: true, shiftKey: true }), 'mark-claim', false)).toBe(true)
    expect(matches(press('ㅡ', { ctrlKey: true, shiftKey: true, code: 'KeyM' }), 'mark-claim', false)).toBe(true)
    expect(matches(press('m', { metaKey: true, shiftKey: true }), 'mark-claim', true)).toBe(true)
    expect(matches(press('m', { ctrlKey: true, shiftKey: true }), 'mark-claim', true)).toBe(false)
    expect(matches(press('z', { ctrlKey: true, shiftKey: true }), 'undo', false)).toBe(false)
    expect(matches(press('?', { shiftKey: true }), 'shortcuts', false)).toBe(true)
    expect(matches(press('ArrowDown', { altKey: true }), 'next-claim', false)).toBe(true)
    expect(matches(press('ArrowDown', { altKey: true, shiftKey: true }), 'next-claim', false)).toBe(false)
    expect(keyCaps({ mod: true, shift: true, key: 'e' }, false)).toEqual(['Ctrl', 'Shift', 'E'])
    expect(keyCaps({ mod: true, shift: true, key: 'e' }, true)).toEqual(['⌘', '⇧', 'E'])
    expect(accelerator('toggle-edit-mode')).toBe('CmdOrCtrl+Shift+E')
  })
})

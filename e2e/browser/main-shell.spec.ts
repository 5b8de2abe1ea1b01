import { test, expect } from '@playwright/test'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinaryAvailable, projectRoot } from '../electronBinary'

/**
 * The Electron binary cannot run on every machine, so this loads the built main bundle
 * (out/main/index.js) against a stand-in `electron` module and checks the shell's wiring: the
 * app:// protocol and its CSP, the IPC sender check, menus in both languages, the File dialogs and
 * the navigation guards. The e2e/electron suite covers the same against the real binary.
 */

type Fn = (...args: never[]) => unknown
type Sent = [channel: string, name: string, payload: unknown]
interface MenuItem { label?: string; click?: () => void; submenu?: MenuItem[] }
interface Frame { url: string; parent: object | null }
type IpcHandler = (event: { senderFrame: Frame | null }, method: string, args: unknown) => Promise<{ ok: boolean; value?: { path: string }; error?: { code: string } }>

test.describe.configure({ mode: 'serial' })
// Where Electron is installed, better-sqlite3 is built for it (Node cannot load it) and the
// e2e/electron suite runs the real shell instead.
test.skip(electronBinaryAvailable, 'the Electron binary is installed: e2e/electron covers the real shell')

const userData = mkdtempSync(join(tmpdir(), 'factdesk-shell-'))
const listeners: Record<string, Fn[]> = {}
const errorBoxes: string[][] = []
const messageBoxes: { type?: string; detail?: string }[] = []
const opened: string[] = []
const dialogAnswers: unknown[] = []
let protocolHandler: (request: Request) => Promise<Response>
let ipcHandler: IpcHandler
let menu: MenuItem[] = []

class FakeWindow {
  static all: FakeWindow[] = []
  sent: Sent[] = []
  url = ''
  title = ''
  webContents = { send: (...args: Sent) => void this.sent.push(args) }
  constructor(readonly options: { title: string; webPreferences: Record<string, unknown> }) {
    FakeWindow.all.push(this)
  }
  on(): void {}
  once(): void {}
  loadURL(url: string): void { this.url = url }
  isDestroyed(): boolean { return false }
  setTitle(title: string): void { this.title = title }
  static getAllWindows(): FakeWindow[] { return FakeWindow.all }
  static getFocusedWindow(): null { return null }
}

const fakeElectron = {
  app: {
    isPackaged: false,
    setPath: () => undefined,
    getPath: () => userData,
    getAppPath: () => projectRoot,
    getLocale: () => 'ko-KR',
    getVersion: () => '0.0.0',
    requestSingleInstanceLock: () => true,
    on: (event: string, fn: Fn) => void (listeners[event] ??= []).push(fn),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, fn: typeof protocolHandler) => void (protocolHandler = fn),
  },
  BrowserWindow: FakeWindow,
  ipcMain: { handle: (_channel: string, fn: IpcHandler) => void (ipcHandler = fn) },
  Menu: { buildFromTemplate: (t: MenuItem[]) => t, setApplicationMenu: (m: MenuItem[]) => void (menu = m) },
  dialog: {
    showErrorBox: (...args: string[]) => void errorBoxes.push(args),
    showMessageBox: async (...args: object[]) => {
      messageBoxes.push(args[args.length - 1])
      return { response: 0 }
    },
    showOpenDialog: async () => dialogAnswers.shift(),
    showSaveDialog: async () => dialogAnswers.shift(),
  },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  shell: { openExternal: async (url: string) => void opened.push(url) },
}

const item = (label: string): MenuItem => {
  const found = menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === label)
  if (!found) throw new Error(`No menu item ${label}; menus: ${menu.map((m) => m.label).join(', ')}`)
  return found
}
const app = { senderFrame: { url: 'app://factdesk/index.html', parent: null } }
const settle = () => new Promise((done) => setTimeout(done, 200))
const window = () => FakeWindow.all[0]

test.beforeAll(async () => {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const load = mod._load
  const argv = process.argv
  const lang = process.env.FACTDESK_LANG
  mod._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : load.call(this, request, ...rest)
  }
  process.argv = [...argv, `--user-data-dir=${userData}`]
  delete process.env.FACTDESK_LANG
  try {
    createRequire(__filename)(join(projectRoot, 'out', 'main', 'index.js'))
    await settle()
  } finally {
    mod._load = load
    process.argv = argv
    if (lang !== undefined) process.env.FACTDESK_LANG = lang
  }
})

test.afterAll(() => {
  for (const fn of listeners['will-quit'] ?? []) fn()
  rmSync(userData, { recursive: true, force: true })
})

test('one sandboxed window on app://, the default review made from the bundled essay', () => {
  expect(window().url).toBe('app://factdesk/index.html')
  expect(window().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
  expect(existsSync(String(window().options.webPreferences.preload))).toBe(true)
  expect(existsSync(join(userData, 'reviews', 'default.factdesk'))).toBe(true)
  expect(errorBoxes).toEqual([])
})

test('app:// serves the renderer with the CSP and nothing outside it', async () => {
  const page = await protocolHandler(new Request('app://factdesk/index.html'))
  expect(page.status).toBe(200)
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  expect((await protocolHandler(new Request('app://factdesk/%2e%2e/%2e%2e/package.json'))).status).toBe(404)
  expect((await protocolHandler(new Request('app://elsewhere/index.html'))).status).toBe(404)
})

test('IPC answers the app page only, and validates the arguments', async () => {
  expect((await ipcHandler(app, 'review-info', {})).ok).toBe(true)
  const foreign = await ipcHandler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'review-info', {})
  expect(foreign.error?.code).toBe('request-not-allowed')
  const subframe = await ipcHandler({ senderFrame: { url: 'app://factdesk/index.html', parent: {} } }, 'review-info', {})
  expect(subframe.error?.code).toBe('request-not-allowed')
  expect((await ipcHandler({ senderFrame: null }, 'review-info', {})).error?.code).toBe('request-not-allowed')
  expect((await ipcHandler(app, 'claim-update', { id: 1 })).error?.code).toBe('invalid-args')
})

test('menus follow the language; Mark claim reaches the page', () => {
  expect(menu.map((m) => m.label)).toEqual(['파일', '편집', '보기', '도움말'])
  item('주장 표시').click?.()
  expect(window().sent.at(-1)).toEqual(['factdesk:event', 'menu-command', { command: 'mark-claim' }])
  const languages = item('언어').submenu ?? []
  languages.find((i) => i.label === 'English')?.click?.()
  expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
  expect(window().sent.at(-1)?.[1]).toBe('prefs-changed')
  expect(JSON.parse(readFileSync(join(userData, 'prefs.json'), 'utf8')).lang).toBe('en')
})

test('a file that is not a review is reported and the open review stays', async () => {
  const junk = join(userData, 'junk.factdesk')
  writeFileSync(junk, 'junk')
  dialogAnswers.push({ canceled: false, filePaths: [junk] })
  item('Open Review…').click?.()
  await settle()
  expect(messageBoxes.at(-1)).toMatchObject({ type: 'error' })
  expect(messageBoxes.at(-1)?.detail).toContain('not a Factdesk review file')
  expect(readFileSync(junk, 'utf8')).toBe('junk')
  expect((await ipcHandler(app, 'review-info', {})).value?.path).toMatch(/default\.factdesk$/)
})

test('Open essay starts a review where the reviewer saves it; Save as moves to the copy', async () => {
  dialogAnswers.push(
    { canceled: false, filePaths: [join(projectRoot, 'resources', 'essays', 'seoul-openai.md')] },
    { canceled: false, filePath: join(userData, 'mine') },
  )
  item('Open Essay…').click?.()
  await settle()
  expect(window().sent.at(-1)).toEqual(['factdesk:event', 'review-changed', { reason: 'created' }])
  expect((await ipcHandler(app, 'review-info', {})).value?.path).toBe(join(userData, 'mine.factdesk'))
  dialogAnswers.push({ canceled: false, filePath: join(userData, 'copy.factdesk') })
  item('Save Review As…').click?.()
  await expect.poll(() => window().sent.at(-1)?.[2]).toEqual({ reason: 'saved-as' })
  expect((await ipcHandler(app, 'review-info', {})).value?.path).toBe(join(userData, 'copy.factdesk'))
})

test('New review from a bundle starts from the bundle’s own essay', async () => {
  // A bundle of a review whose essay was corrected ("하이닉스" → "SK하이닉스").
  const exported = (await ipcHandler(app, 'review-export', { format: 'bundle' })).value as unknown as { data: string }
  const bundle = JSON.parse(exported.data) as { document: { text: string; hash: string; blocks: { inlines: { text: string }[] }[] } }
  for (const b of bundle.document.blocks) for (const r of b.inlines) r.text = r.text.replace('하이닉스', 'SK하이닉스')
  bundle.document.text = bundle.document.text.replace('하이닉스', 'SK하이닉스')
  bundle.document.hash = 'sha256:' + createHash('sha256').update(bundle.document.text, 'utf8').digest('hex')
  const file = join(userData, 'corrected.factdesk.json')
  writeFileSync(file, JSON.stringify(bundle))
  dialogAnswers.push({ canceled: false, filePaths: [file] }, { canceled: false, filePath: join(userData, 'from-bundle') })
  item('New Review from a Review File or Bundle…').click?.()
  await expect.poll(() => window().sent.at(-1)).toEqual(['factdesk:event', 'review-changed', { reason: 'created' }])
  expect((await ipcHandler(app, 'review-info', {})).value?.path).toBe(join(userData, 'from-bundle.factdesk'))
  expect(((await ipcHandler(app, 'document-get', {})).value as unknown as { text: string }).text).toBe(bundle.document.text)
})

test('navigation is denied; only http(s) links open, in the system browser', () => {
  const handlers: Record<string, (event: { preventDefault: () => void }) => void> = {}
  let openHandler: (details: { url: string }) => unknown = () => undefined
  for (const fn of listeners['web-contents-created'] ?? []) {
    ;(fn as unknown as (e: object, contents: object) => void)({}, {
      on: (event: string, handler: (typeof handlers)[string]) => void (handlers[event] = handler),
      setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    })
  }
  let prevented = false
  handlers['will-navigate']({ preventDefault: () => void (prevented = true) })
  expect(prevented).toBe(true)
  for (const url of ['https://example.com/a b', 'javascript:alert(1)', 'file:///etc/passwd', 'http://']) {
    expect(openHandler({ url })).toEqual({ action: 'deny' })
  }
  expect(opened).toEqual(['https://example.com/a%20b'])
})

/**
 * The Electron shell's wiring, under Node with a stand-in `electron` module, so it runs on every
 * machine (with or without the Electron binary): the app:// protocol and its CSP, the IPC sender
 * check, menus in both languages, the File dialogs and the navigation guards. The e2e/electron suite
 * covers the same against the real binary where it exists.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

type Fn = (...args: never[]) => unknown
type Sent = [channel: string, name: string, payload: unknown]
interface MenuItem {
  label?: string
  click?: () => void
  submenu?: MenuItem[]
}
interface Frame {
  url: string
  parent: object | null
}
type IpcHandler = (
  event: { senderFrame: Frame | null },
  method: string,
  args: unknown,
) => Promise<{ ok: boolean; value?: { path: string }; error?: { code: string } }>

const projectRoot = join(__dirname, '..')

const shell = vi.hoisted(() => {
  const state = {
    userData: '',
    listeners: {} as Record<string, Fn[]>,
    errorBoxes: [] as string[][],
    messageBoxes: [] as { type?: string; detail?: string }[],
    opened: [] as string[],
    dialogAnswers: [] as unknown[],
    protocolHandler: undefined as unknown as (request: Request) => Promise<Response>,
    ipcHandler: undefined as unknown as IpcHandler,
    menu: [] as MenuItem[],
    windows: [] as FakeWindowShape[],
  }
  interface FakeWindowShape {
    sent: Sent[]
    url: string
    title: string
    options: { webPreferences: Record<string, unknown> }
  }
  class FakeWindow implements FakeWindowShape {
    sent: Sent[] = []
    url = ''
    title = ''
    webContents = { send: (...args: Sent) => void this.sent.push(args) }
    constructor(readonly options: { title: string; webPreferences: Record<string, unknown> }) {
      state.windows.push(this)
    }
    on(): void {}
    once(): void {}
    loadURL(url: string): void {
      this.url = url
    }
    isDestroyed(): boolean {
      return false
    }
    setTitle(title: string): void {
      this.title = title
    }
    static getAllWindows(): FakeWindow[] {
      return state.windows as FakeWindow[]
    }
    static getFocusedWindow(): null {
      return null
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: () => undefined,
      getPath: () => state.userData,
      getAppPath: () => '',
      getLocale: () => 'ko-KR',
      getVersion: () => '0.0.0',
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Fn) => void (state.listeners[event] ??= []).push(fn),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, fn: typeof state.protocolHandler) => void (state.protocolHandler = fn),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (_channel: string, fn: IpcHandler) => void (state.ipcHandler = fn) },
    Menu: { buildFromTemplate: (t: MenuItem[]) => t, setApplicationMenu: (m: MenuItem[]) => void (state.menu = m) },
    dialog: {
      showErrorBox: (...args: string[]) => void state.errorBoxes.push(args),
      showMessageBox: async (...args: object[]) => {
        state.messageBoxes.push(args[args.length - 1])
        return { response: 0 }
      },
      showOpenDialog: async () => state.dialogAnswers.shift(),
      showSaveDialog: async () => state.dialogAnswers.shift(),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
  }
  return { state, electron }
})

vi.mock('electron', () => ({ ...shell.electron, default: shell.electron }))

const { state } = shell
const item = (label: string): MenuItem => {
  const found = state.menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === label)
  if (!found) throw new Error(`No menu item ${label}; menus: ${state.menu.map((m) => m.label).join(', ')}`)
  return found
}
const app = { senderFrame: { url: 'app://factdesk/index.html', parent: null } }
const window = () => state.windows[0]
const lastSent = () => window()?.sent.at(-1)

beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'factdesk-shell-'))
  shell.electron.app.getAppPath = () => projectRoot
  const argv = process.argv
  const lang = process.env.FACTDESK_LANG
  process.argv = [...argv, `--user-data-dir=${state.userData}`]
  delete process.env.FACTDESK_LANG
  try {
    await import('../src/main/index')
    await vi.waitFor(() => expect(window()).toBeDefined())
  } finally {
    process.argv = argv
    if (lang !== undefined) process.env.FACTDESK_LANG = lang
  }
})

afterAll(() => {
  for (const fn of state.listeners['will-quit'] ?? []) fn()
  rmSync(state.userData, { recursive: true, force: true })
})

describe('the Electron shell', () => {
  it('opens one sandboxed window on app://, the default review made from the bundled essay', async () => {
    expect(window().url).toBe('app://factdesk/index.html')
    expect(window().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(String(window().options.webPreferences.preload)).toMatch(/preload[\\/]index\.c?js$/)
    expect((await state.ipcHandler(app, 'review-info', {})).value?.path).toBe(
      join(state.userData, 'reviews', 'default.factdesk'),
    )
    expect(state.errorBoxes).toEqual([])
  })

  it('serves the renderer on app:// with the CSP and nothing outside it', async () => {
    const page = await state.protocolHandler(new Request('app://factdesk/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect((await state.protocolHandler(new Request('app://factdesk/%2e%2e/%2e%2e/package.json'))).status).toBe(404)
    expect((await state.protocolHandler(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('answers IPC from the app page only, and validates the arguments', async () => {
    expect((await state.ipcHandler(app, 'review-info', {})).ok).toBe(true)
    const foreign = await state.ipcHandler(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      'review-info',
      {},
    )
    expect(foreign.error?.code).toBe('request-not-allowed')
    const subframe = await state.ipcHandler(
      { senderFrame: { url: 'app://factdesk/index.html', parent: {} } },
      'review-info',
      {},
    )
    expect(subframe.error?.code).toBe('request-not-allowed')
    expect((await state.ipcHandler({ senderFrame: null }, 'review-info', {})).error?.code).toBe('request-not-allowed')
    expect((await state.ipcHandler(app, 'claim-update', { id: 1 })).error?.code).toBe('invalid-args')
  })

  it('builds menus in the language of the preferences; Mark claim reaches the page', () => {
    expect(state.menu.map((m) => m.label)).toEqual(['파일', '편집', '보기', '도움말'])
    item('주장 표시').click?.()
    expect(lastSent()).toEqual(['factdesk:event', 'menu-command', { command: 'mark-claim' }])
    const languages = item('언어').submenu ?? []
    languages.find((i) => i.label === 'English')?.click?.()
    expect(state.menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(lastSent()?.[1]).toBe('prefs-changed')
    expect(JSON.parse(readFileSync(join(state.userData, 'prefs.json'), 'utf8')).lang).toBe('en')
  })

  it('reports a file that is not a review and keeps the open review', async () => {
    const junk = join(state.userData, 'junk.factdesk')
    writeFileSync(junk, 'junk')
    state.dialogAnswers.push({ canceled: false, filePaths: [junk] })
    item('Open Review…').click?.()
    await vi.waitFor(() => expect(state.messageBoxes.at(-1)).toMatchObject({ type: 'error' }))
    expect(state.messageBoxes.at(-1)?.detail).toContain('not a Factdesk review file')
    expect(readFileSync(junk, 'utf8')).toBe('junk')
    expect((await state.ipcHandler(app, 'review-info', {})).value?.path).toMatch(/default\.factdesk$/)
  })

  it('starts a review of an opened essay where the reviewer saves it; Save as moves to the copy', async () => {
    state.dialogAnswers.push(
      { canceled: false, filePaths: [join(projectRoot, 'resources', 'essays', 'seoul-openai.md')] },
      { canceled: false, filePath: join(state.userData, 'mine') },
    )
    item('Open Essay…').click?.()
    await vi.waitFor(() => expect(lastSent()).toEqual(['factdesk:event', 'review-changed', { reason: 'created' }]))
    expect((await state.ipcHandler(app, 'review-info', {})).value?.path).toBe(join(state.userData, 'mine.factdesk'))
    state.dialogAnswers.push({ canceled: false, filePath: join(state.userData, 'copy.factdesk') })
    item('Save Review As…').click?.()
    await vi.waitFor(() => expect(lastSent()?.[2]).toEqual({ reason: 'saved-as' }))
    expect((await state.ipcHandler(app, 'review-info', {})).value?.path).toBe(join(state.userData, 'copy.factdesk'))
  })

  it('starts a new review from a bundle with the bundle’s own essay', async () => {
    // A bundle of a review whose essay was corrected ("하이닉스" → "SK하이닉스").
    const exported = (await state.ipcHandler(app, 'review-export', { format: 'bundle' })).value as unknown as {
      data: string
    }
    const bundle = JSON.parse(exported.data) as {
      document: { text: string; hash: string; blocks: { inlines: { text: string }[] }[] }
    }
    for (const b of bundle.document.blocks) for (const r of b.inlines) r.text = r.text.replace('하이닉스', 'SK하이닉스')
    bundle.document.text = bundle.document.text.replace('하이닉스', 'SK하이닉스')
    bundle.document.hash = 'sha256:' + createHash('sha256').update(bundle.document.text, 'utf8').digest('hex')
    const file = join(state.userData, 'corrected.factdesk.json')
    writeFileSync(file, JSON.stringify(bundle))
    state.dialogAnswers.push(
      { canceled: false, filePaths: [file] },
      { canceled: false, filePath: join(state.userData, 'from-bundle') },
    )
    item('New Review from a Review File or Bundle…').click?.()
    await vi.waitFor(() => expect(lastSent()).toEqual(['factdesk:event', 'review-changed', { reason: 'created' }]), {
      timeout: 10_000,
    })
    expect((await state.ipcHandler(app, 'review-info', {})).value?.path).toBe(
      join(state.userData, 'from-bundle.factdesk'),
    )
    expect(((await state.ipcHandler(app, 'document-get', {})).value as unknown as { text: string }).text).toBe(
      bundle.document.text,
    )
  })

  it('denies navigation and opens only http(s) links, in the system browser', () => {
    const handlers: Record<string, (event: { preventDefault: () => void }) => void> = {}
    let openHandler: (details: { url: string }) => unknown = () => undefined
    for (const fn of state.listeners['web-contents-created'] ?? []) {
      ;(fn as unknown as (e: object, contents: object) => void)(
        {},
        {
          on: (event: string, handler: (typeof handlers)[string]) => void (handlers[event] = handler),
          setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
        },
      )
    }
    let prevented = false
    handlers['will-navigate']({ preventDefault: () => void (prevented = true) })
    expect(prevented).toBe(true)
    for (const url of ['https://example.com/a b', 'javascript:alert(1)', 'file:///etc/passwd', 'http://']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' })
    }
    expect(state.opened).toEqual(['https://example.com/a%20b'])
  })
})

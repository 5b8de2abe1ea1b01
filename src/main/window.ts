import { app, BrowserWindow, session, shell } from 'electron'
import { isHttpUrl } from '../shared/url'

export interface WindowOptions {
  preload: string
  url: string
  title: string
}

export function createMainWindow({ preload, url, title }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  // The window title names the open review; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}

/** Opens a link in the system browser when it is an http(s) URL; anything else is dropped. */
export function openExternalLink(url: string): void {
  if (!isHttpUrl(url)) return
  void shell.openExternal(new URL(url).href)
}

/** Applies to every web contents the app ever creates, including ones we did not create ourselves. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      openExternalLink(url)
      return { action: 'deny' }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

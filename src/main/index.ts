import { app, BrowserWindow, dialog } from 'electron'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readEssayFile } from '../core/document/essayFile'
import type { ParsedEssay } from '../core/document/essayFormat'
import { createApp } from '../core/app'
import { openForWindow } from '../core/review/session'
import { stopSync } from '../core/sync/handlers'
import { guardClose } from './closeGuard'
import type { VerdictScale } from '../shared/scales'
import { ReviewStore } from '../core/review/store'
import type { Lang } from '../shared/domain'
import { errorText, FactdeskError } from '../shared/errors'
import { Worker } from 'node:worker_threads'
import importWorkerPath from '../core/exchange/importWorker?modulePath'
import { IMPORT_WORKER_OPTIONS, workerImportRunner } from '../core/exchange/importRunner'
import { createFileActions } from './actions'
import { reviewPathFromArgv } from './openFile'
import { broadcast, handleCalls, sendEvent } from './ipc'
import { installMenu } from './menu'
import { electronPdfRenderer } from './pdf'
import { APP_URL, isAppUrl, registerAppScheme, serveRenderer } from './protocol'
import { strings } from './strings'
import { createMainWindow, hardenWebContents } from './window'
import { reviewInfo } from '../core/document/queries'

/** `--name=value` or `--name value` from the command line. */
function argValue(name: string): string | undefined {
  const argv = process.argv
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && i + 1 < argv.length) return argv[i + 1]
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3)
  }
  return undefined
}

const userDataDir = argValue('user-data-dir')
if (userDataDir) app.setPath('userData', resolve(userDataDir))

registerAppScheme()

/** A file macOS asked to open before the app was ready (its 'open-file' event comes early). */
let pendingFile: string | undefined
let openFile: (path: string) => void = (path) => {
  pendingFile = path
}
app.on('open-file', (event, path) => {
  event.preventDefault()
  openFile(path)
})

/**
 * Opens <userData>/reviews/default.factdesk, creating it from the bundled essay when missing. A file
 * that cannot be read is left alone and the reviewer works in a fresh file, told where.
 */
function openDefaultReview(
  reviewsDir: string,
  essay: () => ParsedEssay,
  lang: Lang,
  scale?: VerdictScale,
): ReviewStore {
  mkdirSync(reviewsDir, { recursive: true })
  const requested = pendingFile ?? reviewPathFromArgv(process.argv, process.cwd())
  if (requested) {
    try {
      return openForWindow(requested)
    } catch (err) {
      if (!(err instanceof FactdeskError)) throw err
      dialog.showErrorBox(strings(lang).cannotOpen, errorText(lang, err))
    }
  }
  try {
    return openForWindow(join(reviewsDir, 'default.factdesk'), essay(), { scale })
  } catch (err) {
    if (!(err instanceof FactdeskError)) throw err
    const fresh = join(reviewsDir, `default-${new Date().toISOString().replace(/[:.]/g, '-')}.factdesk`)
    const store = openForWindow(fresh, essay(), { scale })
    const t = strings(lang)
    dialog.showErrorBox(t.defaultUnreadable, `${errorText(lang, err)}\n\n${t.startedFresh(fresh)}`)
    return store
  }
}

function start(): void {
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
  const bundledEssay = (): ParsedEssay => readEssayFile(join(resourcesDir, 'essays', 'seoul-openai.md'))
  const userData = app.getPath('userData')
  const reviewsDir = join(userData, 'reviews')
  let closeGuard: { editsSaved(): void } | undefined
  const { prefs, session, service } = createApp({
    dataDir: userData,
    lang: { flag: argValue('lang'), env: process.env.FACTDESK_LANG, osLocale: app.getLocale() },
    firstReview: ({ lang, scale }) => openDefaultReview(reviewsDir, bundledEssay, lang, scale),
    onEditsSaved: () => closeGuard?.editsSaved(),
    renderPdf: electronPdfRenderer(),
    // Imports run in a worker thread with their own connection: the main process keeps serving the window.
    runImport: workerImportRunner(() => new Worker(importWorkerPath, IMPORT_WORKER_OPTIONS)),
    emit: (event, payload) => {
      if (event === 'prefs-changed') prefsChanged()
      else broadcast(event, payload)
    },
  })
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

  let mainWindow: BrowserWindow | undefined
  const currentWindow = (): BrowserWindow | undefined =>
    BrowserWindow.getFocusedWindow() ?? (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined)
  const windowTitle = (): string => `${reviewInfo(session.store).documentTitle} — Factdesk`

  const files = createFileActions({
    session,
    reviewsDir,
    bundledEssay,
    window: currentWindow,
    lang: () => prefs.get().lang,
    reviewerName: () => prefs.get().reviewerName,
  })
  const rebuildMenu = (): void =>
    installMenu({
      lang: prefs.get().lang,
      dev: !app.isPackaged,
      isMac: process.platform === 'darwin',
      actions: {
        newReview: () => void files.newReview(),
        newReviewFromFile: () => void files.newReviewFromFile(),
        openReview: () => void files.openReview(),
        saveReviewAs: () => void files.saveReviewAs(),
        openEssay: () => void files.openEssay(),
        about: () => void files.about(),
        markClaim: () => {
          const win = currentWindow()
          if (win) sendEvent(win, 'menu-command', { command: 'mark-claim' })
        },
        pageCommand: (command) => {
          const win = currentWindow()
          if (win) sendEvent(win, 'menu-command', { command })
        },
        setLang: (next) => {
          prefs.set({ lang: next })
          prefsChanged()
        },
      },
    })
  const prefsChanged = (): void => {
    broadcast('prefs-changed', prefs.get())
    rebuildMenu()
  }

  handleCalls(service, (url) => isAppUrl(url, devServerUrl))
  serveRenderer(join(__dirname, '../renderer'))
  session.onChange(() => {
    for (const win of BrowserWindow.getAllWindows()) win.setTitle(windowTitle())
  })
  rebuildMenu()

  const openWindow = (): void => {
    const win = createMainWindow({
      preload: join(__dirname, '../preload/index.cjs'),
      url: devServerUrl ?? APP_URL,
      title: windowTitle(),
    })
    mainWindow = win
    closeGuard = guardClose(win, () => sendEvent(win, 'menu-command', { command: 'prepare-close' }))
  }
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  openFile = (path) => void files.openReviewAt(path)
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const requested = reviewPathFromArgv(argv, workingDirectory)
    if (requested) openFile(requested)
    const win = currentWindow()
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('will-quit', () => {
    stopSync(session)
    session.close()
  })
}

// One process owns the review file's single writer connection.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(() => {
      hardenWebContents()
      start()
    })
    .catch((err: unknown) => {
      dialog.showErrorBox('Factdesk', err instanceof Error ? err.message : String(err))
      app.exit(1)
    })
}

import { BrowserWindow, session } from 'electron'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PdfRenderer } from '../core/republish/pdf'

/**
 * Prints exported HTML to PDF with Electron: an offscreen, sandboxed window with JavaScript off, in a
 * private in-memory session that may fetch nothing but the page itself, loads the page from a private
 * temporary file and prints it; the window and the file are gone afterwards.
 */
export function electronPdfRenderer(): PdfRenderer {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-pdf-'))
    const page = join(dir, 'page.html')
    writeFileSync(page, html, 'utf8')
    const pageUrl = pathToFileURL(page).href
    const partition = `factdesk-pdf-${Date.now()}-${Math.random().toString(36).slice(2)}`
    const ses = session.fromPartition(partition, { cache: false })
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== pageUrl && !details.url.startsWith('data:') }),
    )
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    const win = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: {
        offscreen: true,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        images: true,
        session: ses,
        spellcheck: false,
      },
    })
    try {
      await win.loadURL(pageUrl)
      return await win.webContents.printToPDF({
        printBackground: true,
        pageSize: 'A4',
        preferCSSPageSize: true,
        displayHeaderFooter: false,
      })
    } finally {
      if (!win.isDestroyed()) win.destroy()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import { basename, extname, join } from 'node:path'
import { readFileSync } from 'node:fs'
import { readEssayFile } from '../core/document/essayFile'
import { bundleOfFile } from '../core/exchange/newReview'
import type { ParsedEssay } from '../core/document/essayFormat'
import type { ReviewSession } from '../core/review/session'
import type { Lang } from '../shared/domain'
import { errorText, FactdeskError } from '../shared/errors'
import { strings } from './strings'

export interface FileActionDeps {
  session: ReviewSession
  reviewsDir: string
  bundledEssay: () => ParsedEssay
  window: () => BrowserWindow | undefined
  lang: () => Lang
  /** Recorded as the importer of the file a new review is made from. */
  reviewerName: () => string
}

export interface FileActions {
  newReview(): Promise<void>
  newReviewFromFile(): Promise<void>
  openReview(): Promise<void>
  /** Opens a review file the system handed over (a double-click, a second launch). */
  openReviewAt(path: string): Promise<void>
  saveReviewAs(): Promise<void>
  openEssay(): Promise<void>
  about(): Promise<void>
}

const REVIEW_EXT = 'factdesk'

/** File menu commands. A refused file is reported in a dialog and the current review stays open. */
export function createFileActions(deps: FileActionDeps): FileActions {
  const t = () => strings(deps.lang())
  const reviewFilter = (): FileFilter[] => [
    { name: t().reviewFiles, extensions: [REVIEW_EXT] },
    { name: t().allFiles, extensions: ['*'] },
  ]

  async function askSavePath(title: string, suggested: string): Promise<string | undefined> {
    const options = {
      title,
      defaultPath: join(deps.reviewsDir, suggested),
      filters: reviewFilter(),
      properties: ['showOverwriteConfirmation', 'createDirectory'] as Array<
        'showOverwriteConfirmation' | 'createDirectory'
      >,
    }
    const win = deps.window()
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return undefined
    return extname(result.filePath) ? result.filePath : `${result.filePath}.${REVIEW_EXT}`
  }

  async function askOpenPath(title: string, filters: FileFilter[]): Promise<string | undefined> {
    const options = { title, filters, properties: ['openFile'] as Array<'openFile'> }
    const win = deps.window()
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return result.canceled ? undefined : result.filePaths[0]
  }

  async function reportError(message: string, err: unknown): Promise<void> {
    const detail = `${err instanceof FactdeskError ? errorText(deps.lang(), err) : err instanceof Error ? err.message : String(err)}\n\n${t().currentStaysOpen}`
    const options = { type: 'error' as const, message, detail, buttons: [t().ok] }
    const win = deps.window()
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
  }

  async function attempt(failure: string, work: () => Promise<void> | void): Promise<void> {
    try {
      await work()
    } catch (err) {
      await reportError(failure, err)
    }
  }

  return {
    newReview: () =>
      attempt(t().cannotCreate, async () => {
        const path = await askSavePath(t().newReviewTitle, `review.${REVIEW_EXT}`)
        if (path) deps.session.create(path, deps.bundledEssay())
      }),
    newReviewFromFile: () =>
      attempt(t().cannotCreate, async () => {
        const from = await askOpenPath(t().newFromFileTitle, [
          { name: t().reviewOrBundleFiles, extensions: [REVIEW_EXT, 'json', 'jsonld'] },
          { name: t().allFiles, extensions: ['*'] },
        ])
        if (!from) return
        const name = basename(from)
        const bytes = readFileSync(from)
        // Checked before asking where to save, so a file that carries no essay is reported at once.
        await bundleOfFile(name, bytes)
        const path = await askSavePath(
          t().newReviewTitle,
          `${name.replace(/(\.factdesk)?(\.json)?$/i, '')}.${REVIEW_EXT}`,
        )
        if (path) await deps.session.createFromFile(path, name, bytes, deps.reviewerName())
      }),
    openReview: () =>
      attempt(t().cannotOpen, async () => {
        const path = await askOpenPath(t().openReviewTitle, reviewFilter())
        if (path) deps.session.open(path)
      }),
    openReviewAt: (path) => attempt(t().cannotOpen, () => deps.session.open(path)),
    saveReviewAs: () =>
      attempt(t().cannotSave, async () => {
        const path = await askSavePath(t().saveAsTitle, basename(deps.session.store.path))
        if (path) await deps.session.saveAs(path)
      }),
    openEssay: () =>
      attempt(t().cannotOpenEssay, async () => {
        const essayPath = await askOpenPath(t().openEssayTitle, [
          { name: t().essayFiles, extensions: ['md', 'markdown', 'txt'] },
          { name: t().allFiles, extensions: ['*'] },
        ])
        if (!essayPath) return
        // Read before asking where to save, so an unreadable essay is reported at once.
        const essay = readEssayFile(essayPath)
        const path = await askSavePath(
          t().saveEssayReviewTitle,
          `${basename(essayPath, extname(essayPath))}.${REVIEW_EXT}`,
        )
        if (path) deps.session.create(path, essay)
      }),
    about: async () => {
      const options = {
        type: 'info' as const,
        message: 'Factdesk',
        detail: t().aboutDetail(app.getVersion()),
        buttons: [t().ok],
      }
      const win = deps.window()
      await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
    },
  }
}

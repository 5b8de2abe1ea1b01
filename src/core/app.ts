import { join } from 'node:path'
import type { Lang } from '../shared/domain'
import type { VerdictScale } from '../shared/scales'
import type { ImportRunner } from './exchange/importRunner'
import { PrefsStore, resolveLang } from './prefs/prefs'
import type { Service, ServiceContext } from './registry'
import type { PdfRenderer } from './republish/pdf'
import { ReviewSession } from './review/session'
import type { ReviewStore } from './review/store'
import { builtinScale } from './scales/scales'
import { createService } from './service'
import { prepareDeskReads } from './document/deskReads'

/**
 * The composition root: what the Electron app (src/main/index.ts) and the browser harness
 * (src/harness/server.ts) both start with — the reviewer's prefs, the session on the first review and
 * the service table over them — wired the same way. Each host adds only its transport and its window.
 */
export interface AppOptions {
  /** Where prefs.json lives (the app's userData, the harness's data folder). */
  dataDir: string
  /** Where the language comes from: a command-line flag or FACTDESK_LANG force it; else the OS locale. */
  lang: { flag?: string; env?: string; osLocale?: string }
  /**
   * Opens the review the window starts on. `scale` is the verdict scale a new review starts with (the
   * reviewer's default); `lang` is the language to tell the reviewer a refusal in.
   */
  firstReview: (start: { lang: Lang; scale: VerdictScale | undefined }) => ReviewStore
  /** Pushes an event to every window (IPC) or page (harness). */
  emit: ServiceContext['emit']
  onEditsSaved?: () => void
  runImport?: ImportRunner
  renderPdf?: PdfRenderer
}

export interface App {
  prefs: PrefsStore
  session: ReviewSession
  service: Service
  close(): void
}

export function createApp(options: AppOptions): App {
  const { lang, forced } = resolveLang(options.lang)
  // No reviewer name until the reviewer gives one (the app asks): the OS login is never used silently.
  const prefs = new PrefsStore(
    join(options.dataDir, 'prefs.json'),
    { reviewerName: '', lang },
    forced ? lang : undefined,
  )
  const newReviewScale = (): VerdictScale | undefined => builtinScale(prefs.get().defaultScale)
  const session = new ReviewSession(
    options.firstReview({ lang: prefs.get().lang, scale: newReviewScale() }),
    newReviewScale,
  )
  session.watchExternalChanges()
  const service = createService({
    session,
    prefs,
    emit: options.emit,
    onEditsSaved: options.onEditsSaved,
    runImport: options.runImport,
    renderPdf: options.renderPdf,
  })
  session.onChange((reason) => options.emit('review-changed', { reason }))
  // The window is still loading its script: the service answers its first two reads from this.
  const opened = session.store
  setImmediate(() => prepareDeskReads(opened))
  return { prefs, session, service, close: () => session.close() }
}

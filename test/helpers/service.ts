/** The review service as the UI reaches it: one fixture for tests that go through `dispatch`. */
import { test as base } from 'vitest'
import { PrefsStore } from '../../src/core/prefs/prefs'
import { ReviewSession } from '../../src/core/review/session'
import { openReview } from '../../src/core/review/open'
import { createService, dispatch } from '../../src/core/service'
import type { Service } from '../../src/core/registry'
import type { ImportRunner } from '../../src/core/exchange/importRunner'
import type { ReviewStore } from '../../src/core/review/store'
import type { ArgsOf, CallResult, EventName, Events, Method, ResultOf } from '../../src/shared/contract'
import type { Prefs } from '../../src/shared/domain'
import { bundledEssay, tempDir, type TempDir } from './essay'

export interface Desk {
  readonly session: ReviewSession
  readonly prefs: PrefsStore
  readonly service: Service
  /** Every event the service pushed to the windows, in order. */
  readonly events: { event: EventName; payload: unknown }[]
  /** Any call, arguments unchecked by the compiler (for refused input); answers as the transports do. */
  call(method: unknown, args?: unknown): Promise<CallResult<Method>>
  /** A call that must succeed: typed by the contract, it throws with the service's code and message otherwise. */
  callOk<M extends Method>(method: M, ...args: ArgsList<M>): Promise<ResultOf<M>>
}

/** The arguments may be left out where the method takes none that are required. */
type ArgsList<M extends Method> = Record<never, never> extends ArgsOf<M> ? [args?: ArgsOf<M>] : [args: ArgsOf<M>]

/**
 * A service over `store`, with the reviewer's preferences kept in memory (or in `prefsFile`);
 * `runImport` runs imports as the app does (e.g. `workerRunner` of ./importWorker.ts).
 */
export function openDesk(
  store: ReviewStore,
  prefs: Partial<Prefs> = {},
  prefsFile: string | null = null,
  { runImport }: { runImport?: ImportRunner } = {},
): Desk {
  const session = new ReviewSession(store)
  const prefsStore = new PrefsStore(prefsFile, { reviewerName: '김기자', lang: 'ko', ...prefs })
  const events: Desk['events'] = []
  const service = createService({
    session,
    prefs: prefsStore,
    runImport,
    emit: (event, payload) => void events.push({ event, payload }),
  })
  const call = (method: unknown, args?: unknown) => dispatch(service, method, args)
  return {
    session,
    prefs: prefsStore,
    service,
    events,
    call,
    async callOk(method, ...args) {
      const r = await call(method, args[0] ?? {})
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value as ResultOf<typeof method>
    },
  }
}

/**
 * Imports a W3C annotation whose quote is not in the essay: the review gains a claim not found in it,
 * with the annotation's note.
 */
export async function importLostClaim(desk: Desk, quote: string): Promise<void> {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'urn:x:lost',
    body: { type: 'TextualBody', value: '확인 필요' },
    target: { source: 'https://example.org/essay', selector: { type: 'TextQuoteSelector', exact: quote } },
  }
  await desk.callOk('review-import', {
    fileName: 'notes.jsonld',
    data: Buffer.from(JSON.stringify(annotation)).toString('base64'),
  })
}

/** The import progress the desk's service reported, in order. */
export function importProgress(desk: Desk): Events['import-progress'][] {
  return desk.events.filter((e) => e.event === 'import-progress').map((e) => e.payload as Events['import-progress'])
}

/** `deskTest(...)`: each test gets a fresh review file of the bundled essay (`desk`) in its own folder (`dir`). */
export const deskTest = base.extend<{ dir: TempDir; desk: Desk }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
  dir: async ({}, use) => {
    const dir = tempDir()
    await use(dir)
    dir.remove()
  },
  desk: async ({ dir }, use) => {
    const desk = openDesk(openReview(dir.file('review.factdesk'), bundledEssay()))
    await use(desk)
    desk.session.close()
  },
})

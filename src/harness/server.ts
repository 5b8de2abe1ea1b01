import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { workerImportRunner, type ImportRunner } from '../core/exchange/importRunner'
import { sourceImportWorker } from './importWorker'
import { readEssayFile } from '../core/document/essayFile'
import { createApp } from '../core/app'
import { dispatch } from '../core/service'
import { openForWindow } from '../core/review/session'
import { CALL_BODY_LIMIT, type EventName, type Events } from '../shared/contract'
import type { Lang } from '../shared/domain'
import { errorInfo, type ErrorInfo } from '../shared/errors'
import { fileInRoot, mimeType, SECURITY_HEADERS } from '../core/lib/web'
import { stopSync } from '../core/sync/handlers'
import { FactdeskError } from '../shared/errors'
import type { SyncStatus } from '../shared/sync'

/**
 * The browser harness: the built renderer and the real service over loopback HTTP, for tests and
 * development without the Electron binary. Only 127.0.0.1 listens; every call and the event stream
 * need the random token. The page gets it from the printed URL and keeps it in sessionStorage, which
 * is scoped to this origin and port; no cookie carries it, as cookies are sent to every port of a host.
 *
 * Prefs live in `dataDir`, by default <os tmpdir>/factdesk-harness-<user>, so they outlast a run
 * without writing anything next to the review file.
 */
export interface HarnessOptions {
  reviewPath: string
  /** 0 picks a free port. */
  port: number
  /** A language forced for this run, like the app's --lang. */
  lang?: Lang
  dataDir?: string
  rendererDir: string
  resourcesDir: string
  /** Share the review with a team server from the start (docs/team-server.md). */
  sync?: { url: string; tokenFile: string }
  /** The reviewer name for this run (`--as`), kept in the prefs like one typed in Preferences. */
  reviewerName?: string
}

export interface Harness {
  port: number
  token: string
  /** The address to open: it carries the token. */
  url: string
  reviewPath: string
  /** The team server link made at start, if any. */
  sync?: SyncStatus
  close(): Promise<void>
}

export const BODY_LIMIT = CALL_BODY_LIMIT
const BRIDGE_PATH = '/harness-bridge.js'

function userName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

export function defaultDataDir(): string {
  return join(tmpdir(), `factdesk-harness-${userName().replace(/[^\w.-]/g, '_') || 'user'}`)
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const reviewPath = resolve(opts.reviewPath)
  const dataDir = resolve(opts.dataDir ?? defaultDataDir())
  const rendererDir = resolve(opts.rendererDir)
  mkdirSync(dirname(reviewPath), { recursive: true })
  const clients = new Set<ServerResponse>()
  const emit = <E extends EventName>(name: E, payload: Events[E]): void => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`
    for (const res of clients) res.write(frame)
  }
  const { session, service, prefs } = createApp({
    dataDir,
    lang: { flag: opts.lang, env: process.env.FACTDESK_LANG, osLocale: Intl.DateTimeFormat().resolvedOptions().locale },
    // A missing file becomes a review of the bundled essay; a foreign file throws and is left untouched.
    firstReview: ({ scale }) =>
      openForWindow(reviewPath, readEssayFile(join(opts.resourcesDir, 'essays', 'seoul-openai.md')), { scale }),
    emit,
    runImport: harnessImportRunner(),
  })
  if (opts.reviewerName !== undefined) prefs.set({ reviewerName: opts.reviewerName.trim() })
  let sync: SyncStatus | undefined
  if (opts.sync) {
    const shared = await dispatch(service, 'sync-connect', {
      url: opts.sync.url,
      token: readFileSync(opts.sync.tokenFile, 'utf8').trim(),
    })
    if (!shared.ok) {
      session.close()
      throw new FactdeskError('harness-sync-failed', { detail: shared.error.message })
    }
    // Ready means linked: wait (at most 5 s) for the server to take or refuse the connection.
    for (let waited = 0; waited < 5000; waited += 50) {
      sync = await service['sync-status']({})
      if (sync.state !== 'offline') break
      await new Promise((done) => setTimeout(done, 50))
    }
  }
  const token = randomBytes(24).toString('base64url')

  let port = opts.port
  const isToken = (value: string | undefined | null): boolean => {
    if (!value) return false
    const a = Buffer.from(value)
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.destroy()
      console.error(err)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Checking Host defeats DNS rebinding: a page on another name that resolves here is refused.
    if (!allowedHosts().includes(req.headers.host ?? '')) return forbidden(res, 'Forbidden host')
    const origin = req.headers.origin
    if (origin && !allowedHosts().some((h) => origin === `http://${h}`)) return forbidden(res, 'Forbidden origin')
    const url = new URL(req.url ?? '/', `http://${allowedHosts()[0]}`)

    if (url.pathname.startsWith('/call/')) return handleCall(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    if (url.pathname === '/events') {
      if (!isToken(url.searchParams.get('token'))) return forbidden(res, 'Forbidden')
      return openEvents(req, res)
    }
    // The app's files hold nothing of the review; the token goes only into a page opened with it.
    const viaQuery = isToken(url.searchParams.get('token'))
    if (url.pathname === BRIDGE_PATH) {
      return send(res, 200, mimeType('bridge.js'), await readFile(join(__dirname, 'bridge.js')))
    }
    const file = fileInRoot(rendererDir, url.pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    }
    if (file === join(rendererDir, 'index.html'))
      body = Buffer.from(injectBridge(body.toString('utf8'), viaQuery ? token : ''))
    send(res, 200, mimeType(file), body)
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(res, 405, failure(errorInfo('request-not-allowed')))
    }
    const header = req.headers['x-factdesk-token']
    if (!isToken(typeof header === 'string' ? header : undefined)) {
      return sendJson(res, 403, failure(errorInfo('request-not-allowed')))
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > BODY_LIMIT) return refuseLargeBody(req, res)
    const body = await readBody(req)
    if (body === 'too-large') return refuseLargeBody(req, res)
    let args: unknown
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : undefined
    } catch {
      return sendJson(res, 400, failure(errorInfo('invalid-args', { fields: 'body' })))
    }
    let method: string
    try {
      method = decodeURIComponent(url.pathname.slice('/call/'.length))
    } catch {
      method = ''
    }
    sendJson(res, 200, await dispatch(service, method, args))
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' })
    res.write(': connected\n\n')
    clients.add(res)
    req.on('close', () => clients.delete(res))
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolveListen()
    })
  }).catch((err: unknown) => {
    session.close()
    throw err
  })
  port = (server.address() as AddressInfo).port
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n')
  }, 15_000)
  heartbeat.unref()

  let closing: Promise<void> | undefined
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    reviewPath,
    sync,
    close() {
      closing ??= new Promise<void>((done) => {
        clearInterval(heartbeat)
        for (const res of clients) res.end()
        clients.clear()
        server.close(() => {
          stopSync(session)
          session.close()
          done()
        })
        server.closeAllConnections()
      })
      return closing
    },
  }
}

/** Imports run in a worker thread, as in the app, from the TypeScript source (./importWorker.ts). */
function harnessImportRunner(): ImportRunner {
  return workerImportRunner(sourceImportWorker)
}

/** The bridge must run before the app's module script; a classic script in <head> does. */
export function injectBridge(html: string, token: string): string {
  const meta = token ? `<meta name="factdesk-token" content="${token}">` : ''
  const tags = `${meta}<script src="${BRIDGE_PATH}"></script>`
  const head = /<head[^>]*>/i.exec(html)
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length)
  return tags + html
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is read and dropped, so the client gets the 413 instead of a reset.
      if (size <= BODY_LIMIT) chunks.push(chunk)
      else if (size > 4 * BODY_LIMIT) req.destroy()
    })
    req.on('end', () => done(size > BODY_LIMIT ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', fail)
  })
}

function refuseLargeBody(req: IncomingMessage, res: ServerResponse): void {
  const reply = (): void =>
    sendJson(res, 413, failure(errorInfo('request-too-large', { limitMb: Math.floor(BODY_LIMIT / 1024 / 1024) })))
  if (req.readableEnded) return reply()
  req.resume()
  req.once('end', reply)
}

function failure(error: ErrorInfo): { ok: false; error: ErrorInfo } {
  return { ok: false, error }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function forbidden(res: ServerResponse, message: string): void {
  send(res, 403, 'text/plain; charset=utf-8', message)
}

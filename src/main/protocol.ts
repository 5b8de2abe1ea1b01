import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { fileInRoot, mimeType, SECURITY_HEADERS } from '../core/lib/web'

export const APP_SCHEME = 'app'
export const APP_HOST = 'factdesk'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer from app://factdesk/ with the CSP header (a meta tag could be removed by the page). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound()
    const file = fileInRoot(rendererDir, url.pathname)
    if (!file) return notFound()
    try {
      const body = await readFile(file)
      return new Response(new Uint8Array(body), {
        headers: { 'Content-Type': mimeType(file), ...SECURITY_HEADERS },
      })
    } catch {
      return notFound()
    }
  })
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
}

/**
 * Whether a frame's URL is the app itself: app://factdesk in a build, the Vite dev server in development.
 * (Node's URL gives "null" as the origin of a custom scheme, so protocol and host are compared.)
 */
export function isAppUrl(frameUrl: string, devServerUrl: string | undefined): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (!devServerUrl) return false
  const dev = new URL(devServerUrl)
  return url.protocol === dev.protocol && url.host === dev.host
}

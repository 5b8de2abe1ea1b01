import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server, type onAuthenticatePayload, type onStatelessPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { STATE_QUESTION } from './records'
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join, resolve } from 'node:path'
import { FactdeskError } from '../../shared/errors'
import { LIMITS } from '../../shared/domain'

/**
 * The team server (`factdesk serve`): Hocuspocus with its SQLite persistence, one Yjs document per
 * review (named by the review's id), on 127.0.0.1 unless told otherwise. A connection must bring the
 * team token or a reviewer's own token; only their SHA-256 hashes are kept in memory and in
 * `reviewers.json`. The team token's file is the administrator's copy to hand to the team.
 */
export interface SyncServerOptions {
  port: number
  host?: string
  dataDir: string
  /** Where the team token is read from (default DIR/team-token, written on first start). */
  tokenFile?: string
}

export interface SyncServer {
  url: string
  port: number
  tokenFile: string
  /** True when this start wrote a new team token. */
  tokenCreated: boolean
  close(): Promise<void>
}

const REVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const hash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()
const newToken = (): string => randomBytes(32).toString('base64url')

interface Reviewer {
  name: string
  hash: string
}

const reviewersFile = (dataDir: string): string => join(dataDir, 'reviewers.json')

function readReviewers(dataDir: string): Reviewer[] {
  const file = reviewersFile(dataDir)
  if (!existsSync(file)) return []
  const value = JSON.parse(readFileSync(file, 'utf8')) as unknown
  return Array.isArray(value)
    ? value.filter(
        (r: unknown): r is Reviewer =>
          typeof (r as Partial<Reviewer> | null)?.name === 'string' &&
          typeof (r as Partial<Reviewer> | null)?.hash === 'string',
      )
    : []
}

/** Gives a reviewer their own token (printed once, kept only as a hash); a token given before to that name stops working. */
export function addReviewer(dataDir: string, name: string): string {
  const clean = name.trim()
  if (!clean || clean.length > LIMITS.reviewerName)
    throw new FactdeskError('reviewer-name-length', { max: LIMITS.reviewerName })
  mkdirSync(dataDir, { recursive: true })
  const token = newToken()
  const reviewers = [
    ...readReviewers(dataDir).filter((r) => r.name !== clean),
    { name: clean, hash: hash(token).toString('hex') },
  ]
  writeFileSync(reviewersFile(dataDir), JSON.stringify(reviewers, null, 2), { mode: 0o600 })
  return token
}

function loadTeamToken(
  dataDir: string,
  tokenFile: string | undefined,
): { file: string; token: string; created: boolean } {
  const file = resolve(tokenFile ?? join(dataDir, 'team-token'))
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim()
    if (!token) throw new FactdeskError('team-token-empty', { file })
    return { file, token, created: false }
  }
  if (tokenFile) throw new FactdeskError('team-token-missing', { file })
  const token = newToken()
  writeFileSync(file, token + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return { file, token, created: true }
}

/** The reviewer a token belongs to: '' for the team token (the client names itself), null for a wrong one. */
export function tokenOwner(given: string, teamHash: Buffer, reviewers: Reviewer[]): string | null {
  const h = hash(given)
  if (timingSafeEqual(h, teamHash)) return ''
  for (const r of reviewers) {
    const theirs = Buffer.from(r.hash, 'hex')
    if (theirs.length === h.length && timingSafeEqual(h, theirs)) return r.name
  }
  return null
}

/** Clients send `{"token": …, "name": …}` (src/core/sync/client.ts); a bare token is read as the token. */
function parseCredentials(raw: string): { token: string; name: string } {
  try {
    const value = JSON.parse(raw) as { token?: unknown; name?: unknown }
    if (value && typeof value.token === 'string')
      return { token: value.token, name: typeof value.name === 'string' ? value.name : '' }
  } catch {
    // Not JSON: the token alone.
  }
  return { token: raw, name: '' }
}

export async function startSyncServer(opts: SyncServerOptions): Promise<SyncServer> {
  const dataDir = resolve(opts.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const team = loadTeamToken(dataDir, opts.tokenFile)
  const teamHash = hash(team.token)
  const host = opts.host ?? '127.0.0.1'
  const storage = new SQLite({ database: join(dataDir, 'reviews.sqlite') })
  const server = new Server({
    name: 'factdesk',
    port: opts.port,
    address: host,
    quiet: true,
    stopOnSignals: false,
    // Each store writes the whole document (megabytes for a long review), so under a stream of changes
    // it is stored every 10 s at most; a stopped server (close) stores at once. What a killed server had
    // not stored yet is still on the desks, whose next handshake sends it again.
    debounce: 1000,
    maxDebounce: 10_000,
    extensions: [storage],
    // A desk asks which of its updates the server holds: the answer is the document's state vector.
    async onStateless({ payload, document, connection }: onStatelessPayload) {
      if (payload === STATE_QUESTION)
        connection.sendStateless(Buffer.from(Y.encodeStateVector(document)).toString('base64'))
    },
    async onAuthenticate({ token, documentName }: onAuthenticatePayload) {
      if (!REVIEW_ID.test(documentName)) throw new Error('not a review id')
      const { token: given, name } = parseCredentials(token ?? '')
      // Read each time, so a reviewer added while the server runs can connect at once.
      const owner = tokenOwner(given, teamHash, readReviewers(dataDir))
      if (owner === null) throw new Error('wrong token')
      return { user: { name: (owner || name).slice(0, LIMITS.reviewerName) } }
    },
  })
  // Upgraded sockets outlive httpServer.close(): a stopped server ends them, so desks see it go at once.
  const sockets = new Set<Socket>()
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await server.listen()
  const port = server.address.port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `ws://${shownHost}:${port}`,
    port,
    tokenFile: team.file,
    tokenCreated: team.created,
    async close() {
      await server.destroy()
      for (const socket of sockets) socket.destroy()
      storage.db?.close()
    },
  }
}

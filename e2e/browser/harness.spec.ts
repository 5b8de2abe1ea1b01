import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { EDITOR } from '../desk'
import { projectRoot } from '../electronBinary'
import { CALL_BODY_LIMIT } from '../../src/shared/contract'
import { expect, launchHarness, stopHarness, test } from './fixtures'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so that the Host header and the body size are ours to choose. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const call = (port: number, method: string, args: unknown, headers: Record<string, string> = {}) =>
  send(port, {
    method: 'POST',
    path: `/call/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  })

test('a call without the token is refused with 403', async ({ harness }) => {
  const reply = await call(harness.port, 'claims-list', {})
  expect(reply.status).toBe(403)
  const wrong = await call(harness.port, 'claims-list', {}, { 'x-factdesk-token': 'not-the-token' })
  expect(wrong.status).toBe(403)
})

test('a call with the token is answered; invalid arguments give an invalid-args result', async ({ harness }) => {
  const token = { 'x-factdesk-token': harness.token }
  const info = await call(harness.port, 'review-info', {}, token)
  expect(info.status).toBe(200)
  // A missing review file became a new review of the bundled essay.
  expect(JSON.parse(info.body)).toMatchObject({
    ok: true,
    value: { documentTitle: '서울, 오픈AI의 전략적 거점이 되다' },
  })

  const invalid = await call(harness.port, 'claim-update', { id: 'not-a-uuid', patch: { verdict: 'maybe' } }, token)
  expect(invalid.status).toBe(200)
  expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })

  const unknown = await call(harness.port, 'drop-everything', {}, token)
  expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
})

test('calls must be POSTs no larger than the largest import', async ({ harness }) => {
  const token = { 'x-factdesk-token': harness.token }
  const get = await send(harness.port, { path: '/call/claims-list', headers: token })
  expect(get.status).toBe(405)
  // A 50 MB file travels as base64 inside JSON: such a call is accepted, one beyond the limit is not.
  const fileSized = Buffer.alloc(50 * 1024 * 1024, 0x41).toString('base64')
  const accepted = await call(harness.port, 'review-import', { fileName: 'big.json', data: fileSized }, token)
  expect(accepted.status).toBe(200)
  expect(JSON.parse(accepted.body)).toMatchObject({
    ok: false,
    error: { code: 'import-not-json', params: { file: 'big.json' } },
  })
  const tooLarge = await send(harness.port, {
    method: 'POST',
    path: '/call/prefs-set',
    headers: { 'content-type': 'application/json', ...token },
    body: Buffer.alloc(CALL_BODY_LIMIT + 1, 0x20),
  })
  expect(tooLarge.status).toBe(413)
})

test('another Host header (DNS rebinding) is refused', async ({ harness }) => {
  const token = { 'x-factdesk-token': harness.token }
  const rebound = await call(harness.port, 'claims-list', {}, { ...token, host: `attacker.example:${harness.port}` })
  expect(rebound.status).toBe(403)
  const local = await call(harness.port, 'claims-list', {}, { ...token, host: `localhost:${harness.port}` })
  expect(local.status).toBe(200)
})

test('only a page opened with the token gets it, no cookie carries it, and the page keeps it over a reload', async ({
  harness,
  page,
}) => {
  const anonymous = await send(harness.port, { path: '/' })
  expect(anonymous.status).toBe(200)
  expect(anonymous.body).not.toContain(harness.token)
  expect(anonymous.body).not.toContain('factdesk-token" content')
  const pageReply = await send(harness.port, { path: `/?token=${harness.token}` })
  expect(pageReply.status).toBe(200)
  expect(pageReply.body).toContain(`content="${harness.token}"`)
  // Cookies are not port-scoped: any other service on 127.0.0.1 would receive one.
  expect(pageReply.headers['set-cookie']).toBeUndefined()
  expect(pageReply.headers['content-security-policy']).toContain("script-src 'self'")
  expect(pageReply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  const scripts = pageReply.body.match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThanOrEqual(2)
  for (const tag of scripts) expect(tag).toMatch(/\ssrc=/)
  expect(scripts[0]).toContain('/harness-bridge.js')

  await page.goto(harness.url)
  await expect(page.locator(EDITOR).first()).toContainText('서울')
  expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  await page.reload()
  const info = await page.evaluate(() => window.factdesk.call('review-info', {}))
  expect(info.ok).toBe(true)
  expect((await page.context().cookies()).length).toBe(0)
})

test('a file that is not a review file stops the harness with exit code 1 and stays untouched', async ({ workDir }) => {
  const path = join(workDir, 'notes.factdesk')
  const content = 'These are my notes, not a review.\n'
  writeFileSync(path, content)
  const run = spawnSync(
    process.execPath,
    [join(projectRoot, 'scripts', 'harness.mjs'), '--review', path, '--port', '0', '--data-dir', join(workDir, 'data')],
    { cwd: projectRoot, encoding: 'utf8', timeout: 30_000 },
  )
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('not a Factdesk review file')
  expect(readFileSync(path, 'utf8')).toBe(content)
  expect(existsSync(`${path}-wal`)).toBe(false)
})

test('SIGTERM stops the harness cleanly and closes the review file', async ({ workDir }) => {
  const reviewPath = join(workDir, 'closing.factdesk')
  const running = await launchHarness({ reviewPath, dataDir: join(workDir, 'data') })
  const reply = await call(running.port, 'claims-list', {}, { 'x-factdesk-token': running.token })
  expect(reply.status).toBe(200)
  expect(await stopHarness(running.child)).toBe(0)
  // The last connection to close checkpoints and removes the WAL.
  expect(existsSync(`${reviewPath}-wal`)).toBe(false)
})
